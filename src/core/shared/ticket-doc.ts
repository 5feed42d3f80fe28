import type { TicketDoc } from '../../engine/similar';
import type { Ticket } from './ticket';

/** The ticket as the index stores it (everything known about an older ticket). */
export function toDoc(t: Ticket): TicketDoc {
  return {
    id: t.id,
    summary: t.summary,
    description: t.description,
    comments: t.comments.map((c) => c.body),
    createdMs: t.created,
    project: t.projectKey,
    components: t.components,
    ...(t.requestType === null ? {} : { requestType: t.requestType }),
    ...(t.resolution === null ? {} : { resolution: t.resolution }),
    ...(t.resolved === null ? {} : { resolvedMs: t.resolved }),
  };
}
