import fc from 'fast-check';
import { loadClassifier, predict, serializeClassifier, trainClassifier } from '../../../src/engine/classify';
import type { LabelledTicket } from '../../../src/engine/classify';
import { createRng } from '../../../src/engine/util/rng';
import { denseBucketIndex, sortedBucketIndex } from '../../../src/engine/classify/vocabulary';
import { makeTickets } from '../../support/classify-tickets';

/** Every word of the ticket with one letter replaced at random: words rarely repeat, letters do. */
function withTypos(tickets: readonly LabelledTicket[], seed: number): LabelledTicket[] {
  const rng = createRng(seed);
  const typo = (w: string): string => {
    if (w.length < 4) return w;
    const at = 1 + Math.floor(rng() * (w.length - 2));
    return w.slice(0, at) + String.fromCharCode(97 + Math.floor(rng() * 26)) + w.slice(at + 1);
  };
  const garble = (s: string | undefined): string => (s ?? '').split(' ').map(typo).join(' ');
  return tickets.map((t) => ({
    label: t.label,
    text: { summary: garble(t.text.summary), description: garble(t.text.description) },
  }));
}

describe('cross-fitted thresholds on a small site', () => {
  // 160 clean tickets of four classes, plus "Misc": 40 tickets that read like Hardware ones.
  const clean = makeTickets(160, 21);
  const lookalikes = makeTickets(160, 22)
    .filter((t) => t.label === 'Hardware')
    .map((t) => ({ ...t, label: 'Misc' }));
  const model = trainClassifier([...clean, ...lookalikes], { seed: 4 });
  const fresh = makeTickets(200, 23);

  it('auto-applies most tickets of the classes it learnt reliably', () => {
    for (const label of ['Access', 'Purchase', 'HR']) {
      const mine = fresh.filter((t) => t.label === label);
      const applied = mine.filter((t) => {
        const p = predict(model, t.text);
        return !p.abstained && p.ranked[0]?.label === label;
      });
      expect(applied.length / mine.length).toBeGreaterThan(0.8);
    }
  });

  it('keeps what it auto-applies right, abstaining on the two classes it cannot tell apart', () => {
    const applied = fresh.map((t) => ({ t, p: predict(model, t.text) })).filter(({ p }) => !p.abstained);
    const right = applied.filter(({ t, p }) => p.ranked[0]?.label === t.label).length;
    expect(right / applied.length).toBeGreaterThan(0.9);
    const hardware = fresh.filter((t) => t.label === 'Hardware');
    const appliedHardware = hardware.filter((t) => !predict(model, t.text).abstained).length;
    expect(appliedHardware / hardware.length).toBeLessThan(0.5);
  });

  it('records the cross-validated choice and its out-of-fold accuracy', () => {
    const cv = model.crossValidation;
    expect(cv?.folds).toBe(3);
    // A small site: every training ticket is scored out of fold.
    expect(cv?.scored).toBe(200);
    // Four of five classes are separable, Hardware and Misc are a coin toss: about 0.8 at best.
    expect(cv?.accuracy).toBeGreaterThan(0.6);
    expect(cv?.accuracy).toBeLessThan(0.95);
  });
});

describe('cross-fitting on a large site', () => {
  it('stops after the fold that brings enough scored tickets', () => {
    const m = trainClassifier(makeTickets(300, 24), { seed: 1, charView: false, outOfFoldEnough: 150 });
    // Three stratified folds of about 100: two are needed to reach 150.
    expect(m.crossValidation?.scored).toBeGreaterThanOrEqual(150);
    expect(m.crossValidation?.scored).toBeLessThan(300);
  });
});

describe('char view (a second model on character n-grams)', () => {
  const train = withTypos(makeTickets(240, 31), 1);
  const test = withTypos(makeTickets(120, 32), 2);
  const hits = (m: ReturnType<typeof trainClassifier>): number =>
    test.filter((t) => predict(m, t.text).ranked[0]?.label === t.label).length;
  const words = trainClassifier(train, { seed: 1, charView: false });
  const both = trainClassifier(train, { seed: 1, charView: true });

  it('is chosen by cross-validation when misspelt words leave the word model little to learn', () => {
    expect(both.crossValidation?.charC).not.toBeNull();
    expect(both.crossValidation?.viewBlend).toBeLessThan(1);
    expect(both.spec.viewCharMax).toBeGreaterThan(0);
    expect(hits(both)).toBeGreaterThan(hits(words));
  });

  it('is left out of the model when cross-validation prefers the word model', () => {
    const m = trainClassifier(makeTickets(200, 5), { seed: 1, charView: true });
    if (m.crossValidation?.charC === null) expect(m.spec.viewCharMax).toBe(0);
    else expect(m.spec.viewCharMax).toBeGreaterThan(0);
  });

  it('predicts identically after a round trip', () => {
    const loaded = loadClassifier(serializeClassifier(both));
    expect(loaded.crossValidation).toEqual(both.crossValidation);
    for (const t of test.slice(0, 20)) expect(predict(loaded, t.text)).toEqual(predict(both, t.text));
  });

  it('refuses a char n-gram range that is empty', () => {
    expect(() => trainClassifier(train, { viewCharMin: 4, viewCharMax: 3 })).toThrow(/viewCharMax/);
  });
});

describe('stored models from before the char view', () => {
  it('load without the new fields and predict as before', () => {
    const model = trainClassifier(makeTickets(120, 41), { seed: 1, charView: false });
    const stored = JSON.parse(serializeClassifier(model)) as {
      spec: Record<string, unknown>;
      crossValidation?: unknown;
    };
    delete stored.spec.viewCharMin;
    delete stored.spec.viewCharMax;
    delete stored.crossValidation;
    const old = loadClassifier(JSON.stringify(stored));
    expect(old.spec.viewCharMax).toBe(0);
    const text = { summary: 'Drucker', description: 'Toner leer' };
    expect(predict(old, text)).toEqual(predict(model, text));
  });
});

describe('bucket index of a loaded model', () => {
  it('binary search finds exactly what the dense training table finds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 4095 }), { maxLength: 200 }),
        fc.array(fc.integer({ min: 0, max: 4095 })),
        (kept, probes) => {
          const vocab = { buckets: Uint32Array.from(kept).sort(), idf: new Float32Array(kept.length) };
          const dense = denseBucketIndex(vocab, 4096);
          const sorted = sortedBucketIndex(vocab);
          for (const b of [...probes, ...kept]) expect(sorted(b)).toBe(dense(b));
        },
      ),
    );
  });
});
