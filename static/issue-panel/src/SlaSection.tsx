import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { SlaBand, SlaRisk } from '@contracts/panel';
import { formatDuration, formatPercent } from '@shared/format';
import { useI18n } from '@shared/i18n';
import { SLA_BAND_LABEL } from '@shared/sla-band';
import { SlaChart } from './SlaChart';

const bandAppearance: Record<SlaBand, 'success' | 'moved' | 'removed'> = {
  'on-track': 'success',
  'at-risk': 'moved',
  'likely-breach': 'removed',
  breached: 'removed',
};

export function SlaSection({ sla }: { sla: SlaRisk }) {
  const { t, locale } = useI18n();
  const remaining =
    sla.remainingMs < 0
      ? t('overdue', { time: formatDuration(-sla.remainingMs, locale) })
      : formatDuration(sla.remainingMs, locale);
  return (
    <Stack space="space.100">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="semibold">{sla.metricName}</Text>
        <span data-testid="sla-band" data-band={sla.band}>
          <Lozenge appearance={bandAppearance[sla.band]} isBold={sla.band !== 'on-track'}>
            {t(SLA_BAND_LABEL[sla.band])}
          </Lozenge>
        </span>
        {sla.paused ? <Lozenge>{t('paused')}</Lozenge> : null}
      </Inline>
      <Text size="small">{t('probability', { pct: formatPercent(sla.probability, locale) })}</Text>
      <dl
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
        <dt style={{ color: token('color.text.subtle'), margin: 0 }}>{t('remaining')}</dt>
        <dd style={{ margin: 0 }}>{remaining}</dd>
        <dt style={{ color: token('color.text.subtle'), margin: 0 }}>{t('expected')}</dt>
        <dd style={{ margin: 0 }}>
          {formatDuration(sla.expected.medianMs, locale)} (
          {t('expectedRange', {
            low: formatDuration(sla.expected.lowMs, locale),
            high: formatDuration(sla.expected.highMs, locale),
          })}
          )
        </dd>
      </dl>
      <SlaChart sla={sla} />
      {sla.drivers.length > 0 ? (
        <div>
          <Text size="small" weight="semibold">
            {t('drivers')}
          </Text>
          <ul style={{ margin: 0, paddingLeft: token('space.200'), font: token('font.body.small') }}>
            {sla.drivers.map((driver, i) => (
              <li key={i}>{driver}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Stack>
  );
}
