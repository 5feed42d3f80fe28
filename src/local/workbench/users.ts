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

/**
 * The acting user: the one the cookie names, or null. There is no fallback: a visitor without a
 * valid cookie picks a user first, so nobody acts as an admin by default.
 */
export function actingUser(
  users: readonly WorkbenchUser[],
  cookie: string | undefined,
): WorkbenchUser | null {
  return users.find((u) => u.accountId === cookie) ?? null;
}
