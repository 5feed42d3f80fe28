import type { WorkbenchBackend } from './backend';
import { HttpError } from './http-util';

/** A JSON call to the emulator; a non-2xx answer becomes an HttpError carrying Jira's message. */
export async function jiraJson(
  backend: WorkbenchBackend,
  method: string,
  path: string,
  value: unknown,
  accountId: string,
): Promise<unknown> {
  const body = value === undefined ? undefined : Buffer.from(JSON.stringify(value), 'utf8');
  const answer = await backend.jira(method, path, body, accountId);
  const text = answer.body.toString('utf8');
  let json: unknown = undefined;
  if (text !== '') {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw new HttpError(
      answer.status,
      `Jira answered ${answer.status}: ${jiraMessage(json) ?? text.slice(0, 200)}`,
    );
  }
  return json;
}

/** Jira's error bodies: `{errorMessages: [...], errors: {field: message}}`. */
export function jiraMessage(json: unknown): string | null {
  if (json === null || typeof json !== 'object') return null;
  const { errorMessages, errors, message } = json as {
    errorMessages?: unknown;
    errors?: unknown;
    message?: unknown;
  };
  const parts: string[] = [];
  if (Array.isArray(errorMessages))
    parts.push(...errorMessages.filter((m): m is string => typeof m === 'string'));
  if (errors !== null && typeof errors === 'object') {
    for (const [field, m] of Object.entries(errors)) if (typeof m === 'string') parts.push(`${field}: ${m}`);
  }
  if (typeof message === 'string') parts.push(message);
  return parts.length > 0 ? parts.join('; ') : null;
}
