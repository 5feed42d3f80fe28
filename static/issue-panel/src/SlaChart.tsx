import { token } from '@atlaskit/tokens';
import type { SlaRisk } from '@contracts/panel';
import { scale } from '@shared/chart';
import { useI18n } from '@shared/i18n';
import { nowLabelFits, slaChartTexts } from './sla-text';

const WIDTH = 300;
const HEIGHT = 64;
const PAD = 8;
const TRACK_Y = 22;
const TRACK_H = 14;

/**
 * Time from now along the axis. The vertical line is where the goal runs out (its label says
 * how long until then, or how long overdue); the shaded band, when the model estimates one, is
 * when the ticket is expected to be resolved (low–high, median tick labelled "expected").
 */
export function SlaChart({ sla }: { sla: SlaRisk }) {
  const { t, locale } = useI18n();
  const expected = sla.expected;
  const deadline = Math.max(sla.remainingMs, 0);
  const max = Math.max(expected?.highMs ?? 0, deadline, 1) * 1.1;
  const x = (ms: number) => PAD + scale(ms, 0, max, WIDTH - 2 * PAD);
  const breachLikely = sla.remainingMs <= 0 || (expected !== null && sla.remainingMs < expected.medianMs);
  const deadlineColor = breachLikely ? token('color.icon.danger') : token('color.icon.success');
  const texts = slaChartTexts(sla, t, locale);
  const label = texts.label;
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
      {expected !== null ? (
        <>
          <rect
            x={x(expected.lowMs)}
            y={TRACK_Y}
            width={Math.max(x(expected.highMs) - x(expected.lowMs), 2)}
            height={TRACK_H}
            rx={3}
            fill={token('color.background.accent.blue.subtle')}
          />
          <line
            x1={x(expected.medianMs)}
            x2={x(expected.medianMs)}
            y1={TRACK_Y}
            y2={TRACK_Y + TRACK_H}
            stroke={token('color.border.accent.blue')}
            strokeWidth={2}
          />
          <text
            data-testid="sla-chart-expected"
            x={x(expected.medianMs)}
            y={HEIGHT - 4}
            fontSize={10}
            textAnchor={anchor(x(expected.medianMs))}
            fill={token('color.text.subtle')}
          >
            {texts.expected}
          </text>
        </>
      ) : null}
      <line
        x1={x(deadline)}
        x2={x(deadline)}
        y1={TRACK_Y - 8}
        y2={TRACK_Y + TRACK_H + 4}
        stroke={deadlineColor}
        strokeWidth={2.5}
      />
      <text
        data-testid="sla-chart-deadline"
        x={x(deadline)}
        y={TRACK_Y - 11}
        fontSize={10}
        textAnchor={anchor(x(deadline))}
        fill={token('color.text')}
      >
        {texts.deadline}
      </text>
      {nowLabelFits(
        PAD,
        t('chartNow'),
        expected !== null && texts.expected !== null
          ? { x: x(expected.medianMs), text: texts.expected, anchor: anchor(x(expected.medianMs)) }
          : null,
      ) ? (
        <text x={PAD} y={HEIGHT - 4} fontSize={10} fill={token('color.text.subtlest')}>
          {t('chartNow')}
        </text>
      ) : null}
    </svg>
  );
}

function anchor(xPos: number): 'start' | 'middle' | 'end' {
  if (xPos < 60) return 'start';
  if (xPos > WIDTH - 60) return 'end';
  return 'middle';
}
