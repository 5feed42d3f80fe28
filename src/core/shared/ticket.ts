import { z } from 'zod';

/**
 * The app's own view of a Jira issue: only what the engines need, as plain text (ADF already
 * converted). This is what the ticket store keeps, the index is built from, and the emulator
 * and Forge adapters produce from Jira's responses.
 */
export const TicketLink = z.object({
  key: z.string().max(40),
  /** Link type name as the site calls it (e.g. "Duplicate", "Relates", "Problem/Incident"). */
  type: z.string().max(100),
  direction: z.enum(['inward', 'outward']),
});
export type TicketLink = z.infer<typeof TicketLink>;

export const StatusCategory = z.enum(['new', 'indeterminate', 'done']);
export type StatusCategory = z.infer<typeof StatusCategory>;

export const Ticket = z.object({
  /** Jira's numeric issue id, as a string. */
  id: z.string().regex(/^\d{1,18}$/),
  key: z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/),
  projectKey: z.string().min(1).max(20),
  summary: z.string().max(1000),
  /** Plain text, bounded (the text pipeline keeps a sample of long logs). */
  description: z.string().max(100_000),
  /** Plain-text comments, oldest first, the last few kept. */
  comments: z
    .array(
      z.object({
        author: z.string().max(200),
        body: z.string().max(20_000),
        created: z.number(),
        internal: z.boolean(),
      }),
    )
    .max(50),
  issueType: z.string().max(100),
  requestType: z.string().max(200).nullable(),
  priority: z.string().max(100).nullable(),
  components: z.array(z.string().max(255)).max(50),
  labels: z.array(z.string().max(255)).max(100),
  /** Other category fields the admin maps (custom field id → option value(s)). */
  custom: z.record(z.string().max(64), z.union([z.string().max(255), z.array(z.string().max(255)).max(50)])),
  status: z.string().max(100),
  statusCategory: StatusCategory,
  resolution: z.string().max(200).nullable(),
  assigneeId: z.string().max(128).nullable(),
  /** Team (e.g. JSM's Team field or an assignment group custom field), if the site has one. */
  team: z.string().max(200).nullable(),
  /**
   * The Atlassian team's id where the team field is Jira's Team field (its value reads as
   * `{id, name}`, and an edit sets it by that id); absent for a select-like team field.
   */
  teamId: z.string().max(200).nullable().optional(),
  reporterId: z.string().max(128).nullable(),
  /** Only the domain is kept, never the address: enough for routing rules. */
  reporterDomain: z.string().max(255).nullable(),
  organization: z.string().max(255).nullable(),
  created: z.number(),
  updated: z.number(),
  resolved: z.number().nullable(),
  links: z.array(TicketLink).max(200),
  /**
   * JSM's "Major incident" flag on an incident (a custom field; the JSM Incident API reads the
   * same flag). Absent: not flagged, or stored before the flag was read.
   */
  majorIncident: z.literal(true).optional(),
});
export type Ticket = z.infer<typeof Ticket>;
