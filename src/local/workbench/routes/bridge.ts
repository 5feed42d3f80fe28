import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { IssueKey } from '../../../contracts/common';
import { RESOLVERS } from '../../../contracts/resolvers';
import { ROVO_ACTIONS, type RovoAction } from '../../../contracts/rovo';
import type { ForgeContext, WorkbenchBackend } from '../backend';
import { HttpError, readBody, readJson, sendBytes, sendJson } from '../http-util';
import { jiraJson } from '../jira-json';
import { requireUser, viewerOf, type Viewer } from '../request-context';
import { requireJson } from '../request-guard';

const APPS = {
  'issue-panel': 'jira:issueContext',
  admin: 'jira:adminPage',
  queue: 'jiraServiceManagement:queuePage',
} as const;
const AppName = z.enum(['issue-panel', 'admin', 'queue']);
const ProjectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/);
type AppName = z.infer<typeof AppName>;

const RESOLVER_KEYS: ReadonlySet<string> = new Set(Object.values(RESOLVERS));

/** What the shim sends: it knows its app and, in the issue view, the issue key. */
const InvokeBody = z.object({
  functionKey: z.string().min(1).max(100),
  payload: z.unknown().optional(),
  context: z.object({ app: AppName.optional(), issueKey: IssueKey.optional() }).loose().optional(),
});

const IssueRef = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z
      .object({
        issuetype: z.object({ name: z.string() }).loose().nullish(),
        project: z.object({ key: z.string() }).loose().nullish(),
      })
      .loose(),
  })
  .loose();

/** Builds Forge's context; the account comes from the server's cookie, never from the page. */
export async function forgeContext(
  backend: WorkbenchBackend,
  viewer: Viewer,
  app: AppName,
  issueKey: string | undefined,
  queueProject?: string,
): Promise<ForgeContext> {
  const user = requireUser(viewer);
  const base: ForgeContext = {
    accountId: user.accountId,
    cloudId: 'workbench',
    localId: `workbench-${app}`,
    locale: viewer.locale === 'de' ? 'de_DE' : 'en_US',
    timezone: 'Europe/Berlin',
    theme: { colorMode: viewer.theme },
    moduleKey:
      app === 'admin' ? 'triage-lens-admin' : app === 'queue' ? 'triage-lens-queue' : 'triage-lens-panel',
    extension: { type: APPS[app] },
  };
  // The queue page's context names the service project whose Queues it sits under.
  if (app === 'queue')
    return { ...base, extension: { type: APPS.queue, project: { key: queueProject ?? '' } } };
  if (app !== 'issue-panel' || issueKey === undefined) return base;
  const path = `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=issuetype,project`;
  const issue = IssueRef.parse(await jiraJson(backend, 'GET', path, undefined, user.accountId));
  const projectKey = issue.fields.project?.key ?? issue.key.replace(/-\d+$/, '');
  return {
    ...base,
    extension: {
      type: APPS[app],
      issue: { key: issue.key, id: issue.id, type: issue.fields.issuetype?.name ?? '' },
      project: { key: projectKey },
    },
  };
}

export async function getContext(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: WorkbenchBackend,
) {
  const app = AppName.safeParse(url.searchParams.get('app'));
  if (!app.success) throw new HttpError(400, 'app must be issue-panel, admin or queue');
  const rawKey = url.searchParams.get('issueKey');
  const key = rawKey === null || rawKey === '' ? undefined : IssueKey.safeParse(rawKey);
  if (key !== undefined && !key.success) throw new HttpError(400, 'issueKey is not a Jira issue key');
  const project = ProjectKey.safeParse(url.searchParams.get('projectKey'));
  const viewer = viewerOf(req, url, backend);
  sendJson(
    res,
    200,
    await forgeContext(backend, viewer, app.data, key?.data, project.success ? project.data : undefined),
  );
}

export async function invoke(req: IncomingMessage, res: ServerResponse, url: URL, backend: WorkbenchBackend) {
  requireJson(req);
  // Before anything is parsed or run: no session, no resolver (training and backfill included).
  const viewer = viewerOf(req, url, backend);
  requireUser(viewer);
  const body = InvokeBody.safeParse(await readJson(req));
  if (!body.success) {
    const first = body.error.issues[0];
    throw new HttpError(
      400,
      `invalid invoke request: ${first?.path.join('.') || 'body'}: ${first?.message ?? ''}`,
    );
  }
  const { functionKey, payload, context } = body.data;
  if (!RESOLVER_KEYS.has(functionKey)) throw new HttpError(404, `no resolver named "${functionKey}"`);
  const app: AppName = context?.app ?? (functionKey.startsWith('admin/') ? 'admin' : 'issue-panel');
  // The host knows the issue without asking Jira; if the emulator is failing (fault injection),
  // the resolver must still run and report that failure itself, so fall back to the key alone.
  const forge = await forgeContext(backend, viewer, app, context?.issueKey).catch(
    async (): Promise<ForgeContext> => ({
      ...(await forgeContext(backend, viewer, app, undefined)),
      ...(context?.issueKey === undefined
        ? {}
        : { extension: { type: APPS[app], issue: { key: context.issueKey, id: '', type: '' } } }),
    }),
  );
  let result: unknown;
  try {
    result = await backend.invoke(functionKey, payload ?? {}, forge);
  } catch (e) {
    // Forge surfaces a throwing resolver as a failed invoke; the shim turns this into a rejection.
    sendJson(res, 500, { message: e instanceof Error ? e.message : 'resolver failed' });
    return;
  }
  sendJson(res, 200, result ?? null);
}

const RovoBody = z.object({
  action: z.enum(Object.keys(ROVO_ACTIONS) as [RovoAction, ...RovoAction[]]),
  inputs: z.record(z.string(), z.unknown()).optional(),
});

/** `POST /__workbench/rovo {action, inputs}`: a Rovo action as the signed-in user, for trying the agent's tools. */
export async function rovo(req: IncomingMessage, res: ServerResponse, url: URL, backend: WorkbenchBackend) {
  requireJson(req);
  const user = requireUser(viewerOf(req, url, backend));
  const body = RovoBody.safeParse(await readJson(req));
  if (!body.success) throw new HttpError(400, `invalid Rovo request: ${body.error.issues[0]?.message ?? ''}`);
  sendJson(res, 200, await backend.rovo(body.data.action, body.data.inputs ?? {}, user.accountId));
}

const ALLOWED_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** `requestJira` from the UI: forwarded to the emulator as the acting user, answer passed through. */
export async function jiraProxy(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: WorkbenchBackend,
) {
  const method = req.method ?? 'GET';
  if (!ALLOWED_METHODS.has(method)) throw new HttpError(405, `method ${method} not allowed`);
  const rest = url.pathname.slice('/__workbench/jira'.length);
  if (!/^\/rest\/[A-Za-z0-9/_.%~-]*$/.test(rest) || rest.split('/').some((s) => s === '..' || s === '.')) {
    throw new HttpError(400, 'requestJira path must be a Jira REST path (/rest/...)');
  }
  const user = requireUser(viewerOf(req, url, backend));
  const body = method === 'GET' ? undefined : await readBody(req);
  const answer = await backend.jira(method, rest + url.search, body, user.accountId);
  sendBytes(res, answer.status, answer.body, answer.contentType);
}
