import { z } from 'zod';

/**
 * Admin routing rules, validated with zod when saved and when loaded. Conditions are plain
 * values and word/phrase lists: there are no user-written regular expressions, so no rule can
 * backtrack catastrophically. All conditions of a rule must hold (AND); a condition holds when
 * any of its values matches (OR).
 */
const Value = z.string().trim().min(1).max(200);
const Values = z.array(Value).min(1).max(100);

export const RuleCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('requestType'), anyOf: Values }),
  z.object({ kind: z.literal('field'), field: z.string().trim().min(1).max(100), anyOf: Values }),
  z.object({ kind: z.literal('reporterOrganisation'), anyOf: Values }),
  z.object({
    kind: z.literal('emailDomain'),
    anyOf: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'a domain like example.com'),
      )
      .min(1)
      .max(100),
  }),
  z.object({
    kind: z.literal('language'),
    anyOf: z
      .array(z.enum(['de', 'en', 'other']))
      .min(1)
      .max(3),
  }),
  /** Words or phrases (matched as whole words, case-insensitive, in summary + description). */
  z.object({ kind: z.literal('text'), anyOf: Values }),
]);
export type RuleCondition = z.infer<typeof RuleCondition>;

export const RuleActions = z
  .object({
    team: Value.optional(),
    assignee: Value.optional(),
    priority: Value.optional(),
    labels: z.array(Value).max(20).optional(),
    components: z.array(Value).max(20).optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), 'a rule needs at least one action');
export type RuleActions = z.infer<typeof RuleActions>;

export const RoutingRule = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  /** Empty = matches every ticket (a catch-all, usually last). */
  conditions: z.array(RuleCondition).max(20),
  actions: RuleActions,
  /** Stop evaluating later rules once this one matches. */
  stop: z.boolean().default(false),
});
export type RoutingRule = z.infer<typeof RoutingRule>;

/** Ordered: earlier rules win. Ids must be unique. */
export const RoutingRules = z
  .array(RoutingRule)
  .max(200)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate rule id "${r.id}"` });
      seen.add(r.id);
    });
  });
export type RoutingRules = z.infer<typeof RoutingRules>;
