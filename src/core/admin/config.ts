import type {
  AdminMetrics,
  AdminStatus,
  AuditPage,
  AuditRequest,
  DryRunRequest,
  MetricsQuery,
  TrainRequest,
  DryRunResult,
  JobStatus,
  QualityFinding,
} from '../../contracts/admin';
import type { AdminConfig } from '../../contracts/config';
import { startBackfill } from '../train/backfill';
import type { CoreContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { idleStatus, updateJob } from '../shared/jobs';
import { EXAMPLE_CANDIDATES } from '../ports/engines';
import type { Page } from '../ports/storage';
import type { Ticket } from '../shared/ticket';

const FINDINGS_SAMPLE = 500;
/** Example tickets listed per finding or dry run, of those the admin may see. */
const LISTED_EXAMPLES = 5;
const LISTED_RULE_EXAMPLES = 10;

/** Admin resolvers serve only Jira administrators (Jira's own ADMINISTER permission). */
export async function requireAdmin(ctx: CoreContext, accountId: string): Promise<void> {
  const granted = await ctx.jira.asUser(accountId).getMyPermissions({ permissions: ['ADMINISTER'] });
  if (granted.get('ADMINISTER') !== true)
    throw new AppError('forbidden', 'Only Jira administrators can use the Triage Lens admin page.');
}

export async function getConfig(ctx: CoreContext): Promise<AdminConfig> {
  return ctx.config();
}

export async function saveConfig(
  ctx: CoreContext,
  config: AdminConfig,
  accountId: string,
): Promise<AdminConfig> {
  const ids = config.fields.map((f) => f.fieldId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate !== undefined)
    throw new AppError('bad_request', 'Invalid configuration', [
      { path: `fields.${ids.lastIndexOf(duplicate)}.fieldId`, message: `${duplicate} is configured twice` },
    ]);
  const rules = ctx.engines.routing.validateRules(config.rules);
  if (!rules.ok) {
    throw new AppError(
      'bad_request',
      'Invalid routing rules',
      rules.issues.map((i) => ({
        path: i.path.startsWith('rules') ? i.path : `rules.${i.path}`,
        message: i.message,
      })),
    );
  }
  const previous = await ctx.config();
  await ctx.configStore.save(config);
  const changed = config.fields.filter(
    (f) => previous.fields.find((p) => p.fieldId === f.fieldId)?.mode !== f.mode,
  );
  await ctx.storage.audit.append({
    at: ctx.clock.now(),
    actor: accountId,
    issueKey: '',
    action: 'config-save',
    fieldId: null,
    before: null,
    after:
      changed
        .map((f) => `${f.fieldId}=${f.mode}`)
        .join(', ')
        .slice(0, 500) || null,
    reason: null,
  });
  return config;
}

export async function status(ctx: CoreContext, accountId: string): Promise<AdminStatus> {
  const config = await ctx.config();
  const kinds = ['backfill', 'train', 'sla-sweep'] as const;
  const jobs = await Promise.all(
    kinds.map(async (k) => (await ctx.storage.jobs.get(k))?.status ?? idleStatus(k)),
  );
  const fields = (await Promise.all(config.fields.map((f) => ctx.models.quality(f.fieldId)))).filter(
    (q) => q !== null,
  );
  const sample = await ctx.storage.tickets.listResolvedSince(0, { limit: FINDINGS_SAMPLE });
  return {
    tickets: await ctx.storage.tickets.count(),
    jobs,
    fields,
    findings: await visibleExamples(
      ctx,
      accountId,
      ctx.engines.quality.findings(sample.items, config.fields),
    ),
  };
}

/**
 * The findings count every desk (they are about the site's data), but their example tickets are
 * only ones Jira shows the admin: the engine offers more than are listed, the visible first few stay.
 */
async function visibleExamples(
  ctx: CoreContext,
  accountId: string,
  findings: QualityFinding[],
): Promise<QualityFinding[]> {
  const visible = await ctx.viewers.visibleKeys(
    accountId,
    findings.flatMap((f) => f.examples),
  );
  return findings.map((f) => ({
    ...f,
    examples: f.examples.filter((k) => visible.has(k.toUpperCase())).slice(0, LISTED_EXAMPLES),
  }));
}

export async function requestTrain(ctx: CoreContext, req: TrainRequest): Promise<JobStatus> {
  const written = await updateJob(ctx.storage.jobs, 'train', (current) =>
    current?.status.state === 'queued'
      ? null
      : { status: { ...idleStatus('train'), state: 'queued' }, cursor: null },
  );
  if (written) await ctx.queue.push([{ kind: 'train', ...(req.fieldIds ? { fieldIds: req.fieldIds } : {}) }]);
  return (await ctx.storage.jobs.get('train'))?.status ?? idleStatus('train');
}

export async function requestBackfill(ctx: CoreContext): Promise<JobStatus> {
  await startBackfill(ctx);
  return (await ctx.storage.jobs.get('backfill'))?.status ?? idleStatus('backfill');
}

export async function dryRun(ctx: CoreContext, req: DryRunRequest, accountId: string): Promise<DryRunResult> {
  const checked = ctx.engines.routing.validateRules([req.rule]);
  if (!checked.ok)
    throw new AppError(
      'bad_request',
      'Invalid rule',
      checked.issues.map((i) => ({ path: i.path.replace(/^(rules\.)?0\.?/, 'rule.'), message: i.message })),
    );
  let scanned = 0;
  let matched = 0;
  const destinations = new Map<string, number>();
  const examples: string[] = [];
  let after: string | null = null;
  do {
    const page: Page<Ticket> = await ctx.storage.tickets.listResolvedSince(0, {
      limit: Math.min(1000, req.limit - scanned),
      after,
    });
    const hits = ctx.engines.routing.matches(req.rule, page.items);
    page.items.forEach((t, i) => {
      if (!hits[i]) return;
      matched++;
      const destination = t.team ?? t.assigneeId ?? '(unassigned)';
      destinations.set(destination, (destinations.get(destination) ?? 0) + 1);
      if (examples.length < EXAMPLE_CANDIDATES) examples.push(t.key);
    });
    scanned += page.items.length;
    after = page.next;
  } while (after !== null && scanned < req.limit);
  const actualDestinations = [...destinations]
    .map(([destination, count]) => ({ destination, count }))
    .sort((a, b) => b.count - a.count || a.destination.localeCompare(b.destination))
    .slice(0, 20);
  // Counts cover every desk (the rule would route them all); examples only what the admin may see.
  const visible = await ctx.viewers.visibleKeys(accountId, examples);
  return {
    scanned,
    matched,
    actualDestinations,
    examples: examples.filter((k) => visible.has(k.toUpperCase())).slice(0, LISTED_RULE_EXAMPLES),
  };
}

export async function metrics(ctx: CoreContext, req: MetricsQuery): Promise<AdminMetrics> {
  const since = ctx.clock.now() - req.days * 86_400_000;
  const [fields, sla] = await Promise.all([
    ctx.storage.feedback.dailyCounts(since),
    ctx.storage.slaOutcomes.counts(since),
  ]);
  return {
    fields,
    sla: sla.byPeakBand
      .filter((b) => b.cycles > 0)
      .map((b) => ({ band: b.band, predicted: b.cycles, breached: b.breached })),
    slaReliability: sla.byFirstProbability
      .filter((r) => r.cycles > 0)
      .map((r) => ({
        from: r.bin / 10,
        to: (r.bin + 1) / 10,
        cycles: r.cycles,
        meanProbability: Math.min(1, Math.max(0, r.probabilitySum / r.cycles)),
        breached: r.breached,
      })),
  };
}

/**
 * The audit log, as far as the admin may see its issues: an entry names an issue and holds field
 * values of it, so entries of issues Jira hides from the caller are left out (configuration
 * entries name none and stay). A page can hold fewer than `limit` entries; `next` still pages on.
 */
export async function audit(ctx: CoreContext, query: AuditRequest, accountId: string): Promise<AuditPage> {
  const page = await ctx.storage.audit.query(query);
  const visible = await ctx.viewers.visibleKeys(
    accountId,
    page.items.flatMap((e) => (e.issueKey === '' ? [] : [e.issueKey])),
  );
  return {
    entries: page.items.filter((e) => e.issueKey === '' || visible.has(e.issueKey.toUpperCase())),
    next: page.next,
  };
}
