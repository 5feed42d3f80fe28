import type { SlaDriver, SlaRisk } from '../../../src/contracts/panel';
import type { Locale, Translate } from '../../shared/i18n';
// Relative paths, not the bundler's aliases: the unit tests and the root typecheck load this file.
import { formatDuration, formatPercent } from '../../shared/format';

/** One SLA driver (a code with numbers from the server) in the viewer's words. */
export function slaDriverText(d: SlaDriver, t: Translate, locale: Locale): string {
  switch (d.code) {
    case 'similar-take': {
      const parts = [
        ...(d.segment.priority !== null ? [t('segmentPriority', { value: d.segment.priority })] : []),
        ...(d.segment.type !== null ? [d.segment.type] : []),
      ];
      return t('driver_similar-take', {
        segment: parts.length > 0 ? parts.join(', ') : t('segmentAll'),
        median: formatDuration(d.medianMs, locale),
        remaining: formatDuration(d.remainingMs, locale),
      });
    }
    case 'queue-load': {
      const ratio = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
        maximumFractionDigits: 1,
      }).format(d.ratio);
      if (d.who === 'team')
        return t(d.ratio < 1 ? 'driver_queue_team_light' : 'driver_queue_team_heavy', { ratio });
      return t(d.ratio < 1 ? 'driver_queue_assignee_light' : 'driver_queue_assignee_heavy', { ratio });
    }
    case 'goal-used':
      return t('driver_goal-used', { pct: formatPercent(d.share, locale) });
    case 'little-history':
      if (d.support === 0) return t('driver_little-history_none');
      if (d.support === 1) return t('driver_little-history_one');
      return t('driver_little-history_many', { count: String(d.support) });
    case 'paused':
      return t('driver_paused');
    case 'outside-hours':
      return t('driver_outside-hours');
    case 'breached':
      return t('driver_breached');
    case 'beyond-history':
      return t('driver_beyond-history');
  }
}

/**
 * The chart's words: the deadline marker says how long until the goal runs out (or how long
 * overdue), the median tick says it is the expected time, the label reads out all four.
 */
export function slaChartTexts(
  sla: Pick<SlaRisk, 'goalMs' | 'elapsedMs' | 'remainingMs' | 'expected'>,
  t: Translate,
  locale: Locale,
): { deadline: string; expected: string | null; label: string } {
  const d = (ms: number) => formatDuration(ms, locale);
  const overdue = sla.remainingMs < 0;
  const e = sla.expected;
  return {
    deadline: overdue
      ? t('chartOverdue', { time: d(-sla.remainingMs) })
      : t('chartDeadline', { time: d(sla.remainingMs) }),
    expected: e === null ? null : t('chartExpected', { time: d(e.medianMs) }),
    label: t('chartLabel', {
      goal: d(sla.goalMs),
      elapsed: d(sla.elapsedMs),
      remaining: overdue ? t('overdue', { time: d(-sla.remainingMs) }) : d(sla.remainingMs),
      expected:
        e === null
          ? t('notEstimated')
          : t('expectedRange', { median: d(e.medianMs), low: d(e.lowMs), high: d(e.highMs) }),
    }),
  };
}

/** Rough width of a 10 px label in the chart's units (no layout to measure it with). */
const labelWidth = (text: string): number => text.length * 5.6;

/**
 * Whether the chart's "now" label at `nowX` (left-aligned) stays clear of the expected tick's
 * label, drawn around `expectedX` with that anchor: the two share the bottom line, and a short
 * expected time put them on top of each other ("nowexpected 2 d 22 h").
 */
export function nowLabelFits(
  nowX: number,
  now: string,
  expected: { x: number; text: string; anchor: 'start' | 'middle' | 'end' } | null,
): boolean {
  if (expected === null) return true;
  const width = labelWidth(expected.text);
  const left =
    expected.anchor === 'start'
      ? expected.x
      : expected.anchor === 'middle'
        ? expected.x - width / 2
        : expected.x - width;
  return left >= nowX + labelWidth(now) + 4;
}
