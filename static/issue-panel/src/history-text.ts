import type { FieldSuggestion } from '../../../src/contracts/panel';
// Relative paths, not the bundler's aliases: the unit tests and the root typecheck load this file.
import { formatNumber } from '../../shared/format';
import type { Locale, Translate } from '../../shared/i18n';

/**
 * What a field suggestion rests on, in the viewer's language: the model's training tickets and
 * those with the suggested value, so a thin class reads as thin. None for rows stored before
 * the history was recorded; a "not sure" field names only the training tickets.
 */
export function historyLine(field: FieldSuggestion, t: Translate, locale: Locale): string | null {
  const h = field.history;
  if (h === null) return null;
  const tickets = formatNumber(h.tickets, locale);
  if (h.valueTickets === null || field.status === 'not-sure') return t('history', { tickets });
  return t(h.valueTickets === 1 ? 'historyValue_one' : 'historyValue_other', {
    tickets,
    count: formatNumber(h.valueTickets, locale),
  });
}
