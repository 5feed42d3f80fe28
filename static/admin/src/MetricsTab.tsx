import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import type { AdminMetrics, FieldMetricsRow } from '@contracts/admin';
import type { FieldConfig } from '@contracts/config';
import type { ResolverError } from '@contracts/common';
import { RESOLVERS } from '@contracts/resolvers';
import { scale } from '@shared/chart';
import { DataTable } from '@shared/DataTable';
import { NativeSelect } from '@shared/NativeSelect';
import { callResolver } from '@shared/resolver';
import { formatNumber, formatPercent } from '@shared/format';
import { useI18n, type MessageKey } from '@shared/i18n';
import { slaBandLabel } from '@shared/sla-band';
import { ErrorMessage, Loading } from '@shared/ui';

type Outcome = 'accepted' | 'replaced' | 'dismissed' | 'autoApplied';
const OUTCOMES: ReadonlyArray<{ key: Outcome; label: MessageKey; color: string }> = [
  {
    key: 'accepted',
    label: 'accepted',
    color: token('color.chart.success.bold', token('color.icon.success')),
  },
  {
    key: 'autoApplied',
    label: 'autoAppliedCount',
    color: token('color.chart.brand', token('color.icon.brand')),
  },
  { key: 'replaced', label: 'replaced', color: token('color.chart.warning', token('color.icon.warning')) },
  {
    key: 'dismissed',
    label: 'dismissedCount',
    color: token('color.chart.neutral', token('color.icon.subtle')),
  },
];

