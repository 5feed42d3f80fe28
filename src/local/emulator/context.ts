import type { Actor, EmulatorSite } from './site';

/** One REST call as a handler sees it. */
export interface RequestContext {
  site: EmulatorSite;
  /** The base URL the client used, for `self` links. */
  base: string;
  actor: Actor;
  url: URL;
  body: unknown;
}

export const NOT_FOUND_ISSUE = 'Issue does not exist or you do not have permission to see it.';
