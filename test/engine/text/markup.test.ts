import { htmlToText, looksLikeHtml, wikiToText } from '../../../src/engine/text/markup';
import { toPlainText } from '../../../src/engine/text/plain-text';

describe('htmlToText', () => {
  it('drops tags, scripts and styles, decodes entities, keeps line structure', () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body><p>Gr&uuml;&szlig;e &amp; Dank</p><script>alert(1)</script><ul><li>eins</li><li>zwei</li></ul>a<br/>b &#8364; &#x41;</body></html>';
    const text = htmlToText(html);
    expect(text).toContain('Grüße & Dank');
    expect(text).not.toMatch(/alert|color:red|<|>/);
    expect(text).toMatch(/eins\s*\n\s*zwei/);
    expect(text).toMatch(/a\nb € A/);
  });

  it('leaves unknown or out-of-range entities as written', () => {
    expect(htmlToText('&bogus; &#99999999; &constructor; &__proto__;')).toBe(
      '&bogus; &#99999999; &constructor; &__proto__;',
    );
  });

  it('detects HTML only when there are real tags', () => {
    expect(looksLikeHtml('<p>Hallo</p><p>Welt</p>')).toBe(true);
    expect(looksLikeHtml('if a < b and c > d')).toBe(false);
  });
});

describe('wikiToText', () => {
  it('strips wiki formatting but keeps the words', () => {
    const wiki =
      'h2. Problem\n*Outlook* crashes on _startup_\n{code:java}\nNullPointerException\n{code}\n[Runbook|https://wiki.example.com/rb] asked [~jdoe]\n!screenshot.png|thumbnail!\n||Host||State||\n|srv1|down|';
    const text = wikiToText(wiki);
    expect(text).toContain('Problem');
    expect(text).toContain('Outlook crashes on startup');
    expect(text).toContain('NullPointerException');
    expect(text).toContain('Runbook https://wiki.example.com/rb');
    expect(text).toContain('⟨mention⟩');
    expect(text).not.toContain('jdoe');
    expect(text).not.toContain('screenshot');
    expect(text).not.toMatch(/\{code|h2\.|\*Outlook\*/);
  });
});

describe('toPlainText', () => {
  it('accepts ADF objects, ADF JSON strings, HTML, wiki and plain text', () => {
    const adf = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kein Netz' }] }],
    };
    expect(toPlainText(adf)).toBe('Kein Netz');
    expect(toPlainText(JSON.stringify(adf))).toBe('Kein Netz');
    expect(toPlainText('<p>Kein</p><p>Netz</p>')).toMatch(/Kein\s+Netz/);
    expect(toPlainText('plain words')).toBe('plain words');
    expect(toPlainText('{"doc": broken json')).toContain('broken json');
    expect(toPlainText(42)).toBe('');
    expect(toPlainText(null)).toBe('');
  });
});
