import { z } from 'zod';
import { ARTICLE_TEXT_LIMIT } from '../../core/ports/jira';
import type {
  AdfDocument,
  JiraPort,
  KnowledgeBaseArticle,
  Queue,
  RequestType,
  ServiceDesk,
  JsmSlaCycle,
  SlaMetric,
  UserSummary,
} from '../../core/ports/jira';
import { createRequester, type JiraTransport, type RequestCoreOptions } from './request-core';
import type { RouteId } from './routes';
import {
  ArticleDto,
  BulkChangelogResponse,
  CommentCreatedResponse,
  CountIssuesResponse,
  IssueLinkTypesResponse,
  IssueResponse,
  MyselfResponse,
  pagedResponse,
  PermissionsResponse,
  QueueDto,
  RequestTypeDto,
  SearchJqlResponse,
  ServiceDeskDto,
  SlaInformation,
  UserPageResponse,
} from './schemas';
import { textToAdf } from './text-to-adf';

/** JSM lists are paged; this many pages at most, so a misbehaving server cannot loop us forever. */
const MAX_PAGES = 40;
const PAGE_SIZE = 50;
/** Account ids per `user/bulk` call: the query string stays short, and one page holds them all. */
const USERS_PER_CALL = 50;

/**
 * The JiraPort over any transport: the Forge and local adapters differ only in how bytes travel.
 */
