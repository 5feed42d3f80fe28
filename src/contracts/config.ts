import { z } from 'zod';
import { AccountId, FieldId } from './common';

/** What the app does with a field: nothing, record silently, propose, or write it itself. */
export const FieldMode = z.enum(['off', 'shadow', 'suggest', 'auto-apply']);
export type FieldMode = z.infer<typeof FieldMode>;

export const FieldConfig = z.object({
  fieldId: FieldId,
  /** Shown to agents; the site's own field name. */
  name: z.string().min(1).max(100),
  mode: FieldMode,
  /** Auto-apply only when the class's measured precision at this confidence reaches the target. */
  precisionTarget: z.number().min(0.5).max(0.999),
  multiValue: z.boolean().default(false),
});
export type FieldConfig = z.infer<typeof FieldConfig>;

export const AwayEntry = z.object({
  accountId: AccountId,
  /** ISO dates, inclusive; omitted = open-ended. */
  from: z.string().date().optional(),
  until: z.string().date().optional(),
  note: z.string().max(200).optional(),
});
export type AwayEntry = z.infer<typeof AwayEntry>;

export const AdminConfig = z.object({
  version: z.literal(1),
  fields: z.array(FieldConfig).max(30),
  /** Routing rules; their schema belongs to the routing engine, which validates them on save. */
  rules: z.array(z.unknown()).max(200),
  away: z.array(AwayEntry).max(500),
  /** Open tickets an agent can carry; agents without an entry have no cap. */
  capacities: z.record(AccountId, z.number().int().min(0).max(1000)),
  sla: z.object({
    /** Flag a ticket when its breach probability crosses this. */
    riskThreshold: z.number().min(0.05).max(0.99),
  }),
  similar: z.object({
    /** Only suggest tickets created within this many days (0 = no limit). */
    windowDays: z.number().int().min(0).max(3650),
    sameProjectOnly: z.boolean(),
  }),
  recurring: z.object({
    minTickets: z.number().int().min(2).max(1000),
    windowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
  }),
  routing: z
    .object({
      /** Show team or assignee suggestions even where their measured accuracy rates them weak. */
      showWeak: z.boolean(),
    })
    .default({ showWeak: false }),
  /** Keep tickets in the app's store for this many days (0 = forever); keeps big sites in quota. */
  retentionDays: z.number().int().min(0).max(3650),
});
export type AdminConfig = z.infer<typeof AdminConfig>;

export const DEFAULT_CONFIG: AdminConfig = {
  version: 1,
  fields: [
    {
      fieldId: 'requestType',
      name: 'Request type',
      mode: 'suggest',
      precisionTarget: 0.9,
      multiValue: false,
    },
    { fieldId: 'priority', name: 'Priority', mode: 'suggest', precisionTarget: 0.9, multiValue: false },
    { fieldId: 'components', name: 'Components', mode: 'suggest', precisionTarget: 0.9, multiValue: true },
    { fieldId: 'labels', name: 'Labels', mode: 'shadow', precisionTarget: 0.95, multiValue: true },
  ],
  rules: [],
  away: [],
  capacities: {},
  sla: { riskThreshold: 0.6 },
  similar: { windowDays: 365, sameProjectOnly: true },
  // The operating point measured on itsc (docs/benchmarks.md, "Recurring incidents").
  recurring: { minTickets: 3, windowHours: 24 },
  routing: { showWeak: false },
  retentionDays: 730,
};
