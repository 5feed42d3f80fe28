import type { RequestContext } from './context';
import { parseJql } from './jql';
import { canSee, hasProjectPermission } from './permissions';
import { issueTypeId } from './rest-json';
import { jsmErrorReply, type Reply } from './replies';
import { SEED_FIELDS } from './seed';
import { slaValues } from './sla';

/** Jira Service Management's REST resources: SLA, service desks' request types and queues. */

export function sla(ctx: RequestContext, params: Record<string, string>): Reply {
  const issue = ctx.site.issue(params.issueIdOrKey ?? '');
  if (!issue || !canSee(ctx.site, ctx.actor, issue)) {
    return jsmErrorReply(
      404,
      'The request could not be found or you do not have permission to view it.',
      'sd.request.error.not.found',
    );
  }
  if (!hasProjectPermission(ctx.site, ctx.actor, 'SERVICEDESK_AGENT', issue.projectKey)) {
    return jsmErrorReply(403, 'Only agents can view SLA information.', 'sd.agent.error.permission');
  }
  return paged(ctx, slaValues(ctx.base, ctx.site, issue));
}

export function requestTypes(ctx: RequestContext, params: Record<string, string>): Reply {
  const desk = ctx.site.serviceDesks.find((d) => d.id === params.serviceDeskId);
  if (!desk)
    return jsmErrorReply(404, 'The service project could not be found.', 'sd.servicedesk.error.not.found');
  return paged(
    ctx,
    ctx.site.requestTypes
      .filter((r) => r.serviceDeskId === desk.id)
      .map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        helpText: '',
        issueTypeId: issueTypeId(r.issueType),
        serviceDeskId: r.serviceDeskId,
        portalId: r.serviceDeskId,
        groupIds: [],
        _links: { self: `${ctx.base}/rest/servicedeskapi/servicedesk/${desk.id}/requesttype/${r.id}` },
      })),
  );
}

export function queues(ctx: RequestContext, params: Record<string, string>): Reply {
  const desk = ctx.site.serviceDesks.find((d) => d.id === params.serviceDeskId);
  if (!desk)
    return jsmErrorReply(404, 'The service project could not be found.', 'sd.servicedesk.error.not.found');
  if (!hasProjectPermission(ctx.site, ctx.actor, 'SERVICEDESK_AGENT', desk.projectKey))
    return jsmErrorReply(403, 'Only agents can view queues.', 'sd.agent.error.permission');
  const withCount = ctx.url.searchParams.get('includeCount') === 'true';
  return paged(
    ctx,
    ctx.site.queues
      .filter((q) => q.serviceDeskId === desk.id)
      .map((q) => {
        const json: Record<string, unknown> = {
          id: q.id,
          name: q.name,
          jql: q.jql,
          fields: ['issuetype', 'issuekey', 'summary', 'status', 'created', SEED_FIELDS.requestType],
          _links: { self: `${ctx.base}/rest/servicedeskapi/servicedesk/${desk.id}/queue/${q.id}` },
        };
        if (withCount) {
          const query = parseJql(q.jql, ctx.site.now());
          json.issueCount = ctx.site.allIssues().filter((i) => query.matches(i)).length;
        }
        return json;
      }),
  );
}

/** JSM's paged envelope over a full list, honouring `start` and `limit`. */
export function paged(ctx: RequestContext, values: unknown[]): Reply {
  const start = Math.max(0, Number(ctx.url.searchParams.get('start') ?? 0) || 0);
  const limit = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('limit') ?? 50) || 50));
  const page = values.slice(start, start + limit);
  const isLastPage = start + page.length >= values.length;
  const self = `${ctx.base}${ctx.url.pathname}${ctx.url.search}`;
  const links: Record<string, string> = { base: ctx.base, context: '', self };
  if (!isLastPage) {
    const next = new URL(self);
    next.searchParams.set('start', String(start + limit));
    links.next = next.toString();
  }
  return {
    status: 200,
    json: { _expands: [], size: page.length, start, limit, isLastPage, _links: links, values: page },
  };
}
