import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { FieldSuggestion, PanelData } from '@contracts/panel';
import { RESOLVERS } from '@contracts/resolvers';
import { formatPercent, formatValue } from '@shared/format';
import { historyLine } from './history-text';
import { useI18n, type Translate } from '@shared/i18n';
import type { Locale } from '@shared/i18n';
import { WhyEvidence } from './WhyEvidence';
import type { PanelActions, UndoCall } from './panel-actions';
import { panelCardStyle } from '@shared/card-style';
import { isolate } from '@shared/bidi';

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
    <Stack space="space.100">
      {shown.map((field) => (
        <FieldCard key={field.fieldId} field={field} panel={panel} actions={actions} />
      ))}
    </Stack>
  );
}

const listOf = (values: FieldSuggestion['alternatives'], locale: Locale) =>
  values.map((c) => `${isolate(c.value)} (${formatPercent(c.probability, locale)})`).join(', ');

/** The one line that says what the status means for this field (none for a plain suggestion). */
function statusLine(field: FieldSuggestion, t: Translate): string | null {
  const value = field.value ?? '';
  switch (field.status) {
    case 'not-sure':
      return t('abstained');
    case 'replaced':
      return t(field.byViewer ? 'replacedByYou' : 'replacedOther', {
        chosen: field.chosen ?? t('none'),
        value,
      });
    case 'dismissed':
      return t('dismissedValue', { value });
    default:
      return null;
  }
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
  const applyId = `apply-${field.fieldId}`;
  const dismissId = `dismiss-${field.fieldId}`;
  const undoId = `undo-${field.fieldId}`;
  const undoCall: UndoCall = {
    key: RESOLVERS.panelUndo,
    payload: { issueKey: panel.issueKey, fieldId: field.fieldId },
    done: t('doneUndone', { field: field.fieldName }),
  };
  const value = field.value;
  const line = statusLine(field, t);
  const history =
    field.status === 'suggested' || field.status === 'not-sure' ? historyLine(field, t, locale) : null;
  const open = field.status === 'suggested';
  const showsValue = field.status === 'suggested' || field.status === 'already-set';
  const alternatives =
    field.alternatives.length === 0
      ? null
      : t(field.status === 'not-sure' ? 'mostLikely' : 'otherCandidates', {
          list: listOf(field.alternatives, locale),
        });

  return (
    <article
      data-testid={`field-${field.fieldId}`}
      data-status={field.status}
      aria-label={field.fieldName}
      style={panelCardStyle}
    >
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" spread="space-between" shouldWrap>
          <Text weight="semibold">{field.fieldName}</Text>
          <StatusLozenge field={field} />
        </Inline>

        {showsValue && value !== null ? (
          <>
            <Inline space="space.100" alignBlock="baseline" shouldWrap>
              {open ? (
                <Text color="color.text.subtle" size="small">
                  {t('suggested')}
                </Text>
              ) : null}
              <Text weight="bold">
                <bdi>{value}</bdi>
              </Text>
              {field.confidence !== null ? (
                <Text size="small" color="color.text.subtle">
                  {t('confidence', { pct: formatPercent(field.confidence, locale) })}
                </Text>
              ) : null}
            </Inline>
            {open && field.confidence !== null ? (
              <ProgressBar
                value={field.confidence}
                appearance="success"
                ariaLabel={t('confidence', { pct: formatPercent(field.confidence, locale) })}
              />
            ) : null}
          </>
        ) : null}
        {(field.status === 'applied' || field.status === 'auto-applied') && value !== null ? (
          <Text weight="bold">
            <bdi>{value}</bdi>
          </Text>
        ) : null}
        {line ? (
          <Text as="p" size="small" color="color.text.subtle">
            {line}
          </Text>
        ) : null}

        {history ? (
          <Text as="p" size="small" color="color.text.subtlest" testId={`history-${field.fieldId}`}>
            {history}
          </Text>
        ) : null}

        {showsValue ? null : (
          <Text size="small" color="color.text.subtle">
            {t('current', { value: isolate(formatValue(field.current, t('none'))) })}
          </Text>
        )}
        {alternatives ? (
          <Text size="small" color="color.text.subtlest">
            {alternatives}
          </Text>
        ) : null}

        {showsValue ? <WhyEvidence field={field} panel={panel} /> : null}

        {open && field.apply === 'jsm-action' && value !== null ? (
          <Text as="p" size="small" color="color.text.subtle">
            {t('requestTypeMove', { value })}
          </Text>
        ) : null}
        {open || field.undo ? (
          <Inline space="space.100" shouldWrap>
            {open && field.apply === 'panel' && value !== null ? (
              <Button
                appearance="primary"
                spacing="compact"
                testId={applyId}
                isLoading={actions.busy === applyId}
                isDisabled={actions.busy !== null}
                aria-label={t('applyLabel', { value, field: field.fieldName })}
                onClick={() =>
                  void actions.run(
                    applyId,
                    t('doneApplied', { field: field.fieldName, value }),
                    RESOLVERS.panelApply,
                    // The server adds the value to multi-value fields and replaces single ones.
                    { issueKey: panel.issueKey, fieldId: field.fieldId, value },
                    { undo: undoCall },
                  )
                }
              >
                {t('apply')}
              </Button>
            ) : null}
            {open ? (
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
                    { issueKey: panel.issueKey, fieldId: field.fieldId },
                    { undo: undoCall },
                  )
                }
              >
                {t('dismiss')}
              </Button>
            ) : null}
            {field.undo ? (
              <Button
                appearance="subtle"
                spacing="compact"
                testId={undoId}
                isLoading={actions.busy === undoId}
                isDisabled={actions.busy !== null}
                aria-label={t('undoLabel', { field: field.fieldName })}
                onClick={() => void actions.run(undoId, undoCall.done, undoCall.key, undoCall.payload)}
              >
                {t('undo')}
              </Button>
            ) : null}
          </Inline>
        ) : null}
      </Stack>
    </article>
  );
}

/** The badge says the same as the text beside it: only decided states get one. */
function StatusLozenge({ field }: { field: FieldSuggestion }) {
  const { t } = useI18n();
  switch (field.status) {
    case 'applied':
      return <Lozenge appearance="success">{t(field.byViewer ? 'appliedByYou' : 'applied')}</Lozenge>;
    case 'auto-applied':
      return (
        <Lozenge appearance="success" isBold>
          {t('autoApplied')}
        </Lozenge>
      );
    case 'already-set':
      return <Lozenge appearance="default">{t('alreadySet')}</Lozenge>;
    case 'replaced':
      return <Lozenge appearance="moved">{t('statusReplaced')}</Lozenge>;
    case 'dismissed':
      return <Lozenge appearance="default">{t('dismissed')}</Lozenge>;
    case 'suggested':
    case 'not-sure':
      return null;
  }
}
