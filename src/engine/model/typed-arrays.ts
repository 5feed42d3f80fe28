import { z } from 'zod';
import { BadModelError } from './envelope';

/**
 * Typed arrays travel as base64 of their little-endian bytes: about a third larger than binary
 * but safe inside JSON, SQL text columns and KVS values.
 */
const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

function fromBase64(text: string, bytesPerElement: number, what: string): ArrayBuffer {
  const buf = Buffer.from(text, 'base64');
  if (buf.byteLength % bytesPerElement !== 0)
    throw new BadModelError(`${what}: byte length ${buf.byteLength} is not a multiple of ${bytesPerElement}`);
  // Copy into a fresh, aligned buffer: Buffer.from may return a view into a shared pool.
  const out = new ArrayBuffer(buf.byteLength);
  new Uint8Array(out).set(buf);
  return out;
}

export const encodeFloat32 = (a: Float32Array): string =>
  toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export const encodeInt8 = (a: Int8Array): string =>
  toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export const encodeUint32 = (a: Uint32Array): string =>
  toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
export const encodeUint8 = (a: Uint8Array): string => toBase64(a);

export const decodeFloat32 = (s: string, what = 'float32 array'): Float32Array =>
  new Float32Array(fromBase64(s, 4, what));
export const decodeInt8 = (s: string, what = 'int8 array'): Int8Array =>
  new Int8Array(fromBase64(s, 1, what));
export const decodeUint32 = (s: string, what = 'uint32 array'): Uint32Array =>
  new Uint32Array(fromBase64(s, 4, what));
export const decodeUint8 = (s: string, what = 'uint8 array'): Uint8Array =>
  new Uint8Array(fromBase64(s, 1, what));

/** zod schema for a base64 string field (bounded so a hostile value cannot exhaust memory). */
export const base64Field = z
  .string()
  .max(64 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/**
 * Symmetric int8 quantisation with one scale per block: value ≈ q * scale. Keeps model weights
 * at a quarter of float32 size; the bench checks accuracy is unchanged.
 */
export function quantizeInt8(
  values: Float32Array,
  blockSize: number,
): { q: Int8Array; scales: Float32Array } {
  const blocks = Math.ceil(values.length / blockSize);
  const q = new Int8Array(values.length);
  const scales = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const from = b * blockSize;
    const to = Math.min(values.length, from + blockSize);
    let max = 0;
    for (let i = from; i < to; i++) max = Math.max(max, Math.abs(values[i] ?? 0));
    const scale = max === 0 ? 1 : max / 127;
    scales[b] = scale;
    for (let i = from; i < to; i++) q[i] = Math.round((values[i] ?? 0) / scale);
  }
  return { q, scales };
}

export function dequantizeInt8(q: Int8Array, scales: Float32Array, blockSize: number): Float32Array {
  if (scales.length !== Math.ceil(q.length / blockSize))
    throw new BadModelError('quantised weights and scales disagree in length');
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = (q[i] ?? 0) * (scales[Math.floor(i / blockSize)] ?? 0);
  return out;
}
