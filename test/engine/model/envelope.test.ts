import { z } from 'zod';
import {
  BadModelError,
  decodeFloat32,
  decodeUint32,
  defineEnvelope,
  dequantizeInt8,
  encodeFloat32,
  encodeUint32,
  parseStoredJson,
  quantizeInt8,
  UnknownModelVersionError,
} from '../../../src/engine/model';
import { loadClassifier } from '../../../src/engine/classify';
import fc from 'fast-check';

const codec = defineEnvelope('demo', 2, z.object({ n: z.number() }));

describe('model envelope', () => {
  it('wraps and unwraps a payload', () => {
    const stored = JSON.parse(JSON.stringify(codec.wrap({ n: 3 }))) as unknown;
    expect(stored).toEqual({ kind: 'demo', version: 2, n: 3 });
    expect(codec.unwrap(stored)).toEqual({ n: 3 });
  });

  it('raises a typed error for an unknown version', () => {
    const err = (() => {
      try {
        codec.unwrap({ kind: 'demo', version: 3, n: 1 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(UnknownModelVersionError);
    expect((err as UnknownModelVersionError).code).toBe('unknown_model_version');
    expect(() => loadClassifier(JSON.stringify({ kind: 'classifier', version: 99 }))).toThrow(
      UnknownModelVersionError,
    );
  });

  it.each([
    ['another kind', { kind: 'other', version: 2, n: 1 }],
    ['a bad payload', { kind: 'demo', version: 2, n: 'x' }],
    ['not an object', 'nope'],
    ['a prototype-polluting object', JSON.parse('{"__proto__":{"kind":"demo"},"version":2}') as unknown],
  ])('refuses %s with BadModelError', (_name, value) => {
    expect(() => codec.unwrap(value)).toThrow(BadModelError);
  });

  it('turns invalid JSON into BadModelError', () => {
    expect(() => parseStoredJson('{oops', 'demo')).toThrow(BadModelError);
    expect(() => loadClassifier('{"kind":"classifier","version":1,"labels":["a","b"]}')).toThrow(
      BadModelError,
    );
  });
});

describe('typed arrays', () => {
  it('round-trip through base64 exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true }), { maxLength: 50 }),
        fc.array(fc.nat(), { maxLength: 50 }),
        (floats, ints) => {
          const f = Float32Array.from(floats);
          const u = Uint32Array.from(ints);
          expect(decodeFloat32(encodeFloat32(f))).toEqual(f);
          expect(decodeUint32(encodeUint32(u))).toEqual(u);
        },
      ),
    );
  });

  it('rejects base64 whose length does not fit the element size', () => {
    expect(() => decodeFloat32('AAA=')).toThrow(BadModelError);
  });

  it('quantises to int8 within half a step per block', () => {
    const values = Float32Array.from({ length: 3000 }, (_, i) => Math.sin(i) * (i < 1500 ? 0.1 : 5));
    const { q, scales } = quantizeInt8(values, 1024);
    const back = dequantizeInt8(q, scales, 1024);
    values.forEach((v, i) =>
      expect(Math.abs((back[i] ?? 0) - v)).toBeLessThanOrEqual(
        (scales[Math.floor(i / 1024)] ?? 0) / 2 + 1e-7,
      ),
    );
    expect(() => dequantizeInt8(q, scales.subarray(1), 1024)).toThrow(BadModelError);
  });
});
