import { RESOLVERS } from '../../src/contracts/resolvers';
import { createEngines } from '../../src/app/engines';
import { SIMILAR_LIMIT } from '../../src/core/suggest/compute';
import { textToAdf } from '../../src/adapters/jira/text-to-adf';
import type { EmuIssue } from '../../src/local/emulator/site';
import { installAndTrain, startHarness } from './harness';
import type { Harness } from './harness';

jest.setTimeout(300_000);

/**
 * The stored similar list is the app's (every desk, cut at SIMILAR_LIMIT). A viewer who may
 * browse one desk must still get a full list of that desk's matches, not the few of the stored
 * ten that happen to be theirs.
 */
let h: Harness;
let target: EmuIssue;
const WORDS = ['again', 'today', 'twice', 'since monday', 'each morning', 'after lunch'];

beforeAll(async () => {
  h = await startHarness({
    quickTraining: true,
    tickets: 120,
    trigger: false,
    config: { similar: { windowDays: 0, sameProjectOnly: false } },
  });
  await installAndTrain(h);
  const [own, other] = h.seed.serviceDesks.map((d) => d.projectKey);
  const models = [own, other].map((p) => h.site.allIssues().find((i) => i.projectKey === p));
  const app = { kind: 'app' as const };
  const file = (model: EmuIssue | undefined, n: number): EmuIssue => {
    if (!model) throw new Error('no desk to copy');
    return h.site.createIssue(
      {
        ...model,
        summary: `Outlook keeps asking for my password ${WORDS[n % WORDS.length] ?? ''}`,
        description: textToAdf(
          `After the Windows update Outlook asks for the password ${WORDS[(n + 2) % WORDS.length] ?? ''} and never connects to the mailbox.`,
        ),
        status: 'Resolved',
        resolution: 'Done',
        securityLevelId: null,
      },
      app,
    );
  };
  // Fourteen matches in each of two desks: the app's ten mix both.
  const filed = Array.from({ length: 28 }, (_, n) => file(models[n % 2], n));
  target = file(models[0], 99);
  for (const issue of [...filed, target])
    await h.app.consume({ kind: 'ingest', issueId: issue.id, eventAt: 0 });
});
afterAll(() => h.close());

const shown = async (issueKey: string, accountId: string): Promise<string[]> => {
  const result = await h.twin().resolvers[RESOLVERS.panelGet]({ issueKey }, { accountId });
  if (!result.ok) throw new Error(result.error.message);
  const s = result.data.similar;
  return s.status === 'ok' ? [...s.data.duplicates, ...s.data.related].map((i) => i.key) : [];
};

it('gives a viewer restricted to one desk a full list from that desk', async () => {
  const desk = target.projectKey;
  const inDesk = (k: string) => k.startsWith(`${desk}-`);
  const open = await shown(target.key, h.users.agent);
  expect(open).toHaveLength(SIMILAR_LIMIT);
  expect(open.filter(inDesk).length).toBeLessThan(SIMILAR_LIMIT);
  // What the desk holds: the same search kept to the ticket's own project.
  const ticket = await h.storage.tickets.getByKey(target.key);
  if (!ticket) throw new Error('target not stored');
  const engine = createEngines(h.storage).similar;
  const own = await engine.find(
    ticket,
    { windowDays: 0, sameProjectOnly: true },
    h.site.now(),
    SIMILAR_LIMIT,
  );
  const ownKeys = (await h.storage.tickets.getMany(own.map((x) => x.id))).map((t) => t.key);
  expect(ownKeys).toHaveLength(SIMILAR_LIMIT);
  try {
    for (const d of h.seed.serviceDesks)
      h.site.setProjectAccess({
        projectKey: d.projectKey,
        accountIds: d.projectKey === desk ? [h.users.agent] : [],
      });
    const restricted = await shown(target.key, h.users.agent);
    expect(restricted.every(inDesk)).toBe(true);
    expect(restricted).toHaveLength(SIMILAR_LIMIT);
    // The same matches a desk-only search finds (scores near the cut may order a tie otherwise).
    expect(restricted.filter((k) => ownKeys.includes(k)).length).toBeGreaterThanOrEqual(SIMILAR_LIMIT - 2);
  } finally {
    h.site.projectAccess.clear();
  }
});
