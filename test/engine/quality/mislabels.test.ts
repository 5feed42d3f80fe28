import { likelyMislabels, type MislabelInput } from '../../../src/engine/quality/mislabels';
import { analyze } from '../../../src/engine/text/analyze';
import { CLASSES, makeTickets } from '../../support/classify-tickets';

const words = (t: { summary?: string; description?: string }): string[] =>
  analyze(`${t.summary ?? ''}\n${t.description ?? ''}`, { stem: false }).tokens.map((x) => x.term);

/** Each class's tickets carry that class's component, as an agent would set it. */
const component = (label: string): string => `Component=${label} desk`;

function corpus(): MislabelInput[] {
  return makeTickets(400).map((t, i) => ({
    id: `T-${i}`,
    text: t.text,
    words: words(t.text),
    label: t.label,
    context: [component(t.label)],
  }));
}

describe('likelyMislabels', () => {
  it('finds tickets filed under another value than their text, neighbours and fields say', () => {
    const items = corpus();
    // Every 20th ticket filed under the next class; its component still says what it is.
    const flipped = new Set<string>();
    items.forEach((item, i) => {
      if (i % 20 !== 3) return;
      item.label = CLASSES[(CLASSES.indexOf(item.label) + 1) % CLASSES.length] as string;
      flipped.add(item.id);
    });
    const found = likelyMislabels(items);
    const right = found.filter((f) => flipped.has(f.id));
    expect(right.length).toBeGreaterThanOrEqual(flipped.size * 0.6);
    expect(right.length).toBeGreaterThanOrEqual(found.length * 0.9);
    const one = right[0]!;
    const original = makeTickets(400)[Number(one.id.slice(2))]!;
    expect(one.suggested).toBe(original.label);
    expect(one.neighbours.suggested).toBeGreaterThan(one.neighbours.own);
    expect(one.fieldsAgreeing).toEqual([component(original.label)]);
  });

  it('leaves alone tickets written in another class’s words when their other fields back the label', () => {
    const items = corpus();
    const honest = new Set<string>();
    items.forEach((item, i) => {
      if (i % 20 !== 3) return;
      // The next ticket's text (the next class's words), its own label and component: a
      // borderline ticket, not an error.
      const donor = items[i + 1]!;
      item.text = donor.text;
      item.words = donor.words;
      honest.add(item.id);
    });
    const found = likelyMislabels(items);
    expect(found.filter((f) => honest.has(f.id))).toEqual([]);
  });

  it('returns nothing for one class or too few tickets', () => {
    const items = corpus();
    expect(likelyMislabels(items.map((i) => ({ ...i, label: 'Only' })))).toEqual([]);
    expect(likelyMislabels(items.slice(0, 20))).toEqual([]);
  });
});
