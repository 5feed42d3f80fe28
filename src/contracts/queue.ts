import { z } from 'zod';
import { AccountId, FieldId, IssueKey } from './common';
import { SlaBand } from './panel';

/** The queue triage page asks for one service project's untriaged open tickets. */
export const QueueRequest = z.object({
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'not a project key'),
  /** Open tickets read at most (newest first); the page shows the untriaged ones among them. */
  limit: z.number().int().min(1).max(100).optional(),
});
export type QueueRequest = z.infer<typeof QueueRequest>;

/** One field's top suggestion, as the panel would show it ("suggested" only). */
export const QueueFieldCell = z.object({
  fieldId: FieldId,
  name: z.string().max(200),
  value: z.string().max(255),
  confidence: z.number().min(0).max(1),
});

export const QueueRouteCell = z.object({ name: z.string().max(200), fit: z.number().min(0).max(1) });

export const QueueRow = z.object({
  key: IssueKey,
  summary: z.string().max(500),
  created: z.string(),
  fields: z.array(QueueFieldCell).max(30),
  team: QueueRouteCell.nullable(),
  assignee: QueueRouteCell.extend({ accountId: AccountId }).nullable(),
  risk: z
    .object({
      band: SlaBand.nullable(),
      /** Whole percent; null when not modelled (the clock only). */
      percent: z.number().int().min(0).max(100).nullable(),
      remainingMs: z.number(),
      metricName: z.string().max(200),
    })
    .nullable(),
});
export type QueueRow = z.infer<typeof QueueRow>;

export const QueueData = z.object({
  projectKey: z.string(),
  /** The fields the page has columns for (suggest or auto-apply mode), in the admin's order. */
  columns: z.array(z.object({ fieldId: FieldId, name: z.string().max(200) })).max(30),
  /** Untriaged tickets, highest breach risk first. */
  rows: z.array(QueueRow).max(100),
  /** Open tickets read, and how many of them had no suggestions computed yet. */
  scanned: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
});
export type QueueData = z.infer<typeof QueueData>;
