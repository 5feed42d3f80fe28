import type { OutageNotice } from '../../../src/contracts/knowledge';
import type { Translate } from '../../shared/i18n';

/**
 * The banner's one line: the burst ("12 similar tickets in the last 3 h") or, without one, that
 * similar tickets belong to an open problem; then the problem's key or that there is none yet.
 */
export function outageHeadline(outage: OutageNotice, t: Translate): string {
  const burst =
    outage.hours === null
      ? t('outageKnownProblem')
      : t(outage.similarRecent === 1 ? 'outageBurstOne' : 'outageBurst', {
          count: outage.similarRecent,
          hours: outage.hours,
        });
  const problem = outage.problem ? t('outageProblem', { key: outage.problem.key }) : t('outageNoProblem');
  return `${burst}, ${problem}`;
}
