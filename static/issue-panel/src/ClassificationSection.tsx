import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { FieldSuggestion, PanelData } from '@contracts/panel';
import { RESOLVERS } from '@contracts/resolvers';
// The server's own rule (type-only imports), so the panel never offers an Apply the server refuses.
import { isWritable } from '../../../src/core/fields';
import { excerptAround } from '@shared/highlight';
import { formatPercent, formatValue } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { HighlightedText } from './HighlightedText';
import type { PanelActions } from './PanelApp';

/** Fields whose mode hides them from agents: `off` does nothing, `shadow` only records. */
function visibleToAgents(field: FieldSuggestion): boolean {
  return field.mode === 'suggest' || field.mode === 'auto-apply';
}

export function ClassificationSection({
  fields,
  panel,
  actions,
}: {
  fields: FieldSuggestion[];
  panel: PanelData;
  actions: PanelActions;
}) {
  const { t } = useI18n();
  const shown = fields.filter(visibleToAgents);
  if (shown.length === 0) {
    return (
      <Text as="p" color="color.text.subtle">
        {t('sectionEmpty')}
      </Text>
    );
  }
  return (
    <Stack space="space.150">
      {shown.map((field) => (
        <FieldCard key={field.fieldId} field={field} panel={panel} actions={actions} />
      ))}
    </Stack>
  );
}

function FieldCard({
  field,
  panel,
  actions,
}: {
  field: FieldSuggestion;
  panel: PanelData;
  actions: PanelActions;
}) {
  const { t, locale } = useI18n();
  const top = field.candidates[0];
  const spans = field.why.terms.flatMap((term) => term.spans);
  const excerpt = excerptAround(panel.ticketText, spans, 220);
  // Near-zero alternatives are noise in a narrow panel.
  const alternatives = field.candidates.slice(1).filter((c) => c.probability >= 0.01);
  const applyId = `apply-${field.fieldId}`;
  const dismissId = `dismiss-${field.fieldId}`;
  const canAct = field.state === 'open' && !field.abstained && top !== undefined;
  const canApply = canAct && isWritable(field.fieldId);

  return (
    <article
      data-testid={`field-${field.fieldId}`}
      data-state={field.state}
      aria-label={field.fieldName}
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.medium', '4px'),
        padding: token('space.100'),
        background: token('elevation.surface.raised'),
      }}
    >
      <Stack space="space.075">
        <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
          <Text weight="semibold">{field.fieldName}</Text>
          <StateLozenge state={field.state} />
        </Inline>

        {field.abstained || top === undefined ? (
          <Text as="p" color="color.text.subtle">
            {t('abstained')}
          </Text>
        ) : (
          <>
            <Inline space="space.100" alignBlock="baseline" shouldWrap>
              <Text color="color.text.subtle" size="small">
                {t('suggested')}
              </Text>
              <Text weight="bold">{top.value}</Text>
            </Inline>
            <ProgressBar
              value={top.probability}
              appearance={field.meetsTarget ? 'success' : 'default'}
              ariaLabel={t('confidence', { pct: formatPercent(top.probability, locale) })}
            />
            <Text size="small" color="color.text.subtle">
              {t('confidence', { pct: formatPercent(top.probability, locale) })}
              {field.meetsTarget ? '' : ` · ${t('belowTarget')}`}
            </Text>
          </>
        )}

        <Text size="small" color="color.text.subtle">
          {t('current', { value: formatValue(field.current, t('none')) })}
        </Text>

        {alternatives.length > 0 ? (
          <Text size="small" color="color.text.subtlest">
            {t('otherCandidates', {
              list: alternatives
                .slice(0, 3)
                .map((c) => `${c.value} (${formatPercent(c.probability, locale)})`)
                .join(', '),
            })}
          </Text>
        ) : null}

        {!field.abstained && (field.why.terms.length > 0 || field.why.rule) ? (
          <Box>
            <Text size="small" weight="semibold">
              {t('why')}
            </Text>
            {field.why.rule ? (
              <Text as="p" size="small">
                {t('whyRule', { rule: field.why.rule })}
              </Text>
            ) : null}
            {spans.length > 0 ? (
              <p
                data-testid={`why-${field.fieldId}`}
                style={{
                  margin: `${token('space.050')} 0 0`,
                  font: token('font.body.small'),
                  color: token('color.text.subtle'),
                  overflowWrap: 'anywhere',
                  whiteSpace: 'pre-wrap',
                }}
              >
                {excerpt.cutStart ? '…' : ''}
                <HighlightedText text={excerpt.text} spans={excerpt.spans} />
                {excerpt.cutEnd ? '…' : ''}
              </p>
            ) : (
              <Text as="p" size="small">
                {field.why.terms.map((term) => term.text).join(', ')}
              </Text>
            )}
          </Box>
        ) : null}

        {canAct && !canApply ? (
          <Text size="small" color="color.text.subtle">
            {t('suggestOnly')}
          </Text>
        ) : null}
        {canAct ? (
          <Inline space="space.100" shouldWrap>
            {canApply ? (
              <Button
                appearance="primary"
                spacing="compact"
                testId={applyId}
                isLoading={actions.busy === applyId}
                isDisabled={actions.busy !== null}
                aria-label={t('applyLabel', { value: top.value, field: field.fieldName })}
                onClick={() =>
                  void actions.run(
                    applyId,
                    t('doneApplied', { field: field.fieldName, value: top.value }),
                    RESOLVERS.panelApply,
                    {
                      issueKey: panel.issueKey,
                      fieldId: field.fieldId,
                      // The server adds the value to multi-value fields and replaces single ones.
                      value: top.value,
                    },
                  )
                }
              >
                {t('apply')}
              </Button>
            ) : null}
            <Button
              appearance="subtle"
              spacing="compact"
              testId={dismissId}
              isLoading={actions.busy === dismissId}
              isDisabled={actions.busy !== null}
              aria-label={t('dismissLabel', { field: field.fieldName })}
              onClick={() =>
                void actions.run(
                  dismissId,
                  t('doneDismissed', { field: field.fieldName }),
                  RESOLVERS.panelDismiss,
                  {
                    issueKey: panel.issueKey,
                    fieldId: field.fieldId,
                  },
                )
              }
            >
              {t('dismiss')}
            </Button>
          </Inline>
        ) : null}
      </Stack>
    </article>
  );
}

function StateLozenge({ state }: { state: FieldSuggestion['state'] }) {
  const { t } = useI18n();
  switch (state) {
    case 'applied':
      return <Lozenge appearance="success">{t('applied')}</Lozenge>;
    case 'auto-applied':
      return (
        <Lozenge appearance="success" isBold>
          {t('autoApplied')}
        </Lozenge>
      );
    case 'dismissed':
      return <Lozenge appearance="default">{t('dismissed')}</Lozenge>;
    case 'open':
      return null;
  }
}
