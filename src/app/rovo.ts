/**
 * The Rovo actions over the panel's and admin page's own resolvers: the same use-cases, the same
 * viewer (Jira decides what they see, portal customers are refused, problem candidates need an
 * admin), answered in a compact shape an agent's language model can read. Nothing is written to
 * Jira: a user who wants a suggestion applied does it in the panel or the queue page.
 */
import type { ResolverResult } from '../contracts/common';
import type { PanelData } from '../contracts/panel';
import { RESOLVERS } from '../contracts/resolvers';
import { RovoCandidatesInput, RovoIssueInput, type RovoAction } from '../contracts/rovo';
import type { ResolverHandlers, RovoHandler } from './types';

function issueKeyOf(inputs: unknown): string | null {
  const parsed = RovoIssueInput.safeParse(inputs ?? {});
  if (!parsed.success) return null;
  return parsed.data.issueKey ?? parsed.data.context?.jira?.issueKey ?? null;
}

const noIssue: ResolverResult<unknown> = {
  ok: false,
  error: { code: 'bad_request', message: 'Name the ticket: an issue key such as IT-123.' },
};

/** A panel section as Rovo reads it: its data, or why there is none (a code, or the error). */
function section<T>(
  s: { status: 'ok'; data: T } | { status: 'empty'; reason: string } | { status: 'error'; message: string },
) {
  if (s.status === 'ok') return s.data;
  return s.status === 'empty' ? { none: s.reason } : { unavailable: s.message };
}

export function rovoActions(resolvers: ResolverHandlers): Record<RovoAction, RovoHandler> {
  const panel = async (
    inputs: unknown,
    accountId: string,
    pick: (data: PanelData) => unknown,
  ): Promise<ResolverResult<unknown>> => {
    const issueKey = issueKeyOf(inputs);
    if (issueKey === null) return noIssue;
    const result = await resolvers[RESOLVERS.panelGet]({ issueKey }, { accountId, issueKey });
    return result.ok ? { ok: true, data: { issueKey, ...(pick(result.data) as object) } } : result;
  };
  return {
    findSimilar: (inputs, accountId) =>
      panel(inputs, accountId, (d) => ({ similar: section(d.similar), outage: d.outage ?? null })),
    explainSlaRisk: (inputs, accountId) => panel(inputs, accountId, (d) => ({ sla: section(d.sla) })),
    suggestTriage: (inputs, accountId) =>
      panel(inputs, accountId, (d) => ({
        classification:
          d.classification.status === 'ok'
            ? d.classification.data.map((f) => ({
                field: f.fieldId,
                status: f.status,
                value: f.value,
                confidence: f.confidence,
                why: f.why.terms.map((w) => w.text),
              }))
            : section(d.classification),
        routing: section(d.routing),
      })),
    problemCandidates: async (inputs, accountId) => {
      const parsed = RovoCandidatesInput.safeParse(inputs ?? {});
      const limit = parsed.success ? (parsed.data.limit ?? 10) : 10;
      const result = await resolvers[RESOLVERS.adminRecurring]({}, { accountId });
      if (!result.ok) return result;
      const data = result.data;
      return { ok: true, data: { ...data, candidates: data.candidates.slice(0, limit) } };
    },
  };
}
