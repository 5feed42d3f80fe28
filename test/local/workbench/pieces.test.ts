import fc from 'fast-check';
import * as path from 'node:path';
import { escapeHtml, html, trusted } from '../../../src/local/workbench/html';
import { parseCookies } from '../../../src/local/workbench/http-util';
import { adfParagraphs } from '../../../src/local/workbench/issue-view-model';
import { formatTime } from '../../../src/local/workbench/pages/ticket-list';
import { injectShim, resolveInside } from '../../../src/local/workbench/static-files';
import { textToAdf } from '../../../src/adapters/jira/text-to-adf';
import { CreateTicket, createFields } from '../../../src/local/workbench/ticket-input';
import { describeWarmup } from '../../../src/local/workbench/warmup';

describe('html', () => {
  it('escapes every interpolated string so no tag or attribute can be opened', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = html`<p title="${s}">${s}</p>`.value;
        const escaped = html`${s}`.value;
        expect(escaped).not.toMatch(/[<>"'`]/);
        expect(out).toBe(`<p title="${escaped}">${escaped}</p>`);
      }),
    );
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('keeps trusted markup and nested templates, drops null and false', () => {
    expect(html`${trusted('<b>')}${html`<i>${'<x>'}</i>`}${null}${false}${[1, '<']}`.value).toBe(
      '<b><i>&lt;x&gt;</i>1&lt;',
    );
  });
});

describe('resolveInside', () => {
  const root = path.resolve('/srv/static/app/dist');
  it('maps plain paths under the root', () => {
    expect(resolveInside(root, '/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveInside(root, '/a%20b.js')).toBe(path.join(root, 'a b.js'));
  });
  it('refuses anything that climbs out or cannot be decoded', () => {
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/..%2fx', '/a\\..\\x', '/%00', '/%E0%A4%A']) {
      expect(resolveInside(root, p)).toBeNull();
    }
  });
  it('never returns a path outside the root, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('..', '.', 'a', '%2e', '%2f', '/', '\\', '%5c', 'b.js')),
        (parts) => {
          const out = resolveInside(root, '/' + parts.join('/'));
          if (out !== null) expect(out === root || out.startsWith(root + path.sep)).toBe(true);
        },
      ),
    );
  });
});

describe('injectShim', () => {
  it('puts the shim first in <head>, whatever its attributes', () => {
    expect(injectShim('<html><head lang="en"><title>x</title></head></html>')).toBe(
      '<html><head lang="en"><script src="/__workbench/bridge-shim.js"></script><title>x</title></head></html>',
    );
    expect(injectShim('<div>no head</div>')).toMatch(
      /^<script src="\/__workbench\/bridge-shim\.js"><\/script><div>/,
    );
  });
});

describe('adfParagraphs', () => {
  it('turns ADF blocks and hard breaks into lines, and passes plain text through', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'mention', attrs: { text: '@Ana' } },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'one' },
                    { type: 'hardBreak' },
                    { type: 'text', text: 'two' },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(adfParagraphs(doc)).toEqual(['Hello @Ana', 'one', 'two']);
    expect(adfParagraphs('a\r\nb')).toEqual(['a', 'b']);
    expect(adfParagraphs(textToAdf('x\n\ny'))).toEqual(['x', 'y']);
  });
  it('survives hostile shapes', () => {
    expect(adfParagraphs(null)).toEqual([]);
    expect(adfParagraphs({ type: 'doc', content: 'nope' })).toEqual([]);
    let deep: unknown = { type: 'text', text: 'deep' };
    for (let i = 0; i < 500; i++) deep = { type: 'paragraph', content: [deep] };
    expect(() => adfParagraphs(deep)).not.toThrow();
  });
});

describe('small helpers', () => {
  it('parses cookies into a Map, __proto__ included', () => {
    const c = parseCookies('tl_user=a%3Ab; __proto__=x; bad; tl_theme=%E0');
    expect(c.get('tl_user')).toBe('a:b');
    expect(c.get('__proto__')).toBe('x');
    expect(c.get('tl_theme')).toBe('%E0');
  });

  it('formats Jira timestamps in UTC', () => {
    expect(formatTime('2026-11-09T12:50:38.808+0100')).toBe('2026-11-09 11:50');
    expect(formatTime('garbage')).toBe('garbage');
    expect(formatTime(null)).toBe('');
  });

  it('builds Jira create fields, leaving empty values to Jira', () => {
    const t = CreateTicket.parse({ summary: '  VPN down ', labels: 'remote work, vpn,', priority: '' });
    expect(createFields('IT', t, 'customfield_10010')).toEqual({
      project: { key: 'IT' },
      summary: 'VPN down',
      issuetype: {},
      labels: ['remote_work', 'vpn'],
    });
    expect(CreateTicket.safeParse({ summary: '   ' }).success).toBe(false);
  });

  it('describes warm-up progress from the job records', () => {
    const job = (state: 'running' | 'done' | 'failed', processed = 0, error: string | null = null) =>
      ({
        kind: 'backfill',
        state,
        processed,
        total: null,
        startedAt: null,
        finishedAt: null,
        error,
      }) as const;
    expect(describeWarmup(null, null).phase).toBe('starting');
    expect(describeWarmup(job('running', 200), null).message).toContain('200');
    expect(describeWarmup(job('done', 300), null).phase).toBe('training');
    expect(describeWarmup(job('done', 300), { ...job('done'), kind: 'train' }).phase).toBe('ready');
    expect(describeWarmup(job('failed', 3, 'Jira down'), null)).toEqual({
      phase: 'failed',
      message: 'Backfill failed: Jira down',
    });
  });
});
