import { z } from 'zod';
import { InputError } from '../errors';

/**
 * Every stored model or index is an envelope `{ kind, version, ...payload }`. Loading checks the
 * kind, then the version, then the payload shape, so a model written by an older or newer build
 * is refused with a typed error (the caller retrains) instead of predicting garbage.
 */
export class UnknownModelVersionError extends InputError {
  constructor(
    readonly kind: string,
    readonly found: unknown,
    readonly supported: readonly number[],
  ) {
    super(
      'unknown_model_version',
      `model "${kind}" has version ${JSON.stringify(found)}; this build reads version ${supported.join(', ')}`,
    );
  }
}

/** A stored value that is not a model of the expected kind, or whose payload fails validation. */
export class BadModelError extends InputError {
  constructor(message: string) {
    super('bad_model', message);
  }
}

const head = z.object({ kind: z.string(), version: z.unknown() });

export interface EnvelopeCodec<P> {
  readonly kind: string;
  readonly version: number;
  /** Wraps a payload as `{ kind, version, ...payload }`. */
  wrap(payload: P): P & { kind: string; version: number };
  /** Validates an unknown value (e.g. parsed JSON) and returns its payload. */
  unwrap(value: unknown): P;
}

/** Declares one model kind at one version, with the zod schema of its payload. */
export function defineEnvelope<S extends z.ZodType<Record<string, unknown>>>(
  kind: string,
  version: number,
  payload: S,
): EnvelopeCodec<z.infer<S>> {
  return {
    kind,
    version,
    wrap: (p) => ({ ...p, kind, version }),
    unwrap(value) {
      const h = head.safeParse(value);
      if (!h.success) throw new BadModelError(`stored value is not a model envelope (expected "${kind}")`);
      if (h.data.kind !== kind)
        throw new BadModelError(`stored model is "${h.data.kind}", expected "${kind}"`);
      if (h.data.version !== version) throw new UnknownModelVersionError(kind, h.data.version, [version]);
      const parsed = payload.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}: ${issue.message}`;
        throw new BadModelError(`model "${kind}" v${version} is malformed${where}`);
      }
      return parsed.data;
    },
  };
}

/** Parses JSON text from storage, turning a syntax error into a BadModelError. */
export function parseStoredJson(text: string, kind: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadModelError(`stored model "${kind}" is not valid JSON`);
  }
}
