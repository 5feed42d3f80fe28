/** What a handler answers: status, optional JSON body, optional headers. */
export interface Reply {
  status: number;
  json?: unknown;
  headers?: Record<string, string>;
}

/** Jira platform errors: `{errorMessages: [...], errors: {field: message}}`. */
export function jiraErrorReply(
  status: number,
  messages: string[],
  errors: Record<string, string> = {},
): Reply {
  return { status, json: { errorMessages: messages, errors } };
}

/** JSM errors: `{errorMessage, i18nErrorMessage: {i18nKey, parameters}}`. */
export function jsmErrorReply(status: number, message: string, i18nKey: string): Reply {
  return { status, json: { errorMessage: message, i18nErrorMessage: { i18nKey, parameters: [] } } };
}
