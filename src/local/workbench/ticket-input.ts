import { z } from 'zod';
import { textToAdf } from '../../adapters/jira/text-to-adf';

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .optional();

/** A comma-separated form field or a JSON array, trimmed, empties dropped. */
const nameList = z
  .union([z.string().max(2000), z.array(z.string().max(255)).max(50)])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
  .optional();

export const CreateTicket = z.object({
  project: z.string().max(20).optional(),
  summary: z.string().trim().min(1, 'summary is required').max(255),
  description: optionalText(30_000),
  issueType: optionalText(100),
  requestType: optionalText(200),
  priority: optionalText(100),
  components: nameList,
  labels: nameList,
});
export type CreateTicket = z.infer<typeof CreateTicket>;

export const EditTicket = z.object({
  summary: optionalText(255),
  description: optionalText(30_000),
  priority: optionalText(100),
  labels: nameList,
  comment: optionalText(30_000),
});
export type EditTicket = z.infer<typeof EditTicket>;

/** Jira labels may not contain spaces. */
const asLabel = (s: string): string => s.replace(/\s+/g, '_');

/** Jira's create shape. Empty optional values are left out so Jira's defaults apply. */
export function createFields(
  projectKey: string,
  t: CreateTicket,
  requestTypeField: string,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    project: { key: projectKey },
    summary: t.summary,
    // Without a name Jira takes the request type's issue type.
    issuetype: t.issueType ? { name: t.issueType } : {},
  };
  if (t.requestType) fields[requestTypeField] = t.requestType;
  if (t.description) fields.description = textToAdf(t.description);
  if (t.priority) fields.priority = { name: t.priority };
  if (t.components && t.components.length > 0) fields.components = t.components.map((name) => ({ name }));
  if (t.labels && t.labels.length > 0) fields.labels = t.labels.map(asLabel);
  return fields;
}

/** Jira's edit shape: only what the form changed (an empty summary is not a change). */
export function editFields(t: EditTicket): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (t.summary) fields.summary = t.summary;
  if (t.description !== undefined) fields.description = textToAdf(t.description);
  if (t.priority) fields.priority = { name: t.priority };
  if (t.labels !== undefined) fields.labels = t.labels.map(asLabel);
  return fields;
}