export function createJiraPort(transport: JiraTransport, options: RequestCoreOptions = {}): JiraPort {
  const http = createRequester(transport, options);

  async function allPages<T extends z.ZodType>(
    route: RouteId,
    params: Record<string, string>,
    query: Record<string, string>,
    item: T,
  ): Promise<z.output<T>[]> {
    const schema = pagedResponse(item);
    const out: z.output<T>[] = [];
    let start = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const q = new URLSearchParams({ ...query, start: String(start), limit: String(PAGE_SIZE) });
      const data = await http.json({ route, params, query: q }, schema);
      out.push(...(data.values as z.output<T>[]));
      if (data.isLastPage || data.values.length === 0) break;
      start += data.values.length;
    }
    return out;
  }

  async function articleSearch(
    route: 'searchKnowledgeBase' | 'searchDeskKnowledgeBase',
    params: Record<string, string>,
    query: string,
    limit: number,
  ): Promise<KnowledgeBaseArticle[]> {
    const q = new URLSearchParams({ query, highlight: 'false', start: '0', limit: String(limit) });
    const data = await http.json({ route, params, query: q }, pagedResponse(ArticleDto));
    return data.values.slice(0, limit).map((a): KnowledgeBaseArticle => ({
      title: stripHighlight(a.title),
      excerpt: stripHighlight(a.excerpt),
      url: a.content?.iframeSrc ?? null,
      pageId: a.source?.pageId ?? null,
      spaceKey: a.source?.spaceKey ?? null,
    }));
  }

  return {
    async searchIssues(request) {
      const body: Record<string, unknown> = { jql: request.jql, fields: [...request.fields] };
      if (request.maxResults !== undefined) body.maxResults = request.maxResults;
      if (request.nextPageToken !== undefined) body.nextPageToken = request.nextPageToken;
      const data = await http.json({ route: 'searchJql', params: {}, body }, SearchJqlResponse);
      const token = data.isLast === true ? null : (data.nextPageToken ?? null);
      return token === null ? { issues: data.issues } : { issues: data.issues, nextPageToken: token };
    },

    async countIssues(jql) {
      const data = await http.json({ route: 'countIssues', params: {}, body: { jql } }, CountIssuesResponse);
      return data.count;
    },

    async getIssue(key, fields) {
      const query = new URLSearchParams({ fields: fields.join(',') });
      return http.json({ route: 'getIssue', params: { issueIdOrKey: key }, query }, IssueResponse);
    },

    async editIssue(key, fields) {
      await http.noContent({ route: 'editIssue', params: { issueIdOrKey: key }, body: { fields } });
    },

    async setIssueProperty(key, propertyKey, value) {
      await http.noContent({
        route: 'setIssueProperty',
        params: { issueIdOrKey: key, propertyKey },
        body: value,
      });
    },

    async getIssueLinkTypes() {
      const data = await http.json({ route: 'getIssueLinkTypes', params: {} }, IssueLinkTypesResponse);
      return data.issueLinkTypes;
    },

    async createIssueLink({ type, inwardKey, outwardKey }) {
      const body = {
        type: { name: type },
        inwardIssue: { key: inwardKey },
        outwardIssue: { key: outwardKey },
      };
      await http.noContent({ route: 'createIssueLink', params: {}, body });
    },

    async addComment(key, body, { internal }) {
      const doc: AdfDocument = typeof body === 'string' ? textToAdf(body) : body;
      const payload: Record<string, unknown> = { body: doc };
      // JSM keeps a comment from customers when this property says internal.
      if (internal) payload.properties = [{ key: 'sd.public.comment', value: { internal: true } }];
      const data = await http.json(
        { route: 'addComment', params: { issueIdOrKey: key }, body: payload },
        CommentCreatedResponse,
      );
      return { id: data.id };
    },

    async bulkChangelog(request) {
      const body: Record<string, unknown> = {
        issueIdsOrKeys: [...request.issueIds],
        fieldIds: [...request.fieldIds],
      };
      if (request.maxResults !== undefined) body.maxResults = request.maxResults;
      if (request.nextPageToken !== undefined) body.nextPageToken = request.nextPageToken;
      const data = await http.json({ route: 'bulkChangelog', params: {}, body }, BulkChangelogResponse);
      const issueChangeLogs = data.issueChangeLogs.map((log) => ({
        issueId: log.issueId,
        changeHistories: log.changeHistories.map((h) => ({
          id: h.id,
          authorId: h.author?.accountId ?? null,
          created: h.created,
          items: h.items.map((i) => ({
            fieldId: i.fieldId ?? i.field ?? '',
            from: i.from ?? null,
            fromString: i.fromString ?? null,
            to: i.to ?? null,
            toString: i.toString ?? null,
          })),
        })),
      }));
      return data.nextPageToken
        ? { issueChangeLogs, nextPageToken: data.nextPageToken }
        : { issueChangeLogs };
    },

    async getSla(key) {
      const values = await allPages('getSla', { issueIdOrKey: key }, {}, SlaInformation);
      return values.map((v): SlaMetric => ({
        id: v.id,
        name: v.name,
        completedCycles: v.completedCycles.map((c) =>
          toCycle({ ...c, paused: false, withinCalendarHours: true }),
        ),
        ongoingCycle: v.ongoingCycle ? toCycle(v.ongoingCycle) : null,
      }));
    },

    async getServiceDesks() {
      const values = await allPages('getServiceDesks', {}, {}, ServiceDeskDto);
      return values.map((v): ServiceDesk => ({ ...v }));
    },

    async getRequestTypes(serviceDeskId) {
      const values = await allPages('getRequestTypes', { serviceDeskId }, {}, RequestTypeDto);
      return values.map((v): RequestType => ({
        id: v.id,
        name: v.name,
        description: v.description,
        issueTypeId: v.issueTypeId ?? null,
        serviceDeskId: v.serviceDeskId ?? serviceDeskId,
      }));
    },

    async getQueues(serviceDeskId) {
      const values = await allPages('getQueues', { serviceDeskId }, { includeCount: 'true' }, QueueDto);
      return values.map((v): Queue => ({
        id: v.id,
        name: v.name,
        jql: v.jql,
        issueCount: v.issueCount ?? null,
      }));
    },

    async searchKnowledgeBase(query, limit = 10) {
      return articleSearch('searchKnowledgeBase', {}, query, limit);
    },

    async searchDeskKnowledgeBase(serviceDeskId, query, limit = 10) {
      return articleSearch('searchDeskKnowledgeBase', { serviceDeskId }, query, limit);
    },

    async viewArticle(pageId) {
      const html = await http.json({ route: 'viewArticle', params: { pageId } }, z.string());
      return htmlToText(html.slice(0, 8 * ARTICLE_TEXT_LIMIT)).slice(0, ARTICLE_TEXT_LIMIT);
    },

    async getMyPermissions({ permissions, projectKey, issueKey }) {
      const q = new URLSearchParams({ permissions: permissions.join(',') });
      if (projectKey !== undefined) q.set('projectKey', projectKey);
      if (issueKey !== undefined) q.set('issueKey', issueKey);
      const data = await http.json({ route: 'getMyPermissions', params: {}, query: q }, PermissionsResponse);
      const out = new Map<string, boolean>();
      for (const p of permissions) out.set(p, data.permissions[p]?.havePermission === true);
      return out;
    },

    async getMyself() {
      const me = await http.json({ route: 'getMyself', params: {} }, MyselfResponse);
      return {
        accountId: me.accountId,
        accountType: me.accountType ?? null,
        displayName: me.displayName,
        locale: me.locale ?? null,
        timeZone: me.timeZone ?? null,
      };
    },

    async bulkGetUsers(accountIds) {
      const ids = [...new Set(accountIds)];
      const out: UserSummary[] = [];
      for (let at = 0; at < ids.length; at += USERS_PER_CALL) {
        const chunk = ids.slice(at, at + USERS_PER_CALL);
        // Jira may answer in smaller pages than asked for; follow them, boundedly.
        for (let startAt = 0, page = 0; page < MAX_PAGES; page++) {
          const q = new URLSearchParams({ startAt: String(startAt), maxResults: String(chunk.length) });
          for (const id of chunk) q.append('accountId', id);
          const data = await http.json({ route: 'bulkGetUsers', params: {}, query: q }, UserPageResponse);
          out.push(...data.values.map((u): UserSummary => ({ ...u })));
          if (data.isLast || data.values.length === 0) break;
          startAt += data.values.length;
        }
      }
      return out;
    },
  };
}