export function MetricsTab({ fields }: { fields: readonly FieldConfig[] }) {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<'7' | '30' | '90'>('30');
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ok'; data: AdminMetrics } | { status: 'error'; error: ResolverError }
  >({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await callResolver<AdminMetrics>(RESOLVERS.adminMetrics, { days: Number(days) });
    setState(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
  }, [days]);

  useEffect(() => {
    void load();
  }, [load]);

  const nameOf = (fieldId: string) => fields.find((f) => f.fieldId === fieldId)?.name ?? fieldId;

  return (
    <Stack space="space.300">
      <Inline space="space.100" alignBlock="center">
        <label htmlFor="metrics-days">
          <Text>{t('metricsDays')}</Text>
        </label>
        <NativeSelect
          id="metrics-days"
          label={t('metricsDays')}
          value={days}
          options={(['7', '30', '90'] as const).map((n) => ({ value: n, label: t('days', { n }) }))}
          onChange={setDays}
        />
      </Inline>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <ErrorMessage error={state.error} onRetry={() => void load()} /> : null}
      {state.status === 'ok' ? (
        <>
          <Stack space="space.150">
            <h2 style={{ font: token('font.heading.small'), margin: 0 }}>{t('feedbackTitle')}</h2>
            <Legend />
            {groupByField(state.data.fields).length === 0 ? (
              <Text color="color.text.subtle">{t('noMetrics')}</Text>
            ) : (
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
                  gap: token('space.200'),
                }}
              >
                {groupByField(state.data.fields).map(([fieldId, rows]) => (
                  <FeedbackChart key={fieldId} title={nameOf(fieldId)} rows={rows} />
                ))}
              </div>
            )}
            <DataTable
              caption={t('feedbackTitle')}
              rows={groupByField(state.data.fields).map(([fieldId, rows]) => ({
                fieldId,
                totals: totals(rows),
              }))}
              rowKey={(row) => row.fieldId}
              columns={[
                { key: 'field', header: t('field'), cell: (row) => nameOf(row.fieldId) },
                ...OUTCOMES.map((o) => ({
                  key: o.key,
                  header: t(o.label),
                  numeric: true,
                  cell: (row: { totals: Record<Outcome, number> }) => formatNumber(row.totals[o.key], locale),
                })),
              ]}
            />
          </Stack>
          <Text color="color.text.subtle">{t('slaOutcomesNote')}</Text>
          <DataTable
            caption={t('slaOutcomes')}
            testId="sla-outcomes"
            rows={state.data.sla}
            rowKey={(row) => row.band}
            empty={t('noSlaOutcomes')}
            columns={[
              { key: 'band', header: t('band'), cell: (row) => slaBandLabel(row.band, t) },
              {
                key: 'predicted',
                header: t('predicted'),
                numeric: true,
                cell: (row) => formatNumber(row.predicted, locale),
              },
              {
                key: 'breached',
                header: t('breached'),
                numeric: true,
                cell: (row) => formatNumber(row.breached, locale),
              },
              {
                key: 'rate',
                header: t('breachRate'),
                numeric: true,
                cell: (row) =>
                  row.predicted > 0 ? formatPercent(row.breached / row.predicted, locale) : '–',
              },
            ]}
          />
          {state.data.slaReliability.length > 0 ? (
            <DataTable
              caption={t('slaReliability')}
              testId="sla-reliability"
              rows={state.data.slaReliability}
              rowKey={(row) => String(row.from)}
              columns={[
                {
                  key: 'range',
                  header: t('predictedProbability'),
                  cell: (row) => `${formatPercent(row.from, locale)}–${formatPercent(row.to, locale)}`,
                },
                {
                  key: 'cycles',
                  header: t('cycles'),
                  numeric: true,
                  cell: (row) => formatNumber(row.cycles, locale),
                },
                {
                  key: 'mean',
                  header: t('meanPredicted'),
                  numeric: true,
                  cell: (row) => formatPercent(row.meanProbability, locale),
                },
                {
                  key: 'observed',
                  header: t('observedBreachRate'),
                  numeric: true,
                  cell: (row) => (row.cycles > 0 ? formatPercent(row.breached / row.cycles, locale) : '–'),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

function groupByField(rows: readonly FieldMetricsRow[]): Array<[string, FieldMetricsRow[]]> {
  const groups = new Map<string, FieldMetricsRow[]>();
  for (const row of rows) {
    const list = groups.get(row.fieldId) ?? [];
    list.push(row);
    groups.set(row.fieldId, list);
  }
  return [...groups.entries()].map(([id, list]) => [id, list.sort((a, b) => a.day.localeCompare(b.day))]);
}

function totals(rows: readonly FieldMetricsRow[]): Record<Outcome, number> {
  const sum: Record<Outcome, number> = { accepted: 0, replaced: 0, dismissed: 0, autoApplied: 0 };
  for (const row of rows) for (const o of OUTCOMES) sum[o.key] += row[o.key];
  return sum;
}

function Legend() {
  const { t } = useI18n();
  return (
    <Inline space="space.200" shouldWrap>
      {OUTCOMES.map((o) => (
        <Inline key={o.key} space="space.050" alignBlock="center">
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" rx="2" fill={o.color} />
          </svg>
          <Text size="small">{t(o.label)}</Text>
        </Inline>
      ))}
    </Inline>
  );
}

const W = 300;
const H = 120;

/** Stacked bars per day: how agents answered the suggestions for one field. */
function FeedbackChart({ title, rows }: { title: string; rows: readonly FieldMetricsRow[] }) {
  const max = Math.max(1, ...rows.map((r) => OUTCOMES.reduce((s, o) => s + r[o.key], 0)));
  const band = (W - 8) / Math.max(rows.length, 1);
  const barW = Math.max(Math.min(band * 0.7, 24), 2);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ font: token('font.body.small'), fontWeight: 600 }}>{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${W} ${H + 16}`}
        width="100%"
        style={{ maxWidth: W, display: 'block' }}
      >
        <line x1={0} x2={W} y1={H} y2={H} stroke={token('color.border')} />
        {rows.map((row, i) => {
          let y = H;
          const x = 4 + i * band + (band - barW) / 2;
          return (
            <g key={row.day}>
              <title>{`${row.day}: ${OUTCOMES.map((o) => `${o.key} ${row[o.key]}`).join(', ')}`}</title>
              {OUTCOMES.map((o) => {
                const h = scale(row[o.key], 0, max, H - 4);
                y -= h;
                return h > 0 ? <rect key={o.key} x={x} y={y} width={barW} height={h} fill={o.color} /> : null;
              })}
            </g>
          );
        })}
        {rows.length > 0 ? (
          <>
            <text x={4} y={H + 12} fontSize={9} fill={token('color.text.subtle')}>
              {rows[0]?.day}
            </text>
            <text x={W - 4} y={H + 12} fontSize={9} textAnchor="end" fill={token('color.text.subtle')}>
              {rows[rows.length - 1]?.day}
            </text>
          </>
        ) : null}
      </svg>
    </figure>
  );
}
