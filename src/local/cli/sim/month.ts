/**
 * `simulate month`: the real app on the demo desk through a month of new tickets and agent
 * decisions (agents accept right suggestions and replace wrong ones, set what the app was not
 * sure of themselves, then resolve the ticket), with the daily retrain and its releases. With a
 * drift field, that field starts in auto-apply and from `driftDay` the desk labels it anew.
 */
import { textToAdf } from '../../../adapters/jira/text-to-adf';
import type { AdminConfig, FieldConfig } from '../../../contracts/config';
import type { FieldQuality } from '../../../contracts/admin';
import { AdminStatus } from '../../../contracts/admin';
import { PanelData } from '../../../contracts/panel';
import { RESOLVERS } from '../../../contracts/resolvers';
import { isWritable } from '../../../core/shared/fields';
import type { SeedTicket, SeedUser } from '../../emulator/seed';
import { PRIORITY_NAMES, type EmuIssue } from '../../emulator/site';
import { DAY, openMonthSite, type MonthSite } from './month-site';

/** The fields agents decide on in the simulation: the writable single- and multi-value ones. */
const SIMULATED = ['priority', 'components', 'labels'] as const;
type SimField = (typeof SIMULATED)[number];

export interface MonthOptions {
  seed: number;
  tickets: number;
  days: number;
  driftDay: number;
  drift: string | null;
  onStatus?: (line: string) => void;
}

export interface MonthResult {
  task: 'simulate-month';
  seed: number;
  drift_field: string | null;
  auto_apply_fields: string[];
  demoted_after_decisions: number | null;
  healthy_fields_demoted: number;
  releases_promoted: number;
  releases_rejected: number;
  rollbacks: number;
  value: MonthValue;
  arrivals: number;
  days: number;
  drift_day: number;
}

export interface MonthValue {
  suggestions_decided: number;
  accepted: number;
  replaced: number;
  dismissed: number;
  auto_applied: number;
  auto_applied_replaced: number;
  /** Assumed agent minutes saved per accepted suggestion and per auto-applied value that stood. */
  assumptions: { minutes_per_accepted: number; minutes_per_auto_applied: number };
  minutes_saved: number;
}

export const MINUTES = { accepted: 0.5, autoApplied: 1 } as const;

/** Share of the held-back slice the model would fill in correctly at the field's target (what auto-apply can do). */
export function coverageAtTarget(q: FieldQuality): number {
  const support = q.classes.reduce((s, c) => s + c.support, 0);
  return support === 0 ? 0 : q.classes.reduce((s, c) => s + c.coverageAtTarget * c.support, 0) / support;
}

const truthOf = (t: SeedTicket, field: SimField): string[] =>
  field === 'priority'
    ? t.priority === null
      ? []
      : [t.priority]
    : field === 'components'
      ? t.components
      : t.labels;

/** The desk's new labelling of the drift field: every old value has a new one. */
function drifted(field: SimField, values: string[], projectComponents: readonly string[]): string[] {
  if (field === 'labels') return values.map((v) => `${v}-v2`);
  if (field === 'priority') {
    const names = PRIORITY_NAMES as readonly string[];
    return values.map((v) => names[(names.indexOf(v) + 2) % names.length] ?? v);
  }
  // Components must exist in the project: each is renamed to the project's next one.
  return values.map(
    (v) => projectComponents[(projectComponents.indexOf(v) + 1) % projectComponents.length] ?? v,
  );
}

function editOf(field: SimField, values: string[]): (i: EmuIssue) => void {
  return (i) => {
    if (field === 'priority') i.priority = values[0] ?? null;
    else if (field === 'components') i.components = [...new Set([...i.components, ...values])];
    else i.labels = [...new Set([...i.labels, ...values])];
  };
}

async function qualities(m: MonthSite, admin: string): Promise<FieldQuality[]> {
  const r = await m.app().resolvers[RESOLVERS.adminStatus]({}, { accountId: admin });
  if (!r.ok) throw new Error(`admin/status failed: ${r.error.message}`);
  return AdminStatus.parse(r.data).fields;
}

