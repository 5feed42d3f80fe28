import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { AdminConfig } from '@contracts/config';
import { useI18n, type MessageKey } from '@shared/i18n';

type Edit = (change: (current: AdminConfig) => AdminConfig) => void;

/** A labelled on/off setting; `id` is also the toggle's test id. */
function ToggleSetting({
  id,
  label,
  isChecked,
  onToggle,
}: {
  id: string;
  label: MessageKey;
  isChecked: boolean;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  return (
    <Stack space="space.050">
      <label htmlFor={id}>
        <Text weight="semibold">{t(label)}</Text>
      </label>
      <Inline>
        <Toggle id={id} testId={id} isChecked={isChecked} onChange={onToggle} />
      </Inline>
    </Stack>
  );
}

/** A number setting: keeps what the admin types, commits only values inside the contract's range. */
function NumberSetting({
  id,
  label,
  help,
  value,
  min,
  max,
  step = 1,
  onCommit,
}: {
  id: string;
  label: MessageKey;
  help: MessageKey;
  value: number;
  min: number;
  max: number;
  step?: number;
  onCommit: (value: number) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(String(value));
  const n = Number(text);
  const valid =
    text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (step < 1 || Number.isInteger(n));
  return (
    <Stack space="space.050">
      <label htmlFor={id}>
        <Text weight="semibold">{t(label)}</Text>
      </label>
      <div style={{ maxWidth: 160 }}>
        <Textfield
          id={id}
          type="number"
          min={min}
          max={max}
          step={step}
          isCompact
          value={text}
          isInvalid={!valid}
          testId={id}
          aria-describedby={`${id}-help`}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setText(next);
            const v = Number(next);
            if (
              next.trim() !== '' &&
              Number.isFinite(v) &&
              v >= min &&
              v <= max &&
              (step < 1 || Number.isInteger(v))
            )
              onCommit(v);
          }}
        />
      </div>
      <Text size="small" color={valid ? 'color.text.subtle' : 'color.text.danger'} id={`${id}-help`}>
        {t(help, { min, max })}
      </Text>
    </Stack>
  );
}

export function GeneralTab({ draft, edit }: { draft: AdminConfig; edit: Edit }) {
  const { t } = useI18n();
  const groupStyle = {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: token('space.300'),
  } as const;
  return (
    <Stack space="space.400">
      <Stack space="space.150">
        <h2 style={{ font: token('font.heading.small'), margin: 0 }}>{t('sla')}</h2>
        <div style={groupStyle}>
          <NumberSetting
            id="sla-threshold"
            label="riskThreshold"
            help="riskThresholdHelp"
            value={draft.sla.riskThreshold}
            min={0.05}
            max={0.99}
            step={0.01}
            onCommit={(riskThreshold) => edit((c) => ({ ...c, sla: { ...c.sla, riskThreshold } }))}
          />
        </div>
      </Stack>
      <Stack space="space.150">
        <h2 style={{ font: token('font.heading.small'), margin: 0 }}>{t('similar')}</h2>
        <div style={groupStyle}>
          <NumberSetting
            id="similar-window"
            label="windowDays"
            help="windowDaysHelp"
            value={draft.similar.windowDays}
            min={0}
            max={3650}
            onCommit={(windowDays) => edit((c) => ({ ...c, similar: { ...c.similar, windowDays } }))}
          />
          <ToggleSetting
            id="same-project"
            label="sameProjectOnly"
            isChecked={draft.similar.sameProjectOnly}
            onToggle={() =>
              edit((c) => ({ ...c, similar: { ...c.similar, sameProjectOnly: !c.similar.sameProjectOnly } }))
            }
          />
          <ToggleSetting
            id="show-weak-routing"
            label="showWeakRouting"
            isChecked={draft.routing.showWeak}
            onToggle={() => edit((c) => ({ ...c, routing: { showWeak: !c.routing.showWeak } }))}
          />
          <NumberSetting
            id="recurring-min"
            label="recurringMin"
            help="recurringMinHelp"
            value={draft.recurring.minTickets}
            min={2}
            max={1000}
            onCommit={(minTickets) => edit((c) => ({ ...c, recurring: { ...c.recurring, minTickets } }))}
          />
          <NumberSetting
            id="recurring-window"
            label="recurringWindow"
            help="recurringWindowHelp"
            value={draft.recurring.windowHours}
            min={1}
            max={24 * 90}
            onCommit={(windowHours) => edit((c) => ({ ...c, recurring: { ...c.recurring, windowHours } }))}
          />
        </div>
      </Stack>
      <Stack space="space.150">
        <h2 style={{ font: token('font.heading.small'), margin: 0 }}>{t('storage')}</h2>
        <div style={groupStyle}>
          <NumberSetting
            id="retention"
            label="retentionDays"
            help="retentionDaysHelp"
            value={draft.retentionDays}
            min={0}
            max={3650}
            onCommit={(retentionDays) => edit((c) => ({ ...c, retentionDays }))}
          />
        </div>
      </Stack>
    </Stack>
  );
}
