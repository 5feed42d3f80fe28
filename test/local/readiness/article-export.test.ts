import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../../src/local/cli/main';
import { exportCsv } from '../../../src/local/demo/export-csv';
import { generateDemo } from '../../../src/local/demo/generate';
import { readArticleExport } from '../../../src/local/readiness/article-export';

jest.setTimeout(240_000);

const dir = mkdtempSync(path.join(tmpdir(), 'tl-articles-'));
const MB = 1024 * 1024;
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('the article export (--articles)', () => {
  it('reads JSON and CSV alike, HTML bodies as text, duplicates once', () => {
    const json = file(
      'kb.json',
      JSON.stringify([
        {
          id: 1001,
          title: 'Reset a password',
          body: '<p>Open <b>the portal</b> &amp; choose reset.</p><script>x()</script>',
        },
        { id: '1001', title: 'Again', body: 'dropped' },
        { id: '1002', title: 'VPN', body: 'Start GlobalProtect.', notHelped: 4 },
      ]),
    );
    const csv = file(
      'kb.csv',
      'id,title,body,notHelped\n1001,Reset a password,"<p>Open <b>the portal</b> &amp; choose reset.</p>",\n1002,VPN,Start GlobalProtect.,4\n',
    );
    const fromJson = readArticleExport(json, MB);
    expect(fromJson).toHaveLength(2);
    expect(fromJson[0]).toMatchObject({
      id: '1001',
      title: 'Reset a password',
      text: 'Open the portal & choose reset.',
    });
    expect(readArticleExport(csv, MB)).toEqual(fromJson.map((a) => ({ ...a, helped: undefined })));
    expect(readArticleExport(file('kb.json.gz', gzipSync(readFileSync(json))), MB)).toEqual(fromJson);
  });

  it.each([
    ['not JSON', '[{"id": 1,', /not valid JSON/],
    ['an empty list', '[]', /not an article export/],
    ['a missing title', '[{"id": "1", "body": "x"}]', /at 0\.title/],
    [
      'an unknown key',
      '[{"id": "1", "title": "t", "body": "x", "__proto__": {"a": 1}, "owner": "x"}]',
      /not an article export/,
    ],
    ['a CSV without a body column', 'id,title\n1,t\n', /needs the columns id, title and body/],
    ['an empty file', '', /empty/],
  ])('refuses %s with one clear line', (_name, content, message) => {
    expect(() => readArticleExport(file(`bad-${_name.replace(/\W/g, '')}.txt`, content), MB)).toThrow(
      message,
    );
  });

  it('refuses a file over the input limit', () => {
    expect(() =>
      readArticleExport(file('big.json', `[${'{"id":"1","title":"t","body":"x"},'.repeat(2000)}]`), 1024),
    ).toThrow(/limit|MB/i);
  });

  it('adds knowledge gaps to the readiness report', async () => {
    const demo = generateDemo({ tickets: 300, seed: 3 });
    const input = file('demo.csv', exportCsv(demo.site));
    const first = demo.site.articles.find((a) => a.language === 'en');
    if (!first) throw new Error('no English demo article');
    // A rated article that did not help, and a second answer to the first article's question.
    const exported = [
      ...demo.site.articles.map((a) => ({ id: a.id, title: a.title, body: a.body })),
      {
        id: '990001',
        title: 'Old printer driver guide',
        body: 'Install driver 1.0.',
        helped: 1,
        notHelped: 6,
      },
      {
        id: '990002',
        title: first.title,
        body: 'Send a letter to the facilities manager and wait for a written reply within four weeks.',
      },
    ];
    const articles = file('demo-kb.json', JSON.stringify(exported));
    const out = path.join(dir, 'report.html');
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main([
      'readiness',
      '--input',
      input,
      '--articles',
      articles,
      '--fields',
      'priority',
      '--out',
      out,
    ]);
    stdout.mockRestore();
    expect(code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<h2>Knowledge gaps</h2>');
    expect(page).toMatch(/\d+ of \d+ resolved tickets are answered by an article/);
    expect(page).toContain('data-section="knowledge-gaps"');
    expect(page).toContain('Old printer driver guide: did not help 6×, helped 1×');
    const conflicts = /data-section="conflicting-articles">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    expect(conflicts).toMatch(/titles 1(\.00)? alike/);
    // The evidence names what only the second answer says.
    expect(conflicts).toMatch(
      /only in\s+the\s+second: [^.]*(letter|facilities|manager|written|reply|weeks)/i,
    );
  });

  it('fails at once, before measuring, on a bad article file', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await main([
      'readiness',
      '--input',
      file('x.csv', 'a,b\n1,2\n'),
      '--articles',
      file('bad.json', '{'),
      '--out',
      path.join(dir, 'r.html'),
    ]);
    const said = stderr.mock.calls.map((c) => String(c[0])).join('');
    stderr.mockRestore();
    expect(code).not.toBe(0);
    expect(said).toMatch(/bad\.json: not valid JSON/);
  });
});
