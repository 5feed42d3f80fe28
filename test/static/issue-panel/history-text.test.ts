import type { FieldSuggestion } from '../../../src/contracts/panel';
import { translator } from '../../../static/shared/i18n';
import { historyLine } from '../../../static/issue-panel/src/history-text';

const field = (over: Partial<FieldSuggestion>): FieldSuggestion =>
  ({ status: 'suggested', history: { tickets: 1240, valueTickets: 38 }, ...over }) as FieldSuggestion;

describe('what a suggestion rests on', () => {
  it('names the training tickets and those with the value, in English and German', () => {
    expect(historyLine(field({}), translator('en'), 'en')).toBe(
      'Learnt from 1,240 past tickets, 38 of them with this value.',
    );
    expect(historyLine(field({}), translator('de'), 'de')).toBe(
      'Gelernt aus 1.240 früheren Tickets, davon 38 mit diesem Wert.',
    );
  });

  it('says a single example in the singular', () => {
    expect(historyLine(field({ history: { tickets: 90, valueTickets: 1 } }), translator('en'), 'en')).toBe(
      'Learnt from 90 past tickets, 1 of them with this value.',
    );
  });

  it('names only the training tickets when the app is not sure or the value is unranked', () => {
    expect(historyLine(field({ status: 'not-sure' }), translator('en'), 'en')).toBe(
      'Learnt from 1,240 past tickets.',
    );
    expect(historyLine(field({ history: { tickets: 7, valueTickets: null } }), translator('de'), 'de')).toBe(
      'Gelernt aus 7 früheren Tickets.',
    );
  });

  it('says nothing for a row stored before the history was recorded', () => {
    expect(historyLine(field({ history: null }), translator('en'), 'en')).toBeNull();
  });
});
