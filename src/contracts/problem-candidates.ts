import { z } from 'zod';
import { IssueKey } from './common';

/** Problem candidates: recurring incidents the admin page lists (admin/recurring). */
export const RecurringQuery = z.object({}).strict();

/** Dismisses the candidate named by its earliest member, as the list showed it. */
export const RecurringDismiss = z.object({ firstKey: IssueKey }).strict();
export type RecurringDismiss = z.infer<typeof RecurringDismiss>;

export const ProblemCandidate = z.object({
  /** The earliest member's key: names the candidate (what dismissing refers to). */
  firstKey: IssueKey,
  /** Most characteristic words of the members, as written. */
  terms: z.array(z.string()),
  /** How many tickets the candidate holds (members lists at most MAX_LISTED_MEMBERS). */
  size: z.number().int().nonnegative(),
  /** Earliest first. */
  members: z.array(z.object({ key: IssueKey, summary: z.string() })),
  /** ISO date-times of the first and the last member's creation. */
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** A problem ticket already links a member (or a member is one). */
  problemLinked: z.boolean(),
  /** Keys of those problem tickets. */
  problemKeys: z.array(IssueKey),
});
export type ProblemCandidate = z.infer<typeof ProblemCandidate>;

export const ProblemCandidates = z.object({
  candidates: z.array(ProblemCandidate),
  /** The admin's N and T, and the look-back the list covers. */
  minTickets: z.number().int(),
  windowHours: z.number().int(),
  lookbackDays: z.number().int(),
  /** Tickets created within the look-back that were compared. */
  scanned: z.number().int().nonnegative(),
  /** More recent tickets than one request compares: the oldest were left out. */
  truncated: z.boolean(),
  /** Candidates dismissed and remembered (hidden unless they grow into a new incident). */
  dismissed: z.number().int().nonnegative(),
});
export type ProblemCandidates = z.infer<typeof ProblemCandidates>;

/** Members listed per candidate; `size` says how many there are. */
export const MAX_LISTED_MEMBERS = 50;
