import type { Actor, EmuIssue, EmulatorSite } from './site';

/** The project permissions the emulator models, as `GET /rest/api/3/mypermissions` names them. */
export const AGENT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'EDIT_ISSUES',
  'ADD_COMMENTS',
  'LINK_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'TRANSITION_ISSUES',
  'SERVICEDESK_AGENT',
] as const;
/** Deleting issues is the project administrators' right in Jira's default permission scheme. */
export const ADMIN_PERMISSIONS = [
  ...AGENT_PERMISSIONS,
  'ADMINISTER',
  'ADMINISTER_PROJECTS',
  'DELETE_ISSUES',
] as const;
const CUSTOMER_PERMISSIONS = ['CREATE_ISSUES'] as const;

/** What the actor's role grants on the site, before any desk's own roles are considered. */
export function hasPermission(actor: Actor, permission: string): boolean {
  if (actor.kind === 'app') return permission !== 'ADMINISTER';
  const held: readonly string[] =
    actor.user.kind === 'admin'
      ? ADMIN_PERMISSIONS
      : actor.user.kind === 'agent'
        ? AGENT_PERMISSIONS
        : CUSTOMER_PERMISSIONS;
  return held.includes(permission);
}

/**
 * Whether the actor holds a permission in one desk: agents and admins hold their project
 * permissions only in desks whose roles include them (a desk without roles takes all of them);
 * global ones (ADMINISTER) and customers' CREATE_ISSUES do not depend on the desk.
 */
export function hasProjectPermission(
  site: EmulatorSite,
  actor: Actor,
  permission: string,
  projectKey: string,
): boolean {
  if (!hasPermission(actor, permission)) return false;
  if (actor.kind === 'app' || permission === 'ADMINISTER' || permission === 'CREATE_ISSUES') return true;
  return inProjectRoles(site, actor, projectKey);
}

function inProjectRoles(site: EmulatorSite, actor: Actor, projectKey: string): boolean {
  if (actor.kind === 'app') return true;
  if (actor.user.kind === 'customer') return false;
  const members = site.projectAccess.get(projectKey);
  return members === undefined || members.has(actor.user.accountId);
}

/**
 * Jira's issue visibility: browse permission in the issue's desk (customers: their own requests),
 * and, when the issue carries a security level, membership of that level (its reporter always).
 */
export function canSee(site: EmulatorSite, actor: Actor, issue: EmuIssue): boolean {
  if (actor.kind === 'app') return true;
  const accountId = actor.user.accountId;
  const reporter = issue.reporterId === accountId;
  const browses =
    reporter || (hasPermission(actor, 'BROWSE_PROJECTS') && inProjectRoles(site, actor, issue.projectKey));
  if (!browses) return false;
  const levelId = issue.securityLevelId ?? null;
  if (levelId === null || reporter) return true;
  // An unknown level hides the issue from everyone but the reporter, as a deleted level's members would.
  return site.securityLevels.get(levelId)?.memberIds.includes(accountId) === true;
}

/** JSM internal comments are for the desk's staff; customers (and outsiders) see public ones only. */
export function readsInternalComments(site: EmulatorSite, actor: Actor, issue: EmuIssue): boolean {
  return hasProjectPermission(site, actor, 'BROWSE_PROJECTS', issue.projectKey);
}
