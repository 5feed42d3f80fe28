import type { z } from 'zod';
import { isConsentError, JiraError, type JiraErrorKind } from '../../core/ports/jira';
import { ErrorBody } from './schemas';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  realRetryEnv,
  retryDelay,
  type RetryEnv,
  type RetryPolicy,
} from './retry';
import { expandPath, JIRA_ROUTES, routeLabel, type RouteId } from './routes';

/** One call as the adapters see it: a route from the shared list, its path parameters, query, body. */
export interface JiraRequest {
  route: RouteId;
  params: Readonly<Record<string, string>>;
  query?: URLSearchParams;
  body?: unknown;
}

export interface JiraRawResponse {
  status: number;
  header(name: string): string | null;
  text(): Promise<string>;
}

/**
 * Sends one request and returns the raw answer; throws only when no answer arrived (network
 * error, timeout). Forge's adapter wraps `requestJira`, the local one wraps `fetch`.
 */
export type JiraTransport = (request: JiraRequest) => Promise<JiraRawResponse>;

export interface RequestCoreOptions {
  policy?: RetryPolicy;
  env?: RetryEnv;
}

/** 5xx and network failures are retried only where repeating the call cannot do anything twice. */
const IDEMPOTENT: ReadonlySet<RouteId> = new Set<RouteId>([
  'searchJql',
  'countIssues',
  'getIssue',
  'editIssue',
  'getIssueLinkTypes',
  'bulkChangelog',
  'getMyPermissions',
  'getMyself',
  'bulkGetUsers',
  'getSla',
  'getServiceDesks',
  'getRequestTypes',
  'getQueues',
  'searchKnowledgeBase',
  'searchDeskKnowledgeBase',
  'viewArticle',
]);

export interface Requester {
  /** Sends, retries as the policy allows, and parses a 2xx body with `schema`. */
  json<T extends z.ZodType>(request: JiraRequest, schema: T): Promise<z.output<T>>;
  /** Sends, retries, and ignores the 2xx body (204 answers, link creation). */
  noContent(request: JiraRequest): Promise<void>;
}

export function createRequester(transport: JiraTransport, options: RequestCoreOptions = {}): Requester {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const env = options.env ?? realRetryEnv;

  async function send(request: JiraRequest): Promise<string> {
    const label = routeLabel(request.route);
    try {
      expandPath(request.route, request.params);
    } catch {
      // An id or key that would change the path is the caller's mistake: never sent, never retried.
      const given = Object.values(request.params).join(', ').slice(0, 80);
      throw new JiraError('bad_request', 0, `Not a valid Jira id or key: "${given}".`, label);
    }
    const retryServerErrors = IDEMPOTENT.has(request.route);
    const start = env.now();
    for (let attempt = 1; ; attempt++) {
      let failure: JiraError;
      let retryable: boolean;
      let retryAfterMs: number | null = null;
      try {
        const response = await transport(request);
        const body = await response.text();
        if (response.status >= 200 && response.status < 300) return body;
        failure = errorForStatus(response.status, body, label);
        retryable = response.status === 429 || (response.status >= 500 && retryServerErrors);
        retryAfterMs = parseRetryAfter(response.header('retry-after'), env.now());
        failure.retryAfterMs = retryAfterMs;
      } catch (cause) {
        if (isConsentError(cause)) throw cause;
        const reason = cause instanceof Error ? cause.message : String(cause);
        failure = new JiraError(
          'upstream',
          0,
          `Jira did not answer (${reason.slice(0, 200)}). Try again later.`,
          label,
        );
        retryable = retryServerErrors;
      }
      if (!retryable || attempt >= policy.maxAttempts) throw failure;
      const delay = retryDelay(attempt, retryAfterMs, policy, () => env.random());
      if (env.now() - start + delay > policy.maxTotalMs) throw failure;
      await env.sleep(delay);
    }
  }

  return {
    async json(request, schema) {
      const label = routeLabel(request.route);
      const text = await send(request);
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new JiraError('bad_response', 200, `Jira's answer to ${label} was not valid JSON.`, label);
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first ? first.path.join('.') || '(root)' : '(root)';
        throw new JiraError(
          'bad_response',
          200,
          `Jira's answer to ${label} had an unexpected shape at ${where}: ${first?.message ?? 'invalid'}.`,
          label,
        );
      }
      return parsed.data;
    },
    async noContent(request) {
      await send(request);
    },
  };
}

function kindForStatus(status: number): JiraErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'upstream';
  return 'bad_request';
}

const LEAD: Record<JiraErrorKind, string> = {
  unauthenticated: 'Jira did not accept the credentials; reload the page or ask an admin to check the app',
  forbidden: 'You do not have permission for this in Jira',
  not_found: 'Not found in Jira, or not visible to you',
  bad_request: 'Jira rejected the request',
  rate_limited: 'Jira is limiting how fast the app may call it; try again in a minute',
  upstream: 'Jira answered with an error; try again later',
  bad_response: 'Jira gave an answer the app could not read',
};

/** A typed error whose message says what happened in words, with Jira's own reason when given. */
export function errorForStatus(status: number, body: string, route: string): JiraError {
  const kind = kindForStatus(status);
  const parts = jiraReasons(body);
  const reason = parts.join('; ').slice(0, 300);
  const message = `${LEAD[kind]} (${status}${reason ? `: ${reason}` : ''}).`;
  return new JiraError(kind, status, message, route, parts);
}

/** At most this many of Jira's sentences are kept, each cut to 300 characters. */
const MAX_REASONS = 200;

/** Jira's explanations from an error body, if it has any (both platform and JSM shapes), bounded. */
function jiraReasons(body: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return [];
  }
  const parsed = ErrorBody.safeParse(data);
  if (!parsed.success) return [];
  const parts = [
    ...(parsed.data.errorMessages ?? []),
    ...Object.entries(parsed.data.errors ?? {}).map(([field, msg]) => `${field}: ${msg}`),
    ...(parsed.data.errorMessage ? [parsed.data.errorMessage] : []),
  ];
  return parts.slice(0, MAX_REASONS).map((p) => p.slice(0, 300));
}

/** True for routes whose method sends a JSON body. */
export function hasBody(route: RouteId): boolean {
  return JIRA_ROUTES[route].method !== 'GET';
}
