import type { AwayEntry } from '../../contracts/config';

/** Plain inputs of the routing engine; the Forge side and the benchmarks fill them. */

/** The ticket as routing sees it. Field names and values are as the site shows them. */
export interface RoutingTicket {
  requestType?: string;
  /** Other fields by name; multi-valued fields (labels, components) as arrays. */
  fields?: ReadonlyMap<string, string | readonly string[]>;
  reporterOrganisations?: readonly string[];
  reporterEmail?: string;
  language?: 'de' | 'en' | 'other';
  /** Summary and description, plain text. */
  text?: string;
}

/** A text classifier's ranked guess for the team (or assignee): label and probability. */
export interface ClassVote {
  label: string;
  probability: number;
}

/** A similar past ticket, as the similar-tickets engine returns it, with who handled it. */
export interface SimilarHint {
  key: string;
  /** Similarity in [0, 1]. */
  score: number;
  team?: string;
  /** The agent who resolved it (or was last assigned, when unresolved). */
  assignee?: string;
  resolved: boolean;
}

export interface Agent {
  id: string;
  name: string;
  teams: readonly string[];
  /** False for deactivated accounts and agents who left the service desk. */
  active: boolean;
  /** Tickets assigned and not yet resolved. */
  openLoad: number;
  /** Open tickets this agent can carry; undefined = no cap. */
  capacity?: number;
  /** Resolved tickets per category (the skill learned from history). */
  solvedByCategory?: ReadonlyMap<string, number>;
}

/**
 * Admin-maintained absence, as the admin config stores it (one schema, in contracts): ISO dates
 * (YYYY-MM-DD), inclusive; a missing end is open-ended.
 */
export type { AwayEntry };

/** Why a candidate ranks where it does; worded by describeRouteReason in English or German. */
export type RouteReason =
  | { code: 'rule'; ruleName: string }
  | { code: 'classifier'; probability: number }
  | { code: 'similar-team'; count: number; of: number }
  | { code: 'solved-similar'; count: number }
  | { code: 'category-skill'; count: number; category: string }
  | { code: 'open-load'; open: number; capacity?: number }
  | { code: 'away'; until?: string }
  | { code: 'inactive' }
  | { code: 'at-capacity'; open: number; capacity: number }
  | { code: 'rule-chose-unavailable'; ruleName: string };

export interface RankedCandidate {
  id: string;
  name: string;
  score: number;
  available: boolean;
  openLoad?: number;
  capacity?: number;
  reasons: RouteReason[];
}
