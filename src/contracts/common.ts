import { z } from 'zod';

/** Jira issue keys (PROJ-123). Bounded so a payload cannot smuggle large strings through. */
export const IssueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/, 'not a Jira issue key');
export type IssueKey = z.infer<typeof IssueKey>;

/** Field ids as Jira names them (`priority`, `components`, `customfield_10010`). */
export const FieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'not a Jira field id');
export type FieldId = z.infer<typeof FieldId>;

export const AccountId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9:_-]+$/, 'not an account id');
export type AccountId = z.infer<typeof AccountId>;

/** A value the app may write into a field: one option name or several (labels, components). */
export const FieldValue = z.union([z.string().max(255), z.array(z.string().max(255)).max(50)]);
export type FieldValue = z.infer<typeof FieldValue>;

/** Every resolver answers with this envelope, so the UI never guesses what went wrong. */
export const ErrorCode = z.enum([
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'rate_limited',
  'upstream_error',
  'not_ready',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ResolverError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** For validation errors: the path of each problem and its message. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ResolverError = z.infer<typeof ResolverError>;

/** The input of a resolver that takes none: an empty object (or nothing), never extra keys. */
export const NoInput = z.object({}).strict();

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

/**
 * Why a panel section has nothing to show, as a code: the UI words it in the viewer's language
 * (message `empty_<code>`), so the server never composes prose in one language.
 */
export const EmptyReason = z.enum([
  'no-suggested-fields',
  'not-trained',
  'no-similar',
  'request-resolved',
  'no-sla',
  'no-service-desk',
  'no-articles',
]);
export type EmptyReason = z.infer<typeof EmptyReason>;

/** A section of the panel loads, is empty (with the reason's code), or failed (with a message). */
export function section<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), data }),
    z.object({ status: z.literal('empty'), reason: EmptyReason }),
    z.object({ status: z.literal('error'), code: ErrorCode, message: z.string() }),
  ]);
}
export type Section<T> =
  | { status: 'ok'; data: T }
  | { status: 'empty'; reason: EmptyReason }
  | { status: 'error'; code: ErrorCode; message: string };

/** Character offsets [start, end) into a text the UI shows; used to highlight "why" terms. */
export const Span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type Span = z.infer<typeof Span>;
