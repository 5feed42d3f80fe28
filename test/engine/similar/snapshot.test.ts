import { InputError } from '../../../src/engine/errors';
import { fromSnapshot, SimilarityIndex, SNAPSHOT_KIND, toSnapshot } from '../../../src/engine/similar';
import { DESK } from './fixtures';

const snapshot = (): ReturnType<typeof toSnapshot> => {
  const index = new SimilarityIndex();
  for (const t of DESK) index.add(t);
  index.remove('EN-2');
  return toSnapshot(index);
};

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof InputError ? e.code : 'not an InputError';
  }
  return undefined;
};

describe('index snapshot', () => {
  it('is { kind, version, entries } and holds only live tickets', () => {
    const s = snapshot();
    expect(s.kind).toBe(SNAPSHOT_KIND);
    expect(s.version).toBe(1);
    expect(s.entries.map((e) => e.id)).not.toContain('EN-2');
    expect(s.entries).toHaveLength(DESK.length - 1);
    expect(fromSnapshot(JSON.parse(JSON.stringify(s))).stats()).toEqual(toSnapshotIndexStats());
  });

  it('keeps unknown creation times unknown', () => {
    const index = new SimilarityIndex();
    index.add({ id: 'A', summary: 'no date' });
    const s = JSON.parse(JSON.stringify(toSnapshot(index))) as unknown;
    expect(Number.isNaN(fromSnapshot(s).entryOf('A')?.createdMs)).toBe(true);
  });

  it('rejects an unknown version with a typed error the caller can rebuild on', () => {
    expect(codeOf(() => fromSnapshot({ ...snapshot(), version: 2 }))).toBe('unknown_model_version');
  });

  it.each([
    ['null', null],
    ['another kind', { kind: 'something-else', version: 1, entries: [] }],
    [
      'a bad term frequency',
      { ...snapshot(), entries: [{ ...snapshot().entries[0]!, terms: [['vpn', -1, 0, 0]] }] },
    ],
    ['a short signature', { ...snapshot(), entries: [{ ...snapshot().entries[0]!, signature: [1, 2] }] }],
    ['an empty id', { ...snapshot(), entries: [{ ...snapshot().entries[0]!, id: '' }] }],
  ])('rejects %s as bad_model', (_name, data) => {
    expect(codeOf(() => fromSnapshot(data))).toBe('bad_model');
  });
});

function toSnapshotIndexStats(): ReturnType<SimilarityIndex['stats']> {
  const index = new SimilarityIndex();
  for (const t of DESK) if (t.id !== 'EN-2') index.add(t);
  return index.stats();
}
