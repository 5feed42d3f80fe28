import { snippetsAround } from '../../../static/shared/snippets';

const at = (text: string, word: string): [number, number] => {
  const i = text.indexOf(word);
  return [i, i + word.length];
};

describe('snippetsAround', () => {
  const text =
    'Drucker PRN-EG-Poststelle offline\nHallo,\nFollow-Me-Druck gibt meine Aufträge nicht frei, wenn ich die Karte an den Drucker halte.\nViele Grüße\nNoah Hoffmann\nTel. +49 30 1234';

  it('shows a few words around each piece of evidence, on one line, never the whole text', () => {
    const snippets = snippetsAround(text, [at(text, 'Aufträge')], { radius: 20 });
    expect(snippets).toHaveLength(1);
    const [s] = snippets;
    expect(s?.text).toContain('Aufträge');
    expect(s?.text).not.toContain('\n');
    expect(s?.text.length).toBeLessThan(70);
    expect(s?.text).not.toContain('Hoffmann');
    expect(s?.cutStart && s.cutEnd).toBe(true);
    // The span still points at the word.
    const [span] = s?.spans ?? [];
    expect(span && s?.text.slice(span[0], span[1])).toBe('Aufträge');
  });

  it('cuts between words, not inside them', () => {
    const [s] = snippetsAround(text, [at(text, 'Karte')], { radius: 12 });
    const words = text.replace(/\s/g, ' ').split(' ');
    for (const word of s?.text.split(' ') ?? []) expect(words).toContain(word);
  });

  it('joins nearby evidence into one snippet and keeps at most `max`', () => {
    const near = snippetsAround(text, [at(text, 'Drucker'), at(text, 'offline')], { radius: 20 });
    expect(near).toHaveLength(1);
    expect(near[0]?.spans).toHaveLength(2);
    const far = snippetsAround(text, [at(text, 'offline'), at(text, 'Karte'), at(text, 'Grüße')], {
      radius: 8,
      max: 2,
    });
    expect(far).toHaveLength(2);
  });

  it('ignores spans outside the text or reversed', () => {
    expect(
      snippetsAround('short', [
        [3, 1],
        [2, 99],
        [Number.NaN, 2],
      ]),
    ).toEqual([]);
  });
});
