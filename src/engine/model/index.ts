/**
 * Versioned model envelopes shared by every stored model or index:
 * `defineEnvelope(kind, version, zodPayload)` gives `wrap`/`unwrap`; an unknown version throws
 * `UnknownModelVersionError` (code `unknown_model_version`), any other mismatch `BadModelError`.
 * Typed arrays are stored as base64 (`encodeFloat32`/`decodeFloat32`, …) and weights may be
 * int8-quantised per block (`quantizeInt8`/`dequantizeInt8`).
 */
export { defineEnvelope, parseStoredJson, UnknownModelVersionError, BadModelError } from './envelope';
export type { EnvelopeCodec } from './envelope';
export {
  base64Field,
  encodeFloat32,
  encodeInt8,
  encodeUint32,
  encodeUint8,
  decodeFloat32,
  decodeInt8,
  decodeUint32,
  decodeUint8,
  quantizeInt8,
  dequantizeInt8,
} from './typed-arrays';
