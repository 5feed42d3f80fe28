import type { RequestContext } from './context';
import { hasProjectPermission } from './permissions';
import { jiraErrorReply, type Reply } from './replies';
import type { EmuIssue } from './site';

/** Jira's cap on one property value (the platform spec's PUT .../properties/{propertyKey}). */
export const PROPERTY_VALUE_MAX_BYTES = 32_768;
const PROPERTY_KEY_MAX = 255;

/**
 * `PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`: 201 when created, 200 when
 * replaced, both without a body; 400 for an empty or oversized value or key; 403 without the
 * edit permission (the app may always); 404 for an issue the caller cannot see.
 */
export function setIssueProperty(ctx: RequestContext, issue: EmuIssue, propertyKey: string): Reply {
  if (propertyKey.length === 0 || propertyKey.length > PROPERTY_KEY_MAX)
    return jiraErrorReply(400, ['The property key must be between 1 and 255 characters long.']);
  if (!hasProjectPermission(ctx.site, ctx.actor, 'EDIT_ISSUES', issue.projectKey))
    return jiraErrorReply(403, ['You do not have permission to edit issues in this project.']);
  const text = ctx.body === undefined ? '' : JSON.stringify(ctx.body);
  if (text === '' || text === 'null')
    return jiraErrorReply(400, ['The property value must be a valid, non-empty JSON value.']);
  if (Buffer.byteLength(text, 'utf8') > PROPERTY_VALUE_MAX_BYTES)
    return jiraErrorReply(400, [`The property value exceeds ${PROPERTY_VALUE_MAX_BYTES} bytes.`]);
  const properties = (issue.properties ??= {});
  const created = !Object.prototype.hasOwnProperty.call(properties, propertyKey);
  properties[propertyKey] = JSON.parse(text) as unknown;
  issue.propertyWrites = (issue.propertyWrites ?? 0) + 1;
  return { status: created ? 201 : 200 };
}
