import { z } from 'zod';
import {
  createRequester,
  type JiraRequest,
  type JiraTransport,
} from '../../../src/adapters/jira/request-core';
import type { RetryPolicy } from '../../../src/adapters/jira/retry';
import { fakeRetryEnv, jiraFailure } from './helpers';

type Scripted = { status: number; body?: string; headers?: Record<string, string> } | Error;

function scriptedTransport(script: Scripted[]): { transport: JiraTransport; calls: JiraRequest[] } {
  const calls: JiraRequest[] = [];
  const transport: JiraTransport = (request) => {
    calls.push(request);
    const next = script[Math.min(calls.length - 1, script.length - 1)];
    if (next === undefined) throw new Error('empty script');
    if (next instanceof Error) return Promise.reject(next);
    const headers = Object.fromEntries(
      Object.entries(next.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    return Promise.resolve({
      status: next.status,
      header: (name: string) => headers[name.toLowerCase()] ?? null,
      text: () => Promise.resolve(next.body ?? ''),
    });
  };
  return { transport, calls };
}

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxTotalMs: 30_000 };
const Ok = z.object({ ok: z.boolean() });
const getIssue: JiraRequest = { route: 'getIssue', params: { issueIdOrKey: 'IT-1' } };
const comment: JiraRequest = { route: 'addComment', params: { issueIdOrKey: 'IT-1' }, body: {} };

describe('createRequester', () => {
  it("lets Forge's NeedsAuthenticationError out as it is, without retrying", async () => {
    let calls = 0;
    const consent = Object.assign(new Error('needs consent'), { name: 'NEEDS_AUTHENTICATION_ERR' });
    const transport = () => {
      calls++;
      return Promise.reject(consent);
    };
    await expect(createRequester(transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok)).rejects.toBe(
      consent,
    );
    expect(calls).toBe(1);
  });

  it('returns the parsed body of a 2xx answer', async () => {
    const { transport } = scriptedTransport([{ status: 200, body: '{"ok":true,"extra":1}' }]);
    await expect(
      createRequester(transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    ).resolves.toEqual({
      ok: true,
    });
  });

  it('waits out 429s as Retry-After says, then succeeds', async () => {
    const env = fakeRetryEnv();
    const { transport, calls } = scriptedTransport([
      { status: 429, headers: { 'Retry-After': '2' } },
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 200, body: '{"ok":true}' },
    ]);
    await createRequester(transport, { policy, env }).json(getIssue, Ok);
    expect(calls).toHaveLength(3);
    expect(env.sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(env.sleeps[1]).toBeGreaterThanOrEqual(3000);
  });

  it('gives up on a 429 storm after maxAttempts with a rate_limited error', async () => {
    const env = fakeRetryEnv();
    const { transport, calls } = scriptedTransport([{ status: 429, headers: { 'Retry-After': '1' } }]);
    const error = await jiraFailure(createRequester(transport, { policy, env }).json(getIssue, Ok));
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(calls).toHaveLength(policy.maxAttempts);
    expect(env.sleeps).toHaveLength(policy.maxAttempts - 1);
  });

  it('stops early when a Retry-After would exceed the total time budget', async () => {
    const env = fakeRetryEnv();
    const { transport, calls } = scriptedTransport([{ status: 429, headers: { 'Retry-After': '3600' } }]);
    const error = await jiraFailure(createRequester(transport, { policy, env }).json(getIssue, Ok));
    expect(error.kind).toBe('rate_limited');
    expect(calls).toHaveLength(1);
    expect(env.sleeps).toEqual([]);
  });

  it('retries 5xx on reads with growing jittered backoff', async () => {
    const env = fakeRetryEnv();
    const { transport, calls } = scriptedTransport([
      { status: 500 },
      { status: 503 },
      { status: 200, body: '{"ok":false}' },
    ]);
    await expect(createRequester(transport, { policy, env }).json(getIssue, Ok)).resolves.toEqual({
      ok: false,
    });
    expect(calls).toHaveLength(3);
    expect(env.sleeps[1]).toBeGreaterThan(env.sleeps[0] ?? Infinity);
  });

  it('does not repeat a comment after a 500 (it may have been created)', async () => {
    const { transport, calls } = scriptedTransport([{ status: 500 }, { status: 201, body: '{"id":"1"}' }]);
    const error = await jiraFailure(
      createRequester(transport, { policy, env: fakeRetryEnv() }).json(comment, z.object({ id: z.string() })),
    );
    expect(error.kind).toBe('upstream');
    expect(calls).toHaveLength(1);
  });

  it('does repeat a comment after a 429 (Jira did not process it)', async () => {
    const { transport, calls } = scriptedTransport([{ status: 429 }, { status: 201, body: '{"id":"1"}' }]);
    await createRequester(transport, { policy, env: fakeRetryEnv() }).json(
      comment,
      z.object({ id: z.string() }),
    );
    expect(calls).toHaveLength(2);
  });

  it('retries network failures on reads and reports them as upstream with status 0', async () => {
    const { transport, calls } = scriptedTransport([new Error('socket hang up')]);
    const error = await jiraFailure(
      createRequester(transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    );
    expect(error.kind).toBe('upstream');
    expect(error.status).toBe(0);
    expect(error.message).toContain('socket hang up');
    expect(calls).toHaveLength(policy.maxAttempts);
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [400, 'bad_request'],
    [409, 'bad_request'],
  ] as const)('maps %d to %s without retrying, with Jira’s reason in the message', async (status, kind) => {
    const body = JSON.stringify({ errorMessages: ['Issue does not exist'], errors: { priority: 'invalid' } });
    const { transport, calls } = scriptedTransport([{ status, body }]);
    const error = await jiraFailure(
      createRequester(transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    );
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.route).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(error.message).toContain('Issue does not exist');
    expect(error.message).toContain('priority: invalid');
    expect(calls).toHaveLength(1);
  });

  it('reads JSM error bodies too', async () => {
    const { transport } = scriptedTransport([
      { status: 403, body: '{"errorMessage":"Only agents can view SLA information."}' },
    ]);
    const error = await jiraFailure(
      createRequester(transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    );
    expect(error.message).toContain('Only agents');
  });

  it('bounds the reason it quotes from a hostile error body', async () => {
    const body = JSON.stringify({ errorMessages: ['<script>alert(1)</script>'.repeat(500)] });
    const { transport } = scriptedTransport([{ status: 400, body }]);
    const error = await jiraFailure(
      createRequester(transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    );
    expect(error.message.length).toBeLessThan(400);
  });

  it('reports malformed JSON and wrong shapes as bad_response, naming where', async () => {
    const malformed = scriptedTransport([{ status: 200, body: '{"issues": [' }]);
    const e1 = await jiraFailure(
      createRequester(malformed.transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    );
    expect(e1.kind).toBe('bad_response');
    const wrong = scriptedTransport([{ status: 200, body: '{"ok":"yes"}' }]);
    const e2 = await jiraFailure(
      createRequester(wrong.transport, { policy, env: fakeRetryEnv() }).json(getIssue, Ok),
    );
    expect(e2.kind).toBe('bad_response');
    expect(e2.message).toContain('ok');
  });
});

describe('path parameters', () => {
  it.each(['../../admin', 'IT-1/comment', 'IT-1?x=1', '', '..'])(
    'refuses %j before sending anything',
    async (key) => {
      const { transport, calls } = scriptedTransport([{ status: 200, body: '{"ok":true}' }]);
      const error = await jiraFailure(
        createRequester(transport, { policy, env: fakeRetryEnv() }).json(
          { route: 'getIssue', params: { issueIdOrKey: key } },
          Ok,
        ),
      );
      expect(error.kind).toBe('bad_request');
      expect(calls).toHaveLength(0);
    },
  );
});
