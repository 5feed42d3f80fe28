/**
 * The Rovo actions the app offers (manifest.yml `action` modules, listed by the `rovo:agent`),
 * one source for the manifest test, the Forge handlers and the workbench. All are `GET`: they
 * read what the panel would show the same user and change nothing (Rovo agents started by
 * Automation call only `GET` actions).
 */
import { z } from 'zod';
import { IssueKey } from './common';

export const ROVO_ACTIONS = {
  findSimilar: { key: 'triage-lens-find-similar', function: 'rovo-find-similar', handler: 'rovoFindSimilar' },
  explainSlaRisk: {
    key: 'triage-lens-explain-sla-risk',
    function: 'rovo-explain-sla-risk',
    handler: 'rovoExplainSlaRisk',
  },
  suggestTriage: {
    key: 'triage-lens-suggest-triage',
    function: 'rovo-suggest-triage',
    handler: 'rovoSuggestTriage',
  },
  problemCandidates: {
    key: 'triage-lens-problem-candidates',
    function: 'rovo-problem-candidates',
    handler: 'rovoProblemCandidates',
  },
} as const;
export type RovoAction = keyof typeof ROVO_ACTIONS;

/** What Rovo passes: the action's inputs, and (in an issue view) the issue it was asked about. */
export const RovoIssueInput = z
  .object({
    issueKey: IssueKey.optional(),
    context: z
      .object({ jira: z.object({ issueKey: z.string().optional() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

export const RovoCandidatesInput = z.object({ limit: z.number().int().min(1).max(50).optional() }).loose();
