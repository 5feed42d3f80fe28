import type { Rng } from '../../engine/util';
import type { SeedLanguage, SeedRequestType, SeedTeam, SeedTicket, SeedUser } from '../emulator/seed';
import type { RequestTypeSpec } from './catalog';

/** What the generator knows while it drafts tickets: the desk's people, teams and request types. */
export interface TicketContext {
  rng: Rng;
  now: number;
  teams: SeedTeam[];
  agentsByTeam: Map<string, SeedUser[]>;
  customers: SeedUser[];
  requestTypes: SeedRequestType[];
  /** Drafts made so far: gives each a stable temporary id. */
  drafted: number;
}

/** A generated ticket before it gets its key and links. */
export interface Draft {
  tempId: string;
  projectKey: string;
  created: number;
  spec: RequestTypeSpec;
  requestType: SeedRequestType;
  reporter: SeedUser;
  ticket: Omit<SeedTicket, 'id' | 'key' | 'requestTypeId' | 'created'>;
}

/** Drafts one ticket of a request type; the variant forces an incident, a reporter or a text. */
export type MakeTicket = (
  ctx: TicketContext,
  spec: RequestTypeSpec,
  language: SeedLanguage,
  created: number,
  variant?: { incident?: boolean; reporter?: SeedUser; summary?: string; description?: string },
) => Draft;
