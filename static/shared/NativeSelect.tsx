import { token } from '@atlaskit/tokens';

/**
 * A native <select> dressed in Atlaskit's input tokens: keyboard and screen-reader behaviour come
 * from the browser, and tests can drive it with a plain selectOption.
 */
export function NativeSelect<V extends string>({
  value,
  options,
  onChange,
  label,
  testId,
  id,
}: {
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (value: V) => void;
  label: string;
  testId?: string;
  id?: string;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(event) => {
        const chosen = options.find((option) => option.value === event.target.value);
        if (chosen) onChange(chosen.value);
      }}
      style={{
        font: token('font.body'),
        color: token('color.text'),
        background: token('color.background.input'),
        border: `1px solid ${token('color.border.input')}`,
        borderRadius: token('radius.small', '3px'),
        padding: `${token('space.050')} ${token('space.075')}`,
        minHeight: '32px',
        minWidth: '8rem',
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
