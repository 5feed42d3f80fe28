import fc from 'fast-check';
import { handleRoute } from '../../../src/local/emulator/handlers';
import { JqlError, parseJql } from '../../../src/local/emulator/jql';
import { EmulatorSite } from '../../../src/local/emulator/site';
import { generateDemo } from '../../../src/local/demo/generate';

const demo = generateDemo({ tickets: 150, seed: 11 });

function page(
  site: EmulatorSite,
  jql: string,
  maxResults: number,
  nextPageToken?: string,
): { keys: string[]; token?: string } {
  const body: Record<string, unknown> = { jql, fields: ['summary'], maxResults };
  if (nextPageToken !== undefined) body.nextPageToken = nextPageToken;
  const reply = handleRoute(
    'searchJql',
    {},
    {
      site,
      base: 'http://emulator',
      actor: { kind: 'app' },
      url: new URL('http://emulator/rest/api/3/search/jql'),
      body,
    },
  );
  const json = reply.json as { issues: { key: string }[]; nextPageToken?: string };
  return { keys: json.issues.map((i) => i.key), token: json.nextPageToken };
}

describe('search paging (property)', () => {
  it('returns every issue that survives exactly once, whatever the page size and deletions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('created ASC', 'created DESC', 'updated DESC', 'key ASC', 'key DESC'),
        fc.array(fc.nat({ max: 149 }), { maxLength: 20 }),
        (size, order, deletions) => {
          const site = new EmulatorSite(demo.site, () => demo.site.now);
          const jql = `created >= "1970-01-01" ORDER BY ${order}`;
          const all = site.allIssues().map((i) => i.key);
          const doomed = new Set(deletions.map((d) => all[d % all.length] as string));
          const seen: string[] = [];
          let token: string | undefined;
          let pageNo = 0;
          do {
            const result = page(site, jql, size, token);
            seen.push(...result.keys);
            token = result.token;
            // Deletions land between the first and second page.
            if (pageNo++ === 0) for (const key of doomed) site.deleteIssue(key);
          } while (token !== undefined);
          expect(new Set(seen).size).toBe(seen.length);
          for (const key of all) if (!doomed.has(key)) expect(seen).toContain(key);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('JQL parser (property)', () => {
  it('answers any text with a query or a JqlError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          parseJql(text, 0);
        } catch (e) {
          expect(e).toBeInstanceOf(JqlError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
