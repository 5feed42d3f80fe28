import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RESOLVERS } from '../../../src/contracts/resolvers';
import { PanelData } from '../../../src/contracts/panel';
import { readTable } from '../../../src/local/adapters/read-table';
import { readJiraExport } from '../../../src/local/readiness/jira-export';
import { exportFieldSetup } from '../../../src/local/workbench/export-fields';
import { startWorkbench } from '../../../src/local/workbench/start';
import { CSV_ADMIN } from '../../../src/local/workbench/csv-seed';
import { staticFixture } from './fixture';

jest.setTimeout(120_000);

const TOPICS = [
  { category: 'Access', service: 'Identity', words: 'password locked account login reset expired token' },
  { category: 'Network', service: 'Connectivity', words: 'vpn wifi connection drops router cable proxy' },
  { category: 'Hardware', service: 'Workplace', words: 'laptop screen keyboard broken battery dock mouse' },
  {
    category: 'Software',
    service: 'Applications',
    words: 'install licence excel update crashes outlook macro',
  },
];

const DAY = 86_400_000;
const csvDate = (ms: number) => {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.getUTCMonth()
  ];
  return `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${String(d.getUTCFullYear()).slice(2)} 10:00 AM`;
};

/**
 * An export like a real desk's: no request type, priority, components or labels, but two
 * category custom fields that follow the text and a free-text one; the newest tickets are open.
 */
function exportFile(n: number): string {
  const header = [
    'Summary',
    'Issue key',
    'Issue id',
    'Issue Type',
    'Status',
    'Created',
    'Resolved',
    'Description',
    'Custom field (Category)',
    'Custom field (Business Service)',
    'Custom field (Caller note)',
  ];
  const rows = Array.from({ length: n }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length]!;
    const w = topic.words.split(' ');
    const created = Date.UTC(2025, 0, 1) + i * DAY * 0.2;
    const open = i >= n - 8;
    return [
      `${w[i % w.length]} ${w[(i + 3) % w.length]} not working`,
      `SD-${i + 1}`,
      String(30_000 + i),
      'Incident',
      open ? 'Open' : 'Done',
      csvDate(created),
      open ? '' : csvDate(created + DAY),
      `the ${w[(i + 1) % w.length]} and ${w[(i + 5) % w.length]} fail since this morning`,
      // The newest tickets arrive without their categories, as new requests do.
      open ? '' : topic.category,
      open ? '' : topic.service,
      `called at ${i % 24}:00 about order ${i * 31}, asked for a callback`,
    ];
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'tl-export-fields-'));
  const file = path.join(dir, 'export.csv');
  writeFileSync(file, [header, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n'));
  return file;
}

describe('exportFieldSetup', () => {
  it('configures every learnable category custom field and switches off the standard fields the export leaves empty', () => {
    const setup = exportFieldSetup(readJiraExport(readTable(exportFile(240))));
    expect(setup.customFields).toEqual([
      { id: 'customfield_20001', name: 'Category', exportName: 'Category' },
      { id: 'customfield_20002', name: 'Business Service', exportName: 'Business Service' },
    ]);
    const modes = Object.fromEntries(setup.config.fields.map((f) => [f.fieldId, [f.name, f.mode]]));
    expect(modes).toEqual({
      requestType: ['Request type', 'off'],
      priority: ['Priority', 'off'],
      components: ['Components', 'off'],
      labels: ['Labels', 'off'],
      customfield_20001: ['Category', 'suggest'],
      customfield_20002: ['Business Service', 'suggest'],
    });
    expect(setup.ratings.find((r) => r.name === 'Caller note')?.learnable).toBe(false);
  });
});

describe('workbench --input on an export with its own categories', () => {
  it('suggests the export’s own categories in the panel', async () => {
    const input = exportFile(240);
    const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'tl-export-wb-')), 'wb.db');
    const wb = await startWorkbench({ port: 0, input, dbPath, staticRoot: staticFixture() });
    try {
      await wb.ready();
      const saved = JSON.parse(readFileSync(`${dbPath}.config.json`, 'utf8')) as {
        fields: { fieldId: string }[];
      };
      expect(saved.fields.map((f) => f.fieldId)).toContain('customfield_20002');
      const reply = await wb.app.resolvers[RESOLVERS.panelGet](
        { issueKey: 'SD-240', locale: 'en' },
        { accountId: CSV_ADMIN.accountId },
      );
      if (!reply.ok) throw new Error(reply.error.message);
      const panel = PanelData.parse(reply.data);
      if (panel.classification.status !== 'ok') throw new Error(JSON.stringify(panel.classification));
      const byField = Object.fromEntries(
        panel.classification.data.map((f) => [f.fieldName, f.candidates[0]?.value]),
      );
      // SD-240 is the 240th ticket: topic (239 % 4) = Software.
      expect(byField).toEqual({ Category: 'Software', 'Business Service': 'Applications' });
      // Applying writes the site's own select field, as Jira would.
      const applied = await wb.app.resolvers[RESOLVERS.panelApply](
        { issueKey: 'SD-240', fieldId: 'customfield_20001', value: 'Software' },
        { accountId: CSV_ADMIN.accountId },
      );
      expect(applied.ok).toBe(true);
      expect(wb.emulator.site.issue('SD-240')?.custom?.customfield_20001).toBe('Software');
      const refused = await wb.app.resolvers[RESOLVERS.panelApply](
        { issueKey: 'SD-240', fieldId: 'customfield_20001', value: 'No such category' },
        { accountId: CSV_ADMIN.accountId },
      );
      expect(refused.ok).toBe(false);
    } finally {
      await wb.stop();
    }
  });
});
