import fc from 'fast-check';
import { loadClassifier, predict, serializeClassifier, trainClassifier } from '../../../src/engine/classify';
import { InputError } from '../../../src/engine/errors';
import { thresholdFor } from '../../../src/engine/classify/calibrate';
import { CLASSES, makeTickets } from '../../support/classify-tickets';

const tickets = makeTickets(400);
const model = trainClassifier(tickets, { seed: 3 });

describe('trainClassifier + predict', () => {
  it('learns German and English tickets well above the majority class', () => {
    const test = makeTickets(200, 99);
    for (const language of ['en', 'de'] as const) {
      const subset = test.filter((t) => t.language === language);
      const hits = subset.filter((t) => predict(model, t.text).ranked[0]?.label === t.label).length;
      expect(hits / subset.length).toBeGreaterThan(0.9);
    }
  });

  it('returns every class ranked with probabilities that sum to 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 400 }), (summary, description) => {
        const p = predict(model, { summary, description });
        const sum = p.ranked.reduce((s, r) => s + r.probability, 0);
        expect(sum).toBeCloseTo(1, 9);
        expect(p.ranked.map((r) => r.label).sort()).toEqual([...CLASSES].sort());
        for (let i = 1; i < p.ranked.length; i++)
          expect(p.ranked[i - 1]!.probability).toBeGreaterThanOrEqual(p.ranked[i]!.probability);
      }),
      { numRuns: 60 },
    );
  });

  it('explains with the ticket’s own words and never with a placeholder value', () => {
    const p = predict(model, {
      summary: 'Drucker druckt nicht',
      description: 'Der Drucker sendet Mails an erika@example.com, siehe https://intranet.example.com/x',
    });
    expect(p.ranked[0]?.label).toBe('Hardware');
    expect(p.explanation.map((e) => e.text)).toContain('drucker');
    const all = p.explanation.map((e) => e.text).join(' ');
    expect(all).not.toMatch(/erika|example/);
    for (const e of p.explanation) expect(e.weight).toBeGreaterThan(0);
  });

  it('abstains on text it has no evidence for', () => {
    const p = predict(model, { summary: 'zzz qqq', description: '' });
    expect(p.abstained).toBe(true);
    expect(p.explanation).toEqual([]);
  });

  it('predicts a 10 MB description in bounded time', () => {
    const huge = 'Der Drucker im Büro druckt nicht. '.repeat(300_000);
    expect(huge.length).toBeGreaterThan(10_000_000);
    const start = performance.now();
    const p = predict(model, { summary: 'Drucker', description: huge });
    expect(performance.now() - start).toBeLessThan(3000);
    expect(p.ranked[0]?.label).toBe('Hardware');
  });

  it('is deterministic for a seed', () => {
    const again = trainClassifier(tickets, { seed: 3 });
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
    expect(again.temperature).toBe(model.temperature);
  });

  it('leaves out and reports classes with too few examples', () => {
    const m = trainClassifier([...tickets, { text: { summary: 'rare thing' }, label: 'Rare' }], { seed: 3 });
    expect(m.labels).not.toContain('Rare');
    expect(m.excluded).toEqual([{ label: 'Rare', examples: 1, reason: 'too_few_examples' }]);
  });

  it('refuses data with fewer than two learnable classes', () => {
    expect(() => trainClassifier(tickets.filter((t) => t.label === 'HR'))).toThrow(InputError);
    expect(() => trainClassifier([])).toThrow(/at least two classes/);
  });

  it('rejects invalid options instead of substituting defaults', () => {
    expect(() => trainClassifier(tickets, { c: -1 })).toThrow(/option c/);
    expect(() => trainClassifier(tickets, { hashBits: 40 })).toThrow(/hashBits/);
  });

  it('treats hostile labels and texts as data', () => {
    const hostile = ['__proto__', 'constructor', '<script>x</script>'];
    const data = makeTickets(120).map((t, i) => ({ ...t, label: hostile[i % 3] as string }));
    const m = trainClassifier(data, { seed: 1 });
    expect([...m.labels].sort()).toEqual([...hostile].sort());
    const p = predict(m, { summary: '__proto__ constructor', description: '\u0000\uFFFF'.repeat(10) });
    expect(p.ranked).toHaveLength(3);
  });
});

describe('serialise → load', () => {
  it('predicts identically after a round trip, for any text', () => {
    const loaded = loadClassifier(serializeClassifier(model));
    fc.assert(
      fc.property(
        fc.string({ maxLength: 120 }),
        fc.constantFrom(...tickets.slice(0, 30).map((t) => t.text.description ?? '')),
        (noise, desc) => {
          const text = { summary: noise, description: desc };
          expect(predict(loaded, text)).toEqual(predict(model, text));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is compact: int8 weights, about one byte per weight after base64', () => {
    const bytes = serializeClassifier(model).length;
    expect(bytes).toBeLessThan(model.weights.length * 1.6 + model.vocab.buckets.length * 7 + 10_000);
  });
});

describe('thresholdFor', () => {
  it('picks the lowest probability whose top slice still reaches the target', () => {
    const right = (probability: number) => ({ predicted: 0, probability, correct: true });
    expect(thresholdFor([{ predicted: 0, probability: 0.9, correct: false }], 0.9)).toBeGreaterThan(1);
    expect(
      thresholdFor(
        [
          right(0.9),
          right(0.8),
          right(0.7),
          right(0.6),
          right(0.5),
          { predicted: 0, probability: 0.4, correct: false },
        ],
        0.9,
      ),
    ).toBeCloseTo(0.5);
  });
});
