import type { IncomingMessage } from 'node:http';
import type { WorkbenchBackend } from './backend';
import { HttpError, parseCookies } from './http-util';
import { LOCALE_COOKIE, THEME_COOKIE, USER_COOKIE, actingUser, type WorkbenchUser } from './users';

/** Who is acting and how they see the page, from cookies (query parameters win for theme/locale). */
export interface Viewer {
  /** Null until the visitor has picked a user (the `tl_user` cookie). */
  user: WorkbenchUser | null;
  users: readonly WorkbenchUser[];
  theme: 'light' | 'dark';
  locale: 'en' | 'de';
}

export function viewerOf(req: IncomingMessage, url: URL, backend: WorkbenchBackend): Viewer {
  const cookies = parseCookies(req.headers.cookie);
  const users = backend.users();
  const theme = url.searchParams.get('theme') ?? cookies.get(THEME_COOKIE);
  const locale = url.searchParams.get('locale') ?? cookies.get(LOCALE_COOKIE);
  return {
    user: actingUser(users, cookies.get(USER_COOKIE)),
    users,
    theme: theme === 'dark' ? 'dark' : 'light',
    locale: locale === 'de' ? 'de' : 'en',
  };
}

/** The acting user, or 401: resolvers, jobs and Jira calls never run for an unknown visitor. */
export function requireUser(viewer: Viewer): WorkbenchUser {
  if (viewer.user === null)
    throw new HttpError(401, 'pick a user first: no workbench session (tl_user cookie)');
  return viewer.user;
}
