import { z } from 'zod';
import type { JiraPort, RequestType } from '../ports/jira';
import type { Ticket } from '../shared/ticket';

/**
 * Changing a request's type. JSM's REST API has no "change request type" resource
 * (../shared/specs/jsm-openapi.json: request types can be listed, created and deleted, a request
 * only read), but the platform's issue edit (`PUT /rest/api/3/issue/{key}`) sets the "Customer
 * Request Type" field to a request type id. JSM's own "Change request type" action only offers
 * types of the issue's issue type (another issue type means moving the issue), so the panel sets
 * a type only within the issue type; otherwise it names the action the agent can take.
 */
export type RequestTypeChange =
  | { kind: 'settable'; requestType: RequestType }
  | { kind: 'other-issue-type'; requestType: RequestType }
  | { kind: 'unknown' };

/** The ticket's service desk's request type called `name`, and whether the panel can set it. */
export async function requestTypeChange(
  jira: JiraPort,
  ticket: Pick<Ticket, 'projectKey'>,
  issueTypeId: string | null,
  name: string,
): Promise<RequestTypeChange> {
  const desk = (await jira.getServiceDesks()).find((d) => d.projectKey === ticket.projectKey);
  if (!desk) return { kind: 'unknown' };
  const requestType = (await jira.getRequestTypes(desk.id)).find((r) => r.name === name);
  if (!requestType) return { kind: 'unknown' };
  return requestType.issueTypeId !== null && requestType.issueTypeId === issueTypeId
    ? { kind: 'settable', requestType }
    : { kind: 'other-issue-type', requestType };
}

const IssueTypeField = z.object({ issuetype: z.object({ id: z.string().max(40) }) });

/** The issue type id of Jira's issue JSON (`fields.issuetype.id`), if it is there. */
export function issueTypeIdOf(fields: Readonly<Record<string, unknown>>): string | null {
  const parsed = IssueTypeField.safeParse(fields);
  return parsed.success ? parsed.data.issuetype.id : null;
}
