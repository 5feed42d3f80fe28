import type { RouteReason } from '@contracts/panel';
import type { Locale, Translate } from '@shared/i18n';
import { formatDate } from '@shared/format';

/**
 * A routing reason in the viewer's language: the server sends the code and its numbers, so the
 * same ticket reads the same in English and German, with the count's plural form.
 */
export function routeReasonText(reason: RouteReason, t: Translate, locale: Locale): string {
  switch (reason.code) {
    case 'rule':
      return t('reason_rule', { name: reason.ruleName });
    case 'classifier':
      return t('reason_classifier');
    case 'similar-team':
      return t(reason.of === 1 ? 'reason_similar-team_one' : 'reason_similar-team_other', {
        count: reason.count,
        of: reason.of,
      });
    case 'solved-similar':
      return t(reason.count === 1 ? 'reason_solved-similar_one' : 'reason_solved-similar_other', {
        count: reason.count,
      });
    case 'category-skill':
      return t(reason.count === 1 ? 'reason_category-skill_one' : 'reason_category-skill_other', {
        count: reason.count,
        category: reason.category,
      });
    case 'open-load':
      return reason.capacity === undefined
        ? t('reason_open-load', { open: reason.open })
        : t('reason_open-load-capacity', { open: reason.open, capacity: reason.capacity });
    case 'away':
      return reason.until === undefined
        ? t('reason_away')
        : t('reason_away-until', { until: formatDate(reason.until, locale) });
    case 'inactive':
      return t('reason_inactive');
    case 'at-capacity':
      return t('reason_at-capacity', { open: reason.open, capacity: reason.capacity });
    case 'rule-chose-unavailable':
      return t('reason_rule-chose-unavailable', { name: reason.ruleName });
  }
}
