import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { IssueKey } from '../../../contracts/common';
import { SEED_FIELDS } from '../../emulator/seed';
import type { WorkbenchBackend } from '../backend';
import { HttpError, readForm, readJson, redirect, sendHtml, sendJson } from '../http-util';
import { toIssueView } from '../issue-view-model';
import { jiraJson } from '../jira-json';
import { adminPage, messagePage } from '../pages/admin';
import { queuePage } from '../pages/queue';
import { issuePage } from '../pages/issue-view';
import { layout } from '../pages/layout';
import { ticketListPage, type TicketRow } from '../pages/ticket-list';
import { userPickerPage } from '../pages/user-picker';
import { requireUser, viewerOf, type Viewer } from '../request-context';
import { safeLocalPath } from '../request-guard';
import { textToAdf } from '../../../adapters/jira/text-to-adf';
import { CreateTicket, EditTicket, createFields, editFields } from '../ticket-input';
import { LOCALE_COOKIE, THEME_COOKIE, USER_COOKIE } from '../users';

/** Where the emulated site keeps JSM's request type (a real site has its own custom field id). */
const REQUEST_TYPE_FIELD = SEED_FIELDS.requestType;
const DEFAULT_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const LIST_FIELDS = ['summary', 'status', 'priority', 'assignee', 'created'];

const SearchPage = z.object({ issues: z.array(z.unknown()), nextPageToken: z.string().optional() }).loose();

function chrome(viewer: Viewer, title: string, returnTo: string) {
  return {
    title,
    user: viewer.user,
    users: viewer.users,
    theme: viewer.theme,
    locale: viewer.locale,
    returnTo,
  };
}

async function priorities(backend: WorkbenchBackend, accountId: string): Promise<string[]> {
  try {
    const list = z
      .array(z.object({ name: z.string() }).loose())
      .parse(await jiraJson(backend, 'GET', '/rest/api/3/priority', undefined, accountId));
    return list.length > 0 ? list.map((p) => p.name) : DEFAULT_PRIORITIES;
  } catch {
    return DEFAULT_PRIORITIES;
  }
}

export async function ticketList(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: WorkbenchBackend,
) {
  const viewer = viewerOf(req, url, backend);
  if (askForUser(res, viewer, url)) return;
  const accountId = requireUser(viewer).accountId;
  const page = url.searchParams.get('page');
  let rows: TicketRow[] = [];
  let next: string | undefined;
  let error: string | null = url.searchParams.get('error');
  try {
    const answer = SearchPage.parse(
      await jiraJson(
        backend,
        'POST',
        '/rest/api/3/search/jql',
        {
          jql: `project in (${backend.projectKeys.join(', ')}) ORDER BY created DESC`,
          fields: LIST_FIELDS,
          maxResults: 50,
          ...(page === null ? {} : { nextPageToken: page }),
        },
        accountId,
      ),
    );
    rows = answer.issues.map((json) => {
      const v = toIssueView(json);
      return {
        key: v.key,
        summary: v.summary,
        status: v.status,
        statusCategory: v.statusCategory,
        priority: v.priority,
        assignee: v.assignee?.displayName ?? null,
        created: v.created,
      };
    });
    next = answer.nextPageToken;
  } catch (e) {
    error = e instanceof Error ? e.message : 'could not list tickets';
  }
  const form = {
    projectKeys: backend.projectKeys,
    issueTypes: [],
    priorities: await priorities(backend, accountId),
    requestTypes: backend.requestTypes,
  };
  sendHtml(
    res,
    error === null ? 200 : 200,
    layout(chrome(viewer, 'Tickets', '/'), ticketListPage(rows, form, next, error)),
  );
}

export async function browse(req: IncomingMessage, res: ServerResponse, url: URL, backend: WorkbenchBackend) {
  const viewer = viewerOf(req, url, backend);
  if (askForUser(res, viewer, url)) return;
  const user = requireUser(viewer);
  let rawKey: string;
  try {
    rawKey = decodeURIComponent(url.pathname.slice('/browse/'.length));
  } catch {
    rawKey = '';
  }
  const key = IssueKey.safeParse(rawKey);
  const here = url.pathname;
  if (!key.success) {
    sendHtml(
      res,
      404,
      layout(
        chrome(viewer, 'Not found', '/'),
        messagePage('Issue not found', `"${rawKey}" is not an issue key.`),
      ),
    );
    return;
  }
  try {
    const json = await jiraJson(backend, 'GET', `/rest/api/3/issue/${key.data}`, undefined, user.accountId);
    const issue = toIssueView(json);
    const options = {
      theme: viewer.theme,
      locale: viewer.locale,
      priorities: await priorities(backend, user.accountId),
    };
    sendHtml(
      res,
      200,
      layout(chrome(viewer, `${issue.key}: ${issue.summary}`, here), issuePage(issue, options)),
    );
  } catch (e) {
    const status = e instanceof HttpError ? e.status : 500;
    const message = e instanceof Error ? e.message : 'could not load the issue';
    sendHtml(
      res,
      status === 404 ? 404 : 502,
      layout(chrome(viewer, key.data, here), messagePage(`Cannot show ${key.data}`, message)),
    );
  }
}

