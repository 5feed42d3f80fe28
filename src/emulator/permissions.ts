import type { Actor, EmuIssue } from './site';

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
export const ADMIN_PERMISSIONS = [...AGENT_PERMISSIONS, 'ADMINISTER', 'ADMINISTER_PROJECTS'] as const;
const CUSTOMER_PERMISSIONS = ['CREATE_ISSUES'] as const;

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

/** Customers see only what they reported; agents, admins and the app see everything. */
export function canSee(actor: Actor, issue: EmuIssue): boolean {
  if (hasPermission(actor, 'BROWSE_PROJECTS')) return true;
  return actor.kind === 'user' && issue.reporterId === actor.user.accountId;
}
