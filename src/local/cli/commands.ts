import type { Command } from './command';

/**
 * The command table. Each command lives in its own file under ./commands and is loaded only
 * when it runs, so `eval` does not pay for the workbench's start-up.
 */
const lazy =
  (load: () => Promise<{ run(argv: readonly string[]): Promise<number> }>): Command['run'] =>
  async (argv) =>
    (await load()).run(argv);

export const commands: Command[] = [
  {
    name: 'eval classify',
    summary: 'train and score the classifier on a CSV export',
    run: lazy(() => import('./commands/eval-classify')),
  },
  {
    name: 'eval similar',
    summary: 'duplicate-ticket retrieval on an export and a pairs file (recall@k, MRR, latency)',
    run: lazy(() => import('./commands/eval-similar')),
  },
  {
    name: 'eval sla',
    summary: 'train and score the SLA breach-risk model on a one-row-per-ticket table',
    run: lazy(() => import('./commands/eval-sla')),
  },
  {
    name: 'eval panel',
    summary: "build the app on an export, open the held-back tickets' panels (en, de), score what they show",
    run: lazy(() => import('./commands/eval-panel')),
  },
  {
    name: 'demo',
    summary: 'write the seeded demo service desk (IT, HR, facilities) as a Jira CSV export',
    run: lazy(() => import('./commands/demo')),
  },
  {
    name: 'readiness',
    summary: 'measure on a Jira CSV export how well the app would work; writes an HTML report',
    run: lazy(() => import('./commands/readiness')),
  },
  {
    name: 'simulate install',
    summary:
      'a first Forge install on a generated site of N tickets, under the platform limits, in simulated time',
    run: lazy(() => import('./commands/simulate')),
  },
  {
    name: 'simulate month',
    summary: 'the app on the demo desk through a month of tickets, decisions, retraining and releases',
    run: lazy(() => import('./commands/simulate-month')),
  },
  {
    name: 'workbench',
    summary: 'run the app locally against the JSM emulator (demo desk or --input export.csv)',
    run: lazy(() => import('./commands/workbench')),
  },
];
