import { adfToText, isAdfDocument, MAX_ADF_NODES } from '../../../src/engine/text/adf';

const doc = (...content: unknown[]): unknown => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]): unknown => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]): unknown => ({ type: 'text', text, ...(marks ? { marks } : {}) });

describe('adfToText', () => {
  it('keeps paragraphs, headings and list items as separate lines', () => {
    const text = adfToText(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [t('Drucker defekt')] },
        p(t('Der Drucker im 3. Stock druckt nicht.')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [p(t('Papier geprüft'))] },
            { type: 'listItem', content: [p(t('Neu gestartet'))] },
          ],
        },
      ),
    );
    expect(text.split('\n')).toEqual([
      'Drucker defekt',
      'Der Drucker im 3. Stock druckt nicht.',
      'Papier geprüft',
      'Neu gestartet',
    ]);
  });

  it('turns mentions into a placeholder and keeps link text, card URLs, emoji and status text', () => {
    const text = adfToText(
      doc(
        p(
          t('Hi '),
          { type: 'mention', attrs: { id: '5b10a2844c20165700ede21g', text: '@Erika Mustermann' } },
          t(' see '),
          t('the runbook', [{ type: 'link', attrs: { href: 'https://wiki.example.com/x' } }]),
          { type: 'hardBreak' },
          { type: 'inlineCard', attrs: { url: 'https://jira.example.com/browse/IT-1' } },
          { type: 'emoji', attrs: { shortName: ':fire:', text: '🔥' } },
          { type: 'status', attrs: { text: 'BLOCKED', color: 'red' } },
        ),
      ),
    );
    expect(text).toContain('⟨mention⟩');
    expect(text).not.toContain('Erika');
    expect(text).toContain('the runbook');
    expect(text).toContain('https://jira.example.com/browse/IT-1');
    expect(text).toContain('🔥');
    expect(text).toContain('BLOCKED');
  });

  it('renders code blocks, panels, expands and tables', () => {
    const cell = (s: string): unknown => ({ type: 'tableCell', content: [p(t(s))] });
    const text = adfToText(
      doc(
        { type: 'codeBlock', attrs: { language: 'bash' }, content: [t('systemctl restart cups')] },
        { type: 'panel', attrs: { panelType: 'warning' }, content: [p(t('VPN down since 8:00'))] },
        { type: 'expand', attrs: { title: 'Details' }, content: [p(t('client 4.2'))] },
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('host'), cell('state')] },
            { type: 'tableRow', content: [cell('srv1'), cell('down')] },
          ],
        },
      ),
    );
    expect(text).toContain('systemctl restart cups');
    expect(text).toContain('VPN down since 8:00');
    expect(text).toContain('Details');
    expect(text).toMatch(/host \| state/);
    expect(text).toMatch(/srv1 \| down/);
  });

  it('ignores malformed nodes and unknown types without throwing', () => {
    expect(
      adfToText(
        doc(
          null,
          42,
          'x',
          { type: 'paragraph', content: 'nope' },
          { type: '__proto__', content: [t('kept')] },
        ),
      ),
    ).toBe('kept');
    expect(adfToText(null)).toBe('');
    expect(isAdfDocument({ type: 'doc', content: [] })).toBe(true);
    expect(isAdfDocument({ type: 'paragraph' })).toBe(false);
  });

  it('survives hostile nesting deeper than any call stack, within its node budget', () => {
    let node: unknown = t('deep');
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(adfToText(doc(node))).toBe('deep');
    const wide = { type: 'doc', content: Array.from({ length: MAX_ADF_NODES + 10 }, () => p(t('x'))) };
    expect(adfToText(wide).length).toBeLessThan(MAX_ADF_NODES * 2);
  });
});
