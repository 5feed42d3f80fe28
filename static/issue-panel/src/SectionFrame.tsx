import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { Section } from '@contracts/common';
import { ErrorMessage, Loading } from '@shared/ui';
import { useI18n } from '@shared/i18n';
import { emptyReasonText } from '@shared/empty-reason';

export type SectionId = 'classification' | 'routing' | 'similar' | 'sla' | 'knowledge';

/** A titled panel section that shows its loading, empty, error or loaded state. */
export function SectionFrame<T>({
  id,
  title,
  section,
  divider = true,
  children,
}: {
  id: SectionId;
  /** A line above the section separates it from the one before; the first has none. */
  divider?: boolean;
  title: string;
  section: Section<T> | 'loading';
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  const headingId = `heading-${id}`;
  return (
    <section
      data-testid={`section-${id}`}
      data-state={section === 'loading' ? 'loading' : section.status}
      aria-labelledby={headingId}
      aria-busy={section === 'loading'}
      style={
        divider
          ? { borderTop: `1px solid ${token('color.border')}`, paddingTop: token('space.150') }
          : undefined
      }
    >
      <Stack space="space.100">
        <Heading size="xsmall" as="h2" id={headingId}>
          {title}
        </Heading>
        <Box>
          {section === 'loading' ? (
            <Loading />
          ) : section.status === 'empty' ? (
            <Text as="p" color="color.text.subtle">
              {emptyReasonText(section.reason, t)}
            </Text>
          ) : section.status === 'error' ? (
            <ErrorMessage error={section} testId={`section-${id}-error`} />
          ) : (
            children(section.data)
          )}
        </Box>
      </Stack>
    </section>
  );
}
