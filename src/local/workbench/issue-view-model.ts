import { z } from 'zod';
import { DEFAULT_SITE_FIELDS } from '../../adapters/jira/issue-to-ticket';

/**
 * What the workbench pages show of one issue, read from the emulator's Jira REST answers
 * (`GET /rest/api/3/issue/{key}`). Parsed leniently: a field the emulator leaves out shows as
 * empty rather than failing the page, but every value that reaches HTML is a plain string.
 */
export interface IssueView {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  /** Paragraphs of plain text (ADF flattened); rendering escapes them. */
  description: string[];
  issueType: string;
  status: string;
  statusCategory: string;
  priority: string | null;
  requestType: string | null;
  /** Jira's Team field (its value reads as `{id, name}`). */
  team: string | null;
  components: string[];
  labels: string[];
  assignee: Person | null;
  reporter: Person | null;
  resolution: string | null;
  created: string | null;
  updated: string | null;
  comments: { author: string; created: string | null; internal: boolean; body: string[] }[];
  links: { type: string; label: string; key: string; summary: string; status: string }[];
}

export interface Person {
  accountId: string;
  displayName: string;
}

const Named = z.object({ name: z.string() }).loose();
const PersonJson = z.object({ accountId: z.string(), displayName: z.string().optional() }).loose();
const LinkedIssueJson = z
  .object({
    key: z.string(),
    fields: z.object({ summary: z.string().optional(), status: Named.optional() }).loose().optional(),
  })
  .loose();

const IssueJson = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z
      .object({
        summary: z.string().optional(),
        description: z.unknown().optional(),
        issuetype: Named.nullish(),
        status: z
          .object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() })
          .loose()
          .nullish(),
        priority: Named.nullish(),
        components: z.array(Named).nullish(),
        labels: z.array(z.string()).nullish(),
        assignee: PersonJson.nullish(),
        reporter: PersonJson.nullish(),
        resolution: Named.nullish(),
        created: z.string().nullish(),
        updated: z.string().nullish(),
        project: z.object({ key: z.string() }).loose().nullish(),
        comment: z
          .object({
            comments: z.array(
              z
                .object({
                  author: PersonJson.nullish(),
                  body: z.unknown(),
                  created: z.string().nullish(),
                  jsdPublic: z.boolean().optional(),
                })
                .loose(),
            ),
          })
          .loose()
          .nullish(),
        issuelinks: z
          .array(
            z
              .object({
                type: z.object({ name: z.string(), inward: z.string(), outward: z.string() }).loose(),
                inwardIssue: LinkedIssueJson.optional(),
                outwardIssue: LinkedIssueJson.optional(),
              })
              .loose(),
          )
          .nullish(),
      })
      .loose(),
  })
  .loose();

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'listItem',
  'blockquote',
  'rule',
  'tableRow',
  'panel',
]);

/** Flattens ADF (or a plain string, as Jira v2 and CSV imports carry) into paragraphs. */
export function adfParagraphs(doc: unknown): string[] {
  let text = '';
  const walk = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 50) return;
    const n = node as { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown };
    if (n.type === 'text' && typeof n.text === 'string') text += n.text;
    else if (n.type === 'hardBreak') text += '\n';
    else if (n.type === 'mention' || n.type === 'emoji') {
      const label = (n.attrs as { text?: unknown } | undefined)?.text;
      if (typeof label === 'string') text += label;
    }
    if (Array.isArray(n.content)) for (const child of n.content as unknown[]) walk(child, depth + 1);
    if (typeof n.type === 'string' && BLOCKS.has(n.type)) text += '\n';
  };
  if (typeof doc === 'string') text = doc;
  else walk(doc, 0);
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

/** The JSM request type lives in a custom field whose value carries `requestType.name`. */
function findRequestType(fields: Readonly<Record<string, unknown>>): string | null {
  for (const [id, value] of Object.entries(fields)) {
    if (!id.startsWith('customfield_') || value === null || typeof value !== 'object') continue;
    const rt = (value as { requestType?: unknown }).requestType;
    if (rt !== null && typeof rt === 'object' && typeof (rt as { name?: unknown }).name === 'string') {
      return (rt as { name: string }).name;
    }
  }
  return null;
}

function teamName(value: unknown): string | null {
  const team = z.object({ name: z.string() }).loose().safeParse(value);
  return team.success ? team.data.name : null;
}

const person = (p: z.infer<typeof PersonJson> | null | undefined): Person | null =>
  p ? { accountId: p.accountId, displayName: p.displayName ?? p.accountId } : null;

export function toIssueView(json: unknown): IssueView {
  const issue = IssueJson.parse(json);
  const f = issue.fields;
  return {
    id: issue.id,
    key: issue.key,
    projectKey: f.project?.key ?? issue.key.replace(/-\d+$/, ''),
    summary: f.summary ?? '',
    description: adfParagraphs(f.description ?? ''),
    issueType: f.issuetype?.name ?? '',
    status: f.status?.name ?? '',
    statusCategory: f.status?.statusCategory?.key ?? 'new',
    priority: f.priority?.name ?? null,
    requestType: findRequestType(f),
    team: teamName(f[DEFAULT_SITE_FIELDS.team ?? '']),
    components: (f.components ?? []).map((c) => c.name),
    labels: f.labels ?? [],
    assignee: person(f.assignee),
    reporter: person(f.reporter),
    resolution: f.resolution?.name ?? null,
    created: f.created ?? null,
    updated: f.updated ?? null,
    comments: (f.comment?.comments ?? []).map((c) => ({
      author: c.author?.displayName ?? c.author?.accountId ?? 'unknown',
      created: c.created ?? null,
      internal: c.jsdPublic === false,
      body: adfParagraphs(c.body),
    })),
    links: (f.issuelinks ?? []).flatMap((l) => {
      const other = l.outwardIssue ?? l.inwardIssue;
      if (other === undefined) return [];
      return [
        {
          type: l.type.name,
          label: l.outwardIssue !== undefined ? l.type.outward : l.type.inward,
          key: other.key,
          summary: other.fields?.summary ?? '',
          status: other.fields?.status?.name ?? '',
        },
      ];
    }),
  };
}
