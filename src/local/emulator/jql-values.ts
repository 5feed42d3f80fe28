/** What JQL clauses read and the errors they raise, shared by the parser and the property clauses. */

export interface JqlIssue {
  id: string;
  key: string;
  projectKey: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  priority: string | null;
  assigneeId: string | null;
  reporterId: string;
  resolution: string | null;
  created: number;
  updated: number;
  /** Issue properties by key (the app's own, written through the REST API). */
  properties?: Record<string, unknown>;
}

export class JqlError extends Error {
  override readonly name = 'JqlError';
}

/** `2026-01-31`, `2026-01-31 08:00`, `2026/01/31 08:00` (UTC) or relative `-7d`, `-12h`, `-30m`, `-2w`. */
export function parseJqlDate(value: string, now: number): number {
  const rel = /^([-+]?)(\d{1,6})([wdhm])$/.exec(value.trim());
  if (rel) {
    const unit = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[3] as 'w' | 'd' | 'h' | 'm'];
    return now + (rel[1] === '-' ? -1 : 1) * Number(rel[2]) * unit;
  }
  const abs = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (abs)
    return Date.UTC(
      Number(abs[1]),
      Number(abs[2]) - 1,
      Number(abs[3]),
      Number(abs[4] ?? 0),
      Number(abs[5] ?? 0),
    );
  throw new JqlError(`Error in the JQL Query: Date value '${value}' for field is invalid.`);
}
