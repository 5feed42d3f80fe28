import type { IncomingMessage } from 'node:http';
import type { WorkbenchBackend } from './backend';
import { parseCookies } from './http-util';
import { LOCALE_COOKIE, THEME_COOKIE, USER_COOKIE, actingUser, type WorkbenchUser } from './users';

/** Who is acting and how they see the page, from cookies (query parameters win for theme/locale). */
export interface Viewer {
  user: WorkbenchUser;
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