/** The JSM queue page (Queues → Apps → Triage Lens) of one service project, `?project=IT`. */
export function queue(req: IncomingMessage, res: ServerResponse, url: URL, backend: WorkbenchBackend) {
  const viewer = viewerOf(req, url, backend);
  if (askForUser(res, viewer, url)) return Promise.resolve();
  const asked = url.searchParams.get('project');
  const projectKey =
    asked !== null && backend.projectKeys.includes(asked) ? asked : (backend.projectKeys[0] ?? '');
  const body = queuePage(projectKey, backend.projectKeys, viewer.theme, viewer.locale);
  sendHtml(res, 200, layout(chrome(viewer, 'Queue triage', `/queue?project=${projectKey}`), body));
  return Promise.resolve();
}

export function admin(req: IncomingMessage, res: ServerResponse, url: URL, backend: WorkbenchBackend) {
  const viewer = viewerOf(req, url, backend);
  if (askForUser(res, viewer, url)) return Promise.resolve();
  sendHtml(res, 200, layout(chrome(viewer, 'Admin', '/admin'), adminPage(viewer.theme, viewer.locale)));
  return Promise.resolve();
}

const Prefs = z.object({
  user: z.string().max(128).optional(),
  theme: z.enum(['light', 'dark']).optional(),
  locale: z.enum(['en', 'de']).optional(),
  returnTo: z.string().max(500).optional(),
});

/** Strict: another site's link or form never carries the session, so it cannot act through it. */
const cookie = (name: string, value: string) =>
  `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Strict; HttpOnly; Max-Age=31536000`;

/** A visitor without a session gets the user picker (and true) instead of the page asked for. */
function askForUser(res: ServerResponse, viewer: Viewer, url: URL): boolean {
  if (viewer.user !== null) return false;
  const here = safeLocalPath(url.pathname + url.search);
  sendHtml(res, 200, layout(chrome(viewer, 'Pick a user', here), userPickerPage(viewer.users, here)));
  return true;
}

/** The header's user / theme / language switcher: sets cookies and goes back where it came from. */
export async function prefs(req: IncomingMessage, res: ServerResponse, _url: URL, backend: WorkbenchBackend) {
  const parsed = Prefs.safeParse(Object.fromEntries(await readForm(req)));
  if (!parsed.success) throw new HttpError(400, 'invalid preferences');
  const { user, theme, locale, returnTo } = parsed.data;
  const cookies: string[] = [];
  if (user !== undefined) {
    if (!backend.users().some((u) => u.accountId === user)) throw new HttpError(400, 'unknown user');
    cookies.push(cookie(USER_COOKIE, user));
  }
  if (theme !== undefined) cookies.push(cookie(THEME_COOKIE, theme));
  if (locale !== undefined) cookies.push(cookie(LOCALE_COOKIE, locale));
  // Only a local path, so the form is no open redirect and a CR/LF cannot split the header.
  redirect(res, safeLocalPath(returnTo), cookies);
}

/** Form posts answer with a redirect (the browser flow), JSON posts with JSON (tests, scripts). */
async function readInput(req: IncomingMessage): Promise<{ json: boolean; value: unknown }> {
  const json = (req.headers['content-type'] ?? '').includes('application/json');
  if (json) return { json, value: await readJson(req) };
  return { json, value: Object.fromEntries(await readForm(req)) };
}

function validationMessage(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first?.path.join('.') || 'input'}: ${first?.message ?? 'invalid'}`;
}

export async function createTicket(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: WorkbenchBackend,
) {
  const user = requireUser(viewerOf(req, url, backend));
  const input = await readInput(req);
  const parsed = CreateTicket.safeParse(input.value);
  if (!parsed.success) {
    if (input.json) throw new HttpError(400, validationMessage(parsed.error));
    redirect(res, `/?error=${encodeURIComponent(validationMessage(parsed.error))}`);
    return;
  }
  const project = parsed.data.project ?? backend.projectKeys[0];
  if (project === undefined || !backend.projectKeys.includes(project))
    throw new HttpError(400, 'project: unknown project');
  const created = z
    .object({ id: z.string(), key: z.string() })
    .loose()
    .parse(
      await jiraJson(
        backend,
        'POST',
        '/rest/api/3/issue',
        { fields: createFields(project, parsed.data, REQUEST_TYPE_FIELD) },
        user.accountId,
      ),
    );
  if (input.json) sendJson(res, 201, { id: created.id, key: created.key });
  else redirect(res, `/browse/${encodeURIComponent(created.key)}`);
}

export async function editTicket(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: WorkbenchBackend,
) {
  const user = requireUser(viewerOf(req, url, backend));
  const key = IssueKey.safeParse(url.pathname.slice('/__workbench/tickets/'.length));
  if (!key.success) throw new HttpError(404, 'not an issue key');
  const input = await readInput(req);
  const parsed = EditTicket.safeParse(input.value);
  if (!parsed.success) throw new HttpError(400, validationMessage(parsed.error));
  const fields = editFields(parsed.data);
  const accountId = user.accountId;
  if (Object.keys(fields).length > 0) {
    await jiraJson(backend, 'PUT', `/rest/api/3/issue/${key.data}`, { fields }, accountId);
  }
  if (parsed.data.comment) {
    const body = { body: textToAdf(parsed.data.comment) };
    await jiraJson(backend, 'POST', `/rest/api/3/issue/${key.data}/comment`, body, accountId);
  }
  if (input.json) sendJson(res, 200, { key: key.data });
  else redirect(res, `/browse/${key.data}`);
}
