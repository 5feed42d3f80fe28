import type { FieldTicket } from '../../engine/sla';
import type { Storage } from '../ports/storage';
import type { Ticket } from '../shared/ticket';

/** Open tickets read at training (censored history and queue load); any beyond are left out. */
const MAX_OPEN_TICKETS = 50_000;
const OPEN_PAGE = 500;

/** What training keeps of a ticket: the rest of it (text, comments) is dropped as pages arrive. */
export type HistoryFields = FieldTicket & Pick<Ticket, 'assigneeId'> & { awaitingResponse: boolean };

/** No public comment by anyone but the reporter yet: JSM's first-response clock still runs. */
const awaitingResponse = (t: Ticket): boolean =>
  !t.comments.some((c) => !c.internal && c.author !== '' && c.author !== t.reporterId);

export const historyFields = (t: Ticket): HistoryFields => ({
  awaitingResponse: awaitingResponse(t),
  id: t.id,
  created: t.created,
  resolved: t.resolved,
  team: t.team,
  assigneeId: t.assigneeId,
  priority: t.priority,
  requestType: t.requestType,
  issueType: t.issueType,
  projectKey: t.projectKey,
  components: t.components.slice(0, 1),
});

/** The stored open tickets, as much of them as training keeps, page by page. */
export async function openTickets(storage: Pick<Storage, 'tickets'>): Promise<HistoryFields[]> {
  const open: HistoryFields[] = [];
  let after: string | null = null;
  do {
    const page = await storage.tickets.listOpen({ limit: OPEN_PAGE, after });
    open.push(...page.items.map(historyFields));
    after = page.next;
  } while (after !== null && open.length < MAX_OPEN_TICKETS);
  return open;
}

/** Stored tickets by id, read in pages of the open-ticket page size. */
export async function historyFieldsOf(
  storage: Pick<Storage, 'tickets'>,
  ids: readonly string[],
): Promise<HistoryFields[]> {
  const out: HistoryFields[] = [];
  for (let i = 0; i < ids.length; i += OPEN_PAGE)
    for (const t of await storage.tickets.getMany(ids.slice(i, i + OPEN_PAGE))) out.push(historyFields(t));
  return out;
}
