import { NOT_FOUND_ISSUE, type RequestContext } from './context';
import { canSee, hasProjectPermission } from './permissions';
import { jiraErrorReply, type Reply } from './replies';

/** `/rest/api/3/issue/{issueIdOrKey}`: one path segment, as the other issue routes take it. */
export const DELETE_ISSUE_PATH = /^\/rest\/api\/3\/issue\/([A-Za-z0-9_.-]{1,64})$/;

/**
 * `DELETE /rest/api/3/issue/{issueIdOrKey}` as the platform spec defines it: 204 with no body;
 * 404 when the caller cannot see the issue (or it does not exist); 403 without *Delete issues* in
 * its project; 400 for a `deleteSubtasks` other than `true` / `false` (the emulator has no
 * subtasks, so the other 400 never arises). The site then emits `avi:jira:deleted:issue`.
 */
export function handleDeleteIssue(ctx: RequestContext, idOrKey: string): Reply {
  const deleteSubtasks = ctx.url.searchParams.get('deleteSubtasks');
  if (deleteSubtasks !== null && deleteSubtasks !== 'true' && deleteSubtasks !== 'false') {
    return jiraErrorReply(400, [`Invalid value for deleteSubtasks: '${deleteSubtasks.slice(0, 20)}'.`]);
  }
  const issue = ctx.site.issue(idOrKey);
  if (!issue || !canSee(ctx.site, ctx.actor, issue)) return jiraErrorReply(404, [NOT_FOUND_ISSUE]);
  if (!hasProjectPermission(ctx.site, ctx.actor, 'DELETE_ISSUES', issue.projectKey)) {
    return jiraErrorReply(403, ['You do not have permission to delete issues in this project.']);
  }
  ctx.site.deleteIssueAs(issue.key, ctx.actor);
  return { status: 204 };
}
