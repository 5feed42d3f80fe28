import { token } from '@atlaskit/tokens';
import { coverageAtTarget, linePath, scale } from '@shared/chart';
import { formatPercent } from '@shared/format';
import { useI18n } from '@shared/i18n';

const WIDTH = 360;
const HEIGHT = 220;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;

/**
 * Precision (y) reached when the most confident share of tickets (x) gets a suggestion. The
 * dashed line is the draft target; the marker shows how much coverage that target leaves.
 */
export function PrecisionCoverageChart({
  curve,
  target,
  fieldName,
}: {
  curve: ReadonlyArray<{ coverage: number; precision: number }>;
  target: number;
  fieldName: string;
}) {
  const { t, locale } = useI18n();
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  // Round the axis down to a tenth so its labels read as round numbers.
  const minPrecision = Math.floor(Math.min(0.5, ...curve.map((p) => p.precision)) * 10) / 10;
  const x = (coverage: number) => LEFT + scale(coverage, 0, 1, plotW);
  const y = (precision: number) => TOP + plotH - scale(precision, minPrecision, 1, plotH);
  const sorted = [...curve].sort((a, b) => a.coverage - b.coverage);
  const reach = coverageAtTarget(curve, target);
  const title = t('curveTitle', { field: fieldName });
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const yTicks = [minPrecision, (minPrecision + 1) / 2, 1];
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={title}
        data-testid="precision-coverage-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, display: 'block' }}
      >
        <title>{title}</title>
        {ticks.map((tick) => (
          <g key={`x${tick}`}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={TOP}
              y2={TOP + plotH}
              stroke={token('color.border')}
              strokeWidth={1}
            />
            <text
              x={x(tick)}
              y={TOP + plotH + 14}
              fontSize={10}
              textAnchor="middle"
              fill={token('color.text.subtle')}
            >
              {formatPercent(tick, locale)}
            </text>
          </g>
        ))}
        {yTicks.map((tick) => (
          <text
            key={`y${tick}`}
            x={LEFT - 6}
            y={y(tick) + 3}
            fontSize={10}
            textAnchor="end"
            fill={token('color.text.subtle')}
          >
            {formatPercent(tick, locale)}
          </text>
        ))}
        <text
          x={LEFT + plotW / 2}
          y={HEIGHT - 4}
          fontSize={11}
          textAnchor="middle"
          fill={token('color.text.subtle')}
        >
          {t('coverage')}
        </text>
        <text
          x={12}
          y={TOP + plotH / 2}
          fontSize={11}
          textAnchor="middle"
          fill={token('color.text.subtle')}
          transform={`rotate(-90 12 ${TOP + plotH / 2})`}
        >
          {t('precision')}
        </text>
        <line
          x1={LEFT}
          x2={LEFT + plotW}
          y1={y(target)}
          y2={y(target)}
          stroke={token('color.border.accent.orange')}
          strokeDasharray="4 3"
          strokeWidth={1.5}
        />
        <path
          d={linePath(sorted.map((p) => ({ x: x(p.coverage), y: y(p.precision) })))}
          fill="none"
          stroke={token('color.chart.brand', token('color.border.brand'))}
          strokeWidth={2}
        />
        {reach !== null ? (
          <g>
            <line
              x1={x(reach)}
              x2={x(reach)}
              y1={y(target)}
              y2={TOP + plotH}
              stroke={token('color.border.accent.orange')}
              strokeWidth={1}
            />
            <circle cx={x(reach)} cy={y(target)} r={4} fill={token('color.icon.warning')} />
          </g>
        ) : null}
      </svg>
      <figcaption
        style={{
          font: token('font.body.small'),
          color: token('color.text.subtle'),
          marginTop: token('space.050'),
        }}
        data-testid="curve-explain"
      >
        {reach === null
          ? t('curveNever', { target: formatPercent(target, locale), field: fieldName })
          : t('curveExplain', {
              target: formatPercent(target, locale),
              coverage: formatPercent(reach, locale),
              field: fieldName,
            })}
      </figcaption>
    </figure>
  );
}
