import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useState, type ReactNode } from 'react';
import { useI18n } from './i18n';

/**
 * A heading, a plain list showing its first `collapsedCount` items, and a "Show all / Show
 * fewer" toggle that says which list it controls.
 */
export function CollapsibleList({
  listId,
  heading,
  children,
  collapsedCount,
  gap = 'space.100',
  toggleTestId,
}: {
  listId: string;
  heading: ReactNode;
  children: ReactNode[];
  collapsedCount: number;
  gap?: 'space.050' | 'space.100';
  toggleTestId?: string;
}) {
  const { t } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? children : children.slice(0, collapsedCount);
  return (
    <Stack space="space.075">
      {heading}
      <ul id={listId} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: token(gap) }}>
        {shown.map((child, i) => (
          <li key={i}>{child}</li>
        ))}
      </ul>
      {children.length > collapsedCount ? (
        <Inline>
          <Button
            appearance="subtle"
            spacing="compact"
            aria-expanded={expanded}
            aria-controls={listId}
            {...(toggleTestId === undefined ? {} : { testId: toggleTestId })}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? t('showFewer') : t('showAll', { count: children.length })}
          </Button>
        </Inline>
      ) : null}
    </Stack>
  );
}
