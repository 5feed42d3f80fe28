import { html, type SafeHtml } from '../html';
import type { WorkbenchUser } from '../users';

/**
 * What a visitor without a session sees instead of any page: the workbench's people, one button
 * each. Nothing is read from Jira until one is picked, so nobody acts as an admin by default.
 */
export function userPickerPage(users: readonly WorkbenchUser[], returnTo: string): SafeHtml {
  const row = (u: WorkbenchUser) =>
    html`<li>
      <button type="submit" name="user" value="${u.accountId}" data-testid="pick-user-${u.accountId}">
        <bdi>${u.displayName}</bdi>
      </button>
      <span class="muted">${u.admin ? 'Jira administrator' : 'agent'}</span>
    </li>`;
  return html`<h1>Who are you in this workbench?</h1>
    <p class="muted">
      Pick the person to act as. Jira shows them only what their permissions allow; the header's switcher
      changes it later.
    </p>
    <form method="post" action="/__workbench/prefs" data-testid="user-picker">
      <input type="hidden" name="returnTo" value="${returnTo}" />
      <ul style="list-style:none;padding:0;display:grid;gap:8px">
        ${users.map(row)}
      </ul>
    </form>`;
}
