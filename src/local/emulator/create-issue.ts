import { z } from 'zod';
import type { RequestContext } from './context';
import { AdfDoc } from './edit';
import { jiraErrorReply, type Reply } from './replies';
import { SEED_FIELDS } from './seed';
import { PRIORITY_NAMES, type EmuIssue } from './site';

const CreateBody = z.object({
  fields: z.object({
    project: z.object({ key: z.string().optional(), id: z.string().optional() }),
    summary: z.string().min(1).max(255),
    issuetype: z.object({ name: z.string().optional(), id: z.string().optional() }),
    description: AdfDoc.nullish(),
    priority: z.object({ name: z.string() }).optional(),
    labels: z.array(z.string().regex(/^\S+$/)).max(100).optional(),
    components: z
      .array(z.object({ name: z.string() }))
      .max(50)
      .optional(),
    reporter: z.object({ accountId: z.string() }).optional(),
    [SEED_FIELDS.requestType]: z.string().optional(),
    [SEED_FIELDS.category]: z.object({ value: z.string() }).optional(),
    [SEED_FIELDS.impact]: z.object({ value: z.string() }).optional(),
  }),
});

/** `POST /rest/api/3/issue`: how the workbench (or a test) files a ticket, firing the created event. */
export function handleCreateIssue(ctx: RequestContext): Reply {
  const body = CreateBody.safeParse(ctx.body ?? {});
  if (!body.success) {
    const first = body.error.issues[0];
    const field = String(first?.path[1] ?? first?.path[0] ?? 'fields');
    return jiraErrorReply(400, [], { [field]: first?.message ?? 'invalid' });
  }
  const f = body.data.fields;
  const desk = ctx.site.serviceDesks.find(
    (d) => d.projectKey === f.project.key || d.projectId === f.project.id,
  );
  if (!desk) return jiraErrorReply(400, [], { project: 'valid project is required' });
  if (f.priority && !(PRIORITY_NAMES as readonly string[]).includes(f.priority.name)) {
    return jiraErrorReply(400, [], { priority: 'The priority selected is invalid.' });
  }
  const reporterId = f.reporter?.accountId ?? (ctx.actor.kind === 'user' ? ctx.actor.user.accountId : null);
  if (reporterId === null || !ctx.site.users.has(reporterId))
    return jiraErrorReply(400, [], { reporter: 'Reporter is required.' });
  const requestTypeRef = f[SEED_FIELDS.requestType];
  const requestType = ctx.site.requestTypes.find(
    (r) => r.serviceDeskId === desk.id && (r.id === requestTypeRef || r.name === requestTypeRef),
  );
  if (requestTypeRef !== undefined && !requestType) {
    return jiraErrorReply(400, [], {
      [SEED_FIELDS.requestType]: `The request type '${requestTypeRef}' does not exist.`,
    });
  }
  const issueType = f.issuetype.name ?? requestType?.issueType ?? 'Service Request';
  // The reporter's organization, as JSM would know it from their earlier requests.
  const organization = ctx.site.allIssues().find((i) => i.reporterId === reporterId)?.organization ?? null;
  const issue = ctx.site.createIssue(
    {
      projectKey: desk.projectKey,
      summary: f.summary,
      description: (f.description ?? null) as EmuIssue['description'],
      issueType,
      requestTypeId: requestType?.id ?? null,
      priority: f.priority?.name ?? 'Medium',
      components: (f.components ?? []).map((c) => c.name),
      labels: f.labels ?? [],
      category: f[SEED_FIELDS.category]?.value ?? null,
      impact: f[SEED_FIELDS.impact]?.value ?? null,
      teamId: null,
      assigneeId: null,
      reporterId,
      organization,
      status: 'Waiting for support',
      resolution: null,
    },
    ctx.actor,
  );
  return {
    status: 201,
    json: { id: issue.id, key: issue.key, self: `${ctx.base}/rest/api/3/issue/${issue.id}` },
  };
}
