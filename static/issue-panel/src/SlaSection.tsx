import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { SlaBand, SlaRisk } from '@contracts/panel';
import { formatDuration, formatPercent } from '@shared/format';
import type { MessageKey } from '@shared/i18n';
import { useI18n } from '@shared/i18n';
import { SLA_BAND_LABEL } from '@shared/sla-band';
import { SlaChart } from './SlaChart';
import { slaDriverText } from './sla-text';

/** Shortest history the server estimates from (src/app/engines/sla-reading.ts). */
const MIN_RESOLVED_HISTORY = 20;

const bandAppearance: Record<SlaBand, 'success' | 'moved' | 'removed'> = {
  'on-track': 'success',
  'at-risk': 'moved',
  'likely-breach': 'removed',
  breached: 'removed',
};

const EXPECTED_LABEL: Record<SlaRisk['metricKind'], MessageKey> = {
  resolution: 'expected_resolution',
  'first-response': 'expected_first-response',
  other: 'expected_other',
};

const term = { color: token('color.text.subtle'), margin: 0 };

/** Why there is no estimate, in one sentence; null when the estimate is the model's. */
function basisNote(sla: SlaRisk, t: ReturnType<typeof useI18n>['t']): string | null {
  if (sla.basis === 'learning') return t('slaLearning');
  if (sla.basis !== 'prior') return null;
  if (sla.priorReason === 'little-history')
    return t('slaPrior_little-history', {
      count: String(sla.historyCount),
      min: String(MIN_RESOLVED_HISTORY),
    });
  return t(sla.metricKind === 'first-response' ? 'slaPrior_first-response' : 'slaPrior_other');
}

export function SlaSection({ sla }: { sla: SlaRisk }) {
  const { t, locale } = useI18n();
  const remaining =
    sla.remainingMs < 0
      ? t('overdue', { time: formatDuration(-sla.remainingMs, locale) })
      : formatDuration(sla.remainingMs, locale);
  const note = basisNote(sla, t);
  const goalShare = sla.goalMs > 0 ? sla.elapsedMs / sla.goalMs : null;
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="semibold">
          <bdi>{sla.metricName}</bdi>
        </Text>
        {sla.band !== null ? (
          <span data-testid="sla-band" data-band={sla.band}>
            <Lozenge appearance={bandAppearance[sla.band]} isBold={sla.band !== 'on-track'}>
              {t(SLA_BAND_LABEL[sla.band])}
            </Lozenge>
          </span>
        ) : null}
        {sla.paused ? <Lozenge>{t('paused')}</Lozenge> : null}
      </Inline>
      {note !== null ? (
        <span data-testid="sla-basis" data-basis={sla.basis}>
          <Text size="small">{note}</Text>
        </span>
      ) : null}
      {sla.probability !== null ? (
        <Text size="small">{t('probability', { pct: formatPercent(sla.probability, locale) })}</Text>
      ) : goalShare !== null && sla.band !== 'breached' ? (
        <Text size="small">{t('goalUsed', { pct: formatPercent(goalShare, locale) })}</Text>
      ) : null}
      <dl
        data-testid="sla-clock"
        style={{
          display: 'grid',
          gridTemplateColumns: 'auto 1fr',
          columnGap: token('space.100'),
          rowGap: token('space.025'),
          margin: 0,
          padding: 0,
          font: token('font.body.small'),
        }}
      >
        <dt style={term}>{t('slaGoal')}</dt>
        <dd style={{ margin: 0 }}>{formatDuration(sla.goalMs, locale)}</dd>
        <dt style={term}>{t('slaElapsed')}</dt>
        <dd style={{ margin: 0 }} data-testid="sla-elapsed">
          {formatDuration(sla.elapsedMs, locale)}
        </dd>
        <dt style={term}>{t('remaining')}</dt>
        <dd style={{ margin: 0 }} data-testid="sla-remaining">
          {remaining}
        </dd>
        {sla.basis === 'history' ? (
          <>
            <dt style={term}>{t(EXPECTED_LABEL[sla.metricKind])}</dt>
            <dd style={{ margin: 0 }} data-testid="sla-expected">
              {sla.expected !== null
                ? t('expectedRange', {
                    median: formatDuration(sla.expected.medianMs, locale),
                    low: formatDuration(sla.expected.lowMs, locale),
                    high: formatDuration(sla.expected.highMs, locale),
                  })
                : t('notEstimated')}
            </dd>
          </>
        ) : null}
      </dl>
      <SlaChart sla={sla} />
      {sla.drivers.length > 0 ? (
        <div>
          <Text size="small" weight="semibold">
            {t('drivers')}
          </Text>
          <ul style={{ margin: 0, paddingLeft: token('space.200'), font: token('font.body.small') }}>
            {sla.drivers.map((driver, i) => (
              <li key={i}>{slaDriverText(driver, t, locale)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Stack>
  );
}