export async function simulateMonth(options: MonthOptions): Promise<MonthResult> {
  const m = await openMonthSite(options);
  try {
    const users = [...m.site.users.values()];
    const admin = pick(users, 'admin');
    const agent = pick(users, 'agent');
    options.onStatus?.(`backfilling and training on ${m.site.allIssues().length} tickets`);
    await m.app().handleInstalled();
    await m.queue.drain();
    // Auto-apply where the measured precision allows it (some of the slice filled in at target).
    const measured = await qualities(m, admin.accountId);
    const coverage = new Map(
      measured
        .filter((q) => (SIMULATED as readonly string[]).includes(q.fieldId))
        .map((q) => [q.fieldId, coverageAtTarget(q)]),
    );
    const ranked = [...coverage].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]);
    const driftField = options.drift === 'auto' ? (ranked[0]?.[0] ?? null) : options.drift;
    if (driftField !== null && !(SIMULATED as readonly string[]).includes(driftField))
      throw new Error(`--drift ${driftField}: the simulation drifts one of ${SIMULATED.join(', ')}`);
    const autoFields = new Set(ranked.map(([id]) => id));
    if (driftField !== null) autoFields.add(driftField);
    const base = await m.config.load();
    const config: AdminConfig = {
      ...base,
      fields: base.fields.map((f): FieldConfig =>
        autoFields.has(f.fieldId)
          ? { ...f, mode: 'auto-apply' }
          : f.fieldId === 'labels'
            ? { ...f, mode: 'suggest' }
            : f,
      ),
    };
    await m.config.save(config);
    options.onStatus?.(
      `auto-apply on ${[...autoFields].join(', ') || 'nothing'}; drift on ${driftField ?? 'nothing'}`,
    );
    const start = await auditCount(m);
    let driftDecisions = 0;
    let demotedAfter: number | null = null;
    const componentsOf = (project: string) =>
      [
        ...new Set(
          m.site
            .allIssues()
            .filter((i) => i.projectKey === project)
            .flatMap((i) => i.components),
        ),
      ].sort();
    for (let day = 0; day < options.days; day++) {
      const dayStart = m.monthStart + day * DAY;
      const today = m.arrivals.filter((t) => t.created >= dayStart && t.created < dayStart + DAY);
      const arrived: { seed: SeedTicket; issue: EmuIssue }[] = [];
      for (const t of today) {
        m.advanceTo(t.created);
        const reporter = m.site.users.get(t.reporterId);
        if (reporter === undefined) continue;
        const issue = m.site.createIssue(
          {
            projectKey: t.projectKey,
            summary: t.summary,
            description: t.description === '' ? null : textToAdf(t.description),
            issueType: t.issueType,
            requestTypeId: t.requestTypeId,
            priority: null,
            components: [],
            labels: [],
            category: t.category,
            impact: t.impact ?? null,
            custom: { ...t.custom },
            teamId: null,
            assigneeId: null,
            reporterId: t.reporterId,
            organization: t.organization,
            status: 'Waiting for support',
            resolution: null,
          },
          { kind: 'user', user: reporter },
        );
        arrived.push({ seed: t, issue });
      }
      await m.queue.drain();
      const driftOn = driftField !== null && day >= options.driftDay;
      for (const { seed, issue } of arrived) {
        const panel = await m
          .app()
          .resolvers[RESOLVERS.panelGet]({ issueKey: issue.key }, { accountId: agent.accountId });
        if (!panel.ok) throw new Error(`panel/get ${issue.key} failed: ${panel.error.message}`);
        const data = PanelData.parse(panel.data);
        for (const field of SIMULATED) {
          const shown =
            data.classification.status === 'ok'
              ? data.classification.data.find((f) => f.fieldId === field)
              : undefined;
          const original = truthOf(seed, field);
          const truth =
            driftOn && field === driftField
              ? drifted(field, original, componentsOf(seed.projectKey))
              : original;
          if (truth.length === 0 || shown === undefined || !isWritable(field)) continue;
          const right = shown.value !== null && truth.includes(shown.value);
          const decided = shown.status === 'auto-applied' || shown.status === 'suggested';
          if (shown.status === 'auto-applied' && right) {
            // The app's value stands: nothing to do.
          } else if (decided) {
            const value = right ? shown.value : truth[0];
            const r = await m
              .app()
              .resolvers[RESOLVERS.panelApply](
                { issueKey: issue.key, fieldId: field, value },
                { accountId: agent.accountId },
              );
            if (!r.ok) throw new Error(`panel/apply ${issue.key} ${field} failed: ${r.error.message}`);
          } else {
            m.site.updateIssue(
              issue,
              [{ fieldId: field, from: null, fromString: null, to: null, toString: truth.join(', ') }],
              editOf(field, truth),
              { kind: 'user', user: agent },
            );
          }
          if (decided && driftOn && field === driftField && demotedAfter === null) {
            driftDecisions++;
            const mode = (await m.config.load()).fields.find((f) => f.fieldId === field)?.mode;
            if (mode !== 'auto-apply') demotedAfter = driftDecisions;
          }
        }
        m.advanceTo(m.site.now() + 60_000);
        m.site.updateIssue(
          issue,
          [{ fieldId: 'status', from: null, fromString: issue.status, to: null, toString: 'Resolved' }],
          (i) => {
            i.status = 'Resolved';
            i.resolution = 'Done';
            i.resolved = m.site.now();
          },
          { kind: 'user', user: agent },
        );
      }
      await m.queue.drain();
      m.advanceTo(dayStart + DAY - 3_600_000);
      await m.app().scheduled.retrain();
      await m.queue.drain();
      options.onStatus?.(
        `day ${day + 1}: ${arrived.length} tickets; auto-apply on ${
          (await m.config.load()).fields
            .filter((f) => f.mode === 'auto-apply')
            .map((f) => f.fieldId)
            .join(', ') || 'nothing'
        }`,
      );
    }
    const audit = (await auditCount(m)).slice(0, (await auditCount(m)).length - start.length);
    const count = (action: string) => audit.filter((e) => e.action === action).length;
    const demotedHealthy = audit.filter((e) => e.action === 'auto-demote' && e.fieldId !== driftField).length;
    return {
      task: 'simulate-month',
      seed: options.seed,
      drift_field: driftField,
      auto_apply_fields: [...autoFields],
      demoted_after_decisions: demotedAfter,
      healthy_fields_demoted: demotedHealthy,
      releases_promoted: count('release-promoted') + count('release-approved'),
      releases_rejected: count('release-rejected') + count('release-declined'),
      rollbacks: count('release-rolled-back'),
      value: await monthValue(m),
      arrivals: m.arrivals.length,
      days: options.days,
      drift_day: options.driftDay + 1,
    };
  } finally {
    await m.close();
  }
}

