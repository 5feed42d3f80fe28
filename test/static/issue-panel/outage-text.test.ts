import type { OutageNotice } from '../../../src/contracts/knowledge';
import { translator } from '../../../static/shared/i18n';
import { outageHeadline } from '../../../static/issue-panel/src/outage-text';

const notice = (over: Partial<OutageNotice> = {}): OutageNotice => ({
  similarRecent: 12,
  hours: 3,
  terms: ['Outlook', 'disconnected'],
  problem: { key: 'PRB-14', summary: 'Mail server down', status: 'In Progress' },
  linked: false,
  ...over,
});

describe('the outage banner’s headline', () => {
  it('names the burst and the problem, in English and German', () => {
    expect(outageHeadline(notice(), translator('en'))).toBe(
      '12 similar tickets in the last 3 h, problem PRB-14',
    );
    expect(outageHeadline(notice(), translator('de'))).toBe(
      '12 ähnliche Tickets in den letzten 3 h, Problem PRB-14',
    );
  });

  it('says one ticket in the singular, and when there is no problem ticket yet', () => {
    expect(outageHeadline(notice({ similarRecent: 1, problem: null }), translator('en'))).toBe(
      '1 similar ticket in the last 3 h, no problem ticket yet',
    );
  });

  it('without a burst, says similar tickets belong to the open problem', () => {
    expect(outageHeadline(notice({ similarRecent: 0, hours: null }), translator('de'))).toBe(
      'Ähnliche Tickets gehören zu einem offenen Problem, Problem PRB-14',
    );
  });

  it('names the open major incident after the problem, and without a problem or burst says so', () => {
    const major = { key: 'HD-7', summary: 'Mail down for all', status: 'In Progress', linked: false };
    expect(outageHeadline(notice({ majorIncident: major }), translator('en'))).toBe(
      '12 similar tickets in the last 3 h, problem PRB-14, major incident HD-7',
    );
    expect(
      outageHeadline(
        notice({ similarRecent: 0, hours: null, problem: null, majorIncident: major }),
        translator('en'),
      ),
    ).toBe('Similar tickets belong to an open major incident, no problem ticket yet, major incident HD-7');
    expect(outageHeadline(notice({ majorIncident: major }), translator('de'))).toBe(
      '12 ähnliche Tickets in den letzten 3 h, Problem PRB-14, Major Incident HD-7',
    );
  });
});
