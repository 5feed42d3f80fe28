import { token } from '@atlaskit/tokens';
import type { SlaRisk } from '@contracts/panel';
import { scale } from '@shared/chart';
import { formatDuration } from '@shared/format';
import { useI18n } from '@shared/i18n';

const WIDTH = 300;
const HEIGHT = 64;
const PAD = 8;
const TRACK_Y = 22;
const TRACK_H = 14;

/**
 * Time from now along the axis: the shaded band is when the ticket is expected to be resolved
 * (low–high, median tick); the vertical line is the SLA deadline. A deadline left of the band
 * means the ticket will probably breach.
 */
export function SlaChart({ sla }: { sla: SlaRisk }) {
  const { t, locale } = useI18n();
  const deadline = Math.max(sla.remainingMs, 0);
  const max = Math.max(sla.expected.highMs, deadline, 1) * 1.1;
  const x = (ms: number) => PAD + scale(ms, 0, max, WIDTH - 2 * PAD);
  const breachLikely = sla.remainingMs < sla.expected.medianMs;
  const deadlineColor = breachLikely ? token('color.icon.danger') : token('color.icon.success');
  const label = t('chartLabel', {
    remaining: formatDuration(sla.remainingMs, locale),
    low: formatDuration(sla.expected.lowMs, locale),
    high: formatDuration(sla.expected.highMs, locale),
  });
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="sla-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
    >
      <title>{label}</title>
      <rect
        x={PAD}
        y={TRACK_Y}
        width={WIDTH - 2 * PAD}
        height={TRACK_H}
        rx={3}
        fill={token('color.background.neutral')}
      />
      <rect
        x={x(sla.expected.lowMs)}
        y={TRACK_Y}
        width={Math.max(x(sla.expected.highMs) - x(sla.expected.lowMs), 2)}
        height={TRACK_H}
        rx={3}
        fill={token('color.background.accent.blue.subtle')}
      />
      <line
        x1={x(sla.expected.medianMs)}
        x2={x(sla.expected.medianMs)}
        y1={TRACK_Y}
        y2={TRACK_Y + TRACK_H}
        stroke={token('color.border.accent.blue')}
        strokeWidth={2}
      />
      <line
        x1={x(deadline)}
        x2={x(deadline)}
        y1={TRACK_Y - 8}
        y2={TRACK_Y + TRACK_H + 4}
        stroke={deadlineColor}
        strokeWidth={2.5}
      />
      <text
        x={x(deadline)}
        y={TRACK_Y - 11}
        fontSize={10}
        textAnchor={anchor(x(deadline))}
        fill={token('color.text')}
      >
        {t('goal')} {formatDuration(sla.remainingMs, locale)}
      </text>
      <text x={PAD} y={HEIGHT - 4} fontSize={10} fill={token('color.text.subtlest')}>
        0
      </text>
      <text
        x={x(sla.expected.medianMs)}
        y={HEIGHT - 4}
        fontSize={10}
        textAnchor={anchor(x(sla.expected.medianMs))}
        fill={token('color.text.subtle')}
      >
        {formatDuration(sla.expected.medianMs, locale)}
      </text>
    </svg>
  );
}

function anchor(xPos: number): 'start' | 'middle' | 'end' {
  if (xPos < 40) return 'start';
  if (xPos > WIDTH - 40) return 'end';
  return 'middle';
}