function pick(users: SeedUser[], kind: SeedUser['kind']): SeedUser {
  const user = users.filter((u) => u.kind === kind).sort((a, b) => a.accountId.localeCompare(b.accountId))[0];
  if (user === undefined) throw new Error(`the demo desk has no ${kind}`);
  return user;
}

/** Every audit entry, newest first. */
async function auditCount(m: MonthSite): Promise<{ action: string; fieldId: string | null }[]> {
  const out: { action: string; fieldId: string | null }[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await m.storage.audit.query({ limit: 200, ...(before !== undefined ? { before } : {}) });
    out.push(...page.items);
    if (page.next === null) return out;
    before = page.next;
  }
}

async function monthValue(m: MonthSite): Promise<MonthValue> {
  const rows = (await m.storage.feedback.dailyCounts(m.monthStart)).filter((r) =>
    (SIMULATED as readonly string[]).includes(r.fieldId),
  );
  const sum = (k: 'accepted' | 'replaced' | 'dismissed' | 'autoApplied') =>
    rows.reduce((s, r) => s + r[k], 0);
  let autoReplaced = 0;
  for (const field of SIMULATED) {
    const decisions = await m.storage.feedback.recentDecisions(field, m.monthStart, 5_000);
    const auto = new Set(decisions.filter((d) => d.outcome === 'auto-applied').map((d) => d.ticketId));
    autoReplaced += new Set(
      decisions.filter((d) => d.outcome === 'replaced' && auto.has(d.ticketId)).map((d) => d.ticketId),
    ).size;
  }
  const accepted = sum('accepted');
  const autoApplied = sum('autoApplied');
  return {
    suggestions_decided: accepted + sum('replaced') + sum('dismissed') + autoApplied - autoReplaced,
    accepted,
    replaced: sum('replaced'),
    dismissed: sum('dismissed'),
    auto_applied: autoApplied,
    auto_applied_replaced: autoReplaced,
    assumptions: { minutes_per_accepted: MINUTES.accepted, minutes_per_auto_applied: MINUTES.autoApplied },
    minutes_saved: accepted * MINUTES.accepted + (autoApplied - autoReplaced) * MINUTES.autoApplied,
  };
}
