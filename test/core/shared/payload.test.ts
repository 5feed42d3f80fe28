import { z } from 'zod';
import { AppError } from '../../../src/core/shared/errors';
import { parsePayload } from '../../../src/core/shared/payload';

const Schema = z.object({ name: z.string().max(10) });

function refusal(payload: unknown, maxBytes?: number): AppError {
  try {
    parsePayload(Schema, payload, maxBytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('payload was accepted');
}

describe('parsePayload', () => {
  it('returns the parsed value', () => {
    expect(parsePayload(Schema, { name: 'ok' })).toEqual({ name: 'ok' });
  });

  it('names the path of each problem', () => {
    const e = refusal({ name: 'x'.repeat(11) });
    expect(e.code).toBe('bad_request');
    expect(e.issues?.[0]?.path).toBe('name');
  });

  it('refuses oversized payloads before validating them', () => {
    const e = refusal({ name: 'x'.repeat(50_000) });
    expect(e.message).toMatch(/too large/);
    expect(refusal({ name: 'abc' }, 5).message).toMatch(/too large/);
  });

  it('refuses what is not plain JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(refusal(cyclic).message).toMatch(/not plain JSON/);
    expect(refusal({ name: 1n }).message).toMatch(/not plain JSON/);
  });

  it('treats a missing payload as an empty object', () => {
    expect(() => parsePayload(z.object({}).strict(), undefined)).not.toThrow();
    expect(refusal(null).code).toBe('bad_request');
    expect(refusal(JSON.parse('{"__proto__":{"name":"x"}}')).issues?.[0]?.path).toBe('name');
  });
});

describe('parsePayload strictness', () => {
  it('refuses keys the contract does not name', () => {
    expect(refusal({ name: 'ok', isAdmin: true }).issues?.[0]?.message).toMatch(/isAdmin/);
  });
});
