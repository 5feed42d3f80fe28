import type { OutageNotice } from '../../../src/contracts/knowledge';
import type { Translate } from '../../shared/i18n';

/**
 * The banner's one line: the burst ("12 similar tickets in the last 3 h") or, without one, what
 * similar tickets belong to; then the problem's key or that there is none yet; then the major
 * incident, when one is open.
 */
export function outageHeadline(outage: OutageNotice, t: Translate): string {
  const major = outage.majorIncident ?? null;
  const burst =
    outage.hours !== null
      ? t(outage.similarRecent === 1 ? 'outageBurstOne' : 'outageBurst', {
          count: outage.similarRecent,
          hours: outage.hours,
        })
      : t(outage.problem === null && major !== null ? 'outageKnownMajor' : 'outageKnownProblem');
  const problem = outage.problem ? t('outageProblem', { key: outage.problem.key }) : t('outageNoProblem');
  const parts = [burst, problem];
  if (major) parts.push(t('outageMajor', { key: major.key }));
  return parts.join(', ');
}