interface CycleDto {
  startTime: { epochMillis: number };
  stopTime?: { epochMillis: number } | undefined;
  breachTime?: { epochMillis: number } | undefined;
  breached: boolean;
  paused: boolean;
  withinCalendarHours: boolean;
  goalDuration?: { millis: number } | undefined;
  elapsedTime?: { millis: number } | undefined;
  remainingTime?: { millis: number } | undefined;
}

function toCycle(c: CycleDto): JsmSlaCycle {
  return {
    startTime: c.startTime.epochMillis,
    stopTime: c.stopTime?.epochMillis ?? null,
    breachTime: c.breachTime?.epochMillis ?? null,
    breached: c.breached,
    paused: c.paused,
    withinCalendarHours: c.withinCalendarHours,
    goalDuration: c.goalDuration?.millis ?? null,
    elapsedTime: c.elapsedTime?.millis ?? 0,
    remainingTime: c.remainingTime?.millis ?? null,
  };
}

/** JSM marks matches as `@@@hl@@@term@@@endhl@@@` when highlighting is on. */
function stripHighlight(s: string): string {
  return s.replace(/@@@(?:end)?hl@@@/g, '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Drops script and style elements with one forward scan (a lazy regex would rescan per tag). */
function withoutScripts(html: string): string {
  const lower = html.toLowerCase();
  const opening = /<(script|style)\b/g;
  let out = '';
  let at = 0;
  for (;;) {
    opening.lastIndex = at;
    const found = opening.exec(lower);
    if (found === null) return out + html.slice(at);
    const start = found.index;
    const tag = found[1] ?? 'script';
    const close = lower.indexOf(`</${tag}`, start);
    out += `${html.slice(at, start)} `;
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    at = end < 0 ? lower.length : end + 1;
  }
}

/** Rendered Confluence HTML as plain text: block ends become line breaks, tags and scripts go. */
export function htmlToText(html: string): string {
  return withoutScripts(html)
    .replace(/<(?:br|\/p|\/li|\/h[1-6]|\/div|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
