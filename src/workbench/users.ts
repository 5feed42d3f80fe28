/** A person the workbench can act as; the user switcher sets the `tl_user` cookie. */
export interface WorkbenchUser {
  accountId: string;
  displayName: string;
  /** Jira administrators may use the admin page's resolvers. */
  admin: boolean;
}

export const USER_COOKIE = 'tl_user';
export const THEME_COOKIE = 'tl_theme';
export const LOCALE_COOKIE = 'tl_locale';

/** The acting user: the cookie's if it names a known user, else the first admin, else the first. */
export function actingUser(users: readonly WorkbenchUser[], cookie: string | undefined): WorkbenchUser {
  const chosen = users.find((u) => u.accountId === cookie);
  if (chosen !== undefined) return chosen;
  const fallback = users.find((u) => u.admin) ?? users[0];
  if (fallback === undefined) throw new Error('the workbench needs at least one user');
  return fallback;
}
