import { installAndTrain, startHarness } from '../app/harness';
import type { Harness } from '../app/harness';
import { RESOLVERS } from '../../src/contracts/resolvers';
import { MAX_DESCRIPTION } from '../../src/adapters/jira/issue-to-ticket';
import type { AdfDocument } from '../../src/core/ports/jira';

jest.setTimeout(300_000);

/**
 * A 10 MB description (issue 13) through the real ingest path: emulator over HTTP, the consumer
 * fetching the issue as the app, the mapper, SQLite. The result is bounded and said: the text is
 * cut at MAX_DESCRIPTION characters on a character boundary, stored as plain text, and nothing
 * else of the issue is lost. Hostile content rides along: `<script>`, `__proto__` keys in the
 * ADF, bidi controls, a NUL, combining marks, astral characters at the cut.
 */
const ODD = 'Dru\u0308cker <script>alert(1)</script> \u202eevil\u202c \u0000 zero\u200bwidth 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 ';
const PARAGRAPH = `${ODD}${'printer floor three is jammed again and again '.repeat(20)}`;

function hugeDescription(bytes: number): AdfDocument {
  const paragraphs: unknown[] = [];
  // The first paragraph puts an astral character (two UTF-16 units) right across the cut.
  paragraphs.push({
    type: 'paragraph',
    content: [{ type: 'text', text: `${'a'.repeat(MAX_DESCRIPTION - 1)}😀 tail` }],
  });
  let size = MAX_DESCRIPTION;
  while (size < bytes) {
    // Keys Jira would never send, as JSON.parse makes them: own properties named __proto__.
    paragraphs.push(
      JSON.parse(
        JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text: PARAGRAPH }] }).replace(
          '{"type":"text"',
          '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"type":"text"',
        ),
      ) as unknown,
    );
    size += Buffer.byteLength(PARAGRAPH);
  }
  return { type: 'doc', version: 1, content: paragraphs } as AdfDocument;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ quickTraining: true, tickets: 120, trigger: false });
  await installAndTrain(h);
});
afterAll(() => h.close());

it('stores a 10 MB description cut to the documented cap, safely, losing nothing else', async () => {
  const model = h.site.allIssues().find((i) => i.comments.length > 0);
  if (!model) throw new Error('no issue with comments');
  const bytes = Number(process.env.SIZE_MB ?? 10) * 1024 * 1024;
  const description = hugeDescription(bytes);
  expect(Buffer.byteLength(JSON.stringify(description))).toBeGreaterThan(bytes);
  const issue = h.site.createIssue(
    { ...model, summary: `Printer ${ODD}jammed`, description, securityLevelId: null },
    { kind: 'app' },
  );
  issue.comments = model.comments.map((c) => ({ ...c }));
  const rss0 = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  await h.app.consume({ kind: 'ingest', issueId: issue.id, eventAt: 0 });
  const ms = performance.now() - t0;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(
    `10 MB description ingest: ${ms.toFixed(0)} ms, peak RSS ${peakMiB.toFixed(0)} MiB ` +
      `(${((process.resourceUsage().maxRSS - rss0) / 1024).toFixed(0)} MiB above the peak before)\n`,
  );

  const stored = await h.storage.tickets.get(issue.id);
  if (!stored) throw new Error('not stored');
  // Cut at the cap, before the astral character rather than through it.
  expect(stored.description.length).toBe(MAX_DESCRIPTION - 1);
  expect(stored.description).toBe('a'.repeat(MAX_DESCRIPTION - 1));
  expect(LONE_SURROGATE.test(stored.description)).toBe(false);
  // Everything else arrived as Jira has it.
  expect(stored.summary).toBe(`Printer ${ODD}jammed`);
  expect(stored.comments.map((c) => c.body)).toHaveLength(model.comments.length);
  expect(stored.key).toBe(issue.key);
  expect(stored.priority).toBe(model.priority);
  expect(await h.storage.index.entries([issue.id])).toHaveLength(1);
  expect(await h.storage.suggestions.get(issue.id, (v) => v)).not.toBeNull();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // Peak memory stays bounded: the 10 MB document, its parse and the cut text, not copies of them.
  expect(process.resourceUsage().maxRSS - rss0).toBeLessThan(400 * 1024);

  // The panel shows it as text.
  const panel = await h.app.resolvers[RESOLVERS.panelGet](
    { issueKey: issue.key },
    { accountId: h.users.agent },
  );
  expect(panel.ok).toBe(true);
});

it('cuts a hostile description of many paragraphs on a character boundary', async () => {
  const model = h.site.allIssues()[0];
  if (!model) throw new Error('no issue');
  const paragraphs = Array.from({ length: 4000 }, () => ({
    type: 'paragraph',
    content: [{ type: 'text', text: PARAGRAPH }],
  }));
  const issue = h.site.createIssue(
    {
      ...model,
      description: { type: 'doc', version: 1, content: paragraphs },
      securityLevelId: null,
    },
    { kind: 'app' },
  );
  await h.app.consume({ kind: 'ingest', issueId: issue.id, eventAt: 0 });
  const stored = await h.storage.tickets.get(issue.id);
  expect(stored?.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  expect(stored?.description.length).toBeGreaterThan(MAX_DESCRIPTION - 10);
  expect(stored?.description.startsWith('Dru\u0308cker <script>alert(1)</script> \u202eevil')).toBe(true);
  expect(LONE_SURROGATE.test(stored?.description ?? '')).toBe(false);
});
