import { parseCsvText } from '../../../src/local/adapters/read-table';
import { InputError } from '../../../src/engine/errors';
import { parseCommentCell, readJiraExport } from '../../../src/local/readiness/jira-export';

const HEADER =
  'Summary,Issue key,Issue id,Issue Type,Status,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Component/s,Component/s,Labels,Description,Comment,Comment,Custom field (Request Type),Custom field (__proto__),Outward issue link (Duplicate),Inward issue link (Relates)';

function exportOf(rows: string[]) {
  return readJiraExport(parseCsvText([HEADER, ...rows].join('\n')));
}

describe('readJiraExport', () => {
  const ex = exportOf([
    'VPN drops,ITS-2,10002,Service Request,Done,High,Fixed,Ana Agent,Carl Customer,01/Mar/25 09:00,02/Mar/25 10:00,02/Mar/25 10:00,Network,VPN,remote,"Line one\nline two","01/Mar/25 10:00;557058:ana;Restarted the gateway",,Get IT help,odd,ITS-1,',
    'VPN keeps dropping,ITS-1,10001,Service Request,Open,,,,,28/Feb/25 08:00,28/Feb/25 08:00,,,,,,,,,,,ITS-2',
  ]);

  it('reads repeated columns as lists and Jira dates as epoch ms', () => {
    const t = ex.tickets[0]!;
    expect(t.components).toEqual(['Network', 'VPN']);
    expect(t.labels).toEqual(['remote']);
    expect(t.created).toBe(Date.UTC(2025, 2, 1, 9, 0));
    expect(t.resolved).toBe(Date.UTC(2025, 2, 2, 10, 0));
    expect(t.statusCategory).toBe('done');
    expect(t.requestType).toBe('Get IT help');
    expect(t.description).toBe('Line one\nline two');
  });

  it('splits comment cells into date, author and body', () => {
    expect(ex.tickets[0]!.comments).toEqual([
      {
        author: '557058:ana',
        body: 'Restarted the gateway',
        created: Date.UTC(2025, 2, 1, 10, 0),
        internal: false,
      },
    ]);
    expect(parseCommentCell('no date; just text')).toEqual({
      created: Number.NaN,
      author: '',
      body: 'no date; just text',
    });
  });

  it('keeps link columns with their type and direction', () => {
    expect(ex.tickets[0]!.links).toEqual([{ key: 'ITS-1', type: 'Duplicate', direction: 'outward' }]);
    expect(ex.tickets[1]!.links).toEqual([{ key: 'ITS-2', type: 'Relates', direction: 'inward' }]);
  });

  it('treats missing optional values as empty, and an unresolved ticket as open', () => {
    const t = ex.tickets[1]!;
    expect(t.priority).toBeNull();
    expect(t.assigneeId).toBeNull();
    expect(t.resolution).toBeNull();
    expect(t.statusCategory).toBe('new');
  });

  it('stores a custom field named __proto__ as plain data', () => {
    const custom = ex.tickets[0]!.custom;
    expect(Object.prototype.hasOwnProperty.call(custom, '__proto__')).toBe(true);
    expect(custom['__proto__' as keyof typeof custom]).toBe('odd');
    expect(({} as Record<string, unknown>).odd).toBeUndefined();
    expect(ex.customFields).toEqual(['__proto__']);
  });

  it('names the column when the export is not a Jira export', () => {
    expect(() => readJiraExport(parseCsvText('Title,Body\na,b\n'))).toThrow(/column "Summary" not found/);
  });

  it('rejects bad and repeated issue keys with the row number', () => {
    expect(() => exportOf(['x,not-a-key,1,,,,,,,,,,,,,,,,,,,'])).toThrow(/row 2: "Issue key"/);
    expect(() => exportOf(['x,ITS-1,1,,,,,,,,,,,,,,,,,,,', 'y,ITS-1,2,,,,,,,,,,,,,,,,,,,'])).toThrow(
      /row 3: issue ITS-1 appears twice/,
    );
  });

  it('refuses an export without tickets', () => {
    expect(() => readJiraExport(parseCsvText(`${HEADER}\n`))).toThrow(InputError);
  });
});
