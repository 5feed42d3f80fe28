/**
 * Drift watch: the live precision of each field from what agents did with its suggestions
 * (accepted and auto-applied values that stood are right; replaced and dismissed ones wrong),
 * over a rolling window, with a one-sided 95 % Wilson lower bound. An auto-applied field whose bound falls
 * below its precision target goes back to suggest by itself, audited, and the admin page shows
 * a banner until an admin acknowledges it.
 */
import {
  type DriftAcknowledge,
  DriftState,
  type Demotion,
  type DriftView,
  type LivePrecision,
} from '../../contracts/governance';
import type { AdminConfig, FieldConfig } from '../../contracts/config';
import type { FeedbackEvent } from '../ports/storage';
import { STORAGE_KEYS } from '../ports/storage-keys';
import { APP_ACTOR } from '../suggest/auto-apply';
import type { CoreContext } from '../shared/context';
import { wilson } from './stats';

/** The rolling window: the latest decision on each of the newest this many tickets... */
export const WINDOW_DECISIONS = 200;
/** ...within this many days. */
export const WINDOW_DAYS = 30;
/**
 * Fewer decisions than this and no field is demoted: below about 25 even a field right every
 * time has a lower bound under a 90 % target.
 */
export const MIN_DECISIONS = 30;
/** One-sided 95 %: the bound the field is held to is a lower bound only. */
export const Z_ONE_SIDED = 1.645;
const DOC = STORAGE_KEYS.driftWatch.name;
const ATTEMPTS = 5;

const RIGHT: Record<FeedbackEvent['outcome'], boolean> = {
  accepted: true,
  'auto-applied': true,
  replaced: false,
  dismissed: false,
};

/** Live precision from decisions (newest first): the latest one per ticket counts, an auto-applied value later replaced is wrong. */
export function livePrecisionOf(field: FieldConfig, rows: readonly FeedbackEvent[]): LivePrecision {
  const seen = new Set<string>();
  const latest: FeedbackEvent[] = [];
  for (const row of rows) {
    if (seen.has(row.ticketId)) continue;
    seen.add(row.ticketId);
    latest.push(row);
    if (latest.length >= WINDOW_DECISIONS) break;
  }
  const right = latest.filter((r) => RIGHT[r.outcome]).length;
  const byClass = new Map<string, { n: number; right: number }>();
  for (const r of latest) {
    const label = r.suggested ?? '';
    const c = byClass.get(label) ?? { n: 0, right: 0 };
    c.n++;
    if (RIGHT[r.outcome]) c.right++;
    byClass.set(label, c);
  }
  return {
    fieldId: field.fieldId,
    decisions: latest.length,
    right,
    precision: wilson(right, latest.length, Z_ONE_SIDED),
    target: field.precisionTarget,
    perClass: [...byClass]
      .filter(([label]) => label !== '')
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, 100)
      .map(([label, c]) => ({
        label: label.slice(0, 255),
        decisions: c.n,
        precision: wilson(c.right, c.n, Z_ONE_SIDED),
      })),
  };
}

export async function livePrecision(ctx: CoreContext, field: FieldConfig): Promise<LivePrecision> {
  const since = ctx.clock.now() - WINDOW_DAYS * 86_400_000;
  // Twice the window: a ticket may have more than one row (auto-applied, then replaced).
  const rows = await ctx.storage.feedback.recentDecisions(field.fieldId, since, WINDOW_DECISIONS * 2);
  return livePrecisionOf(field, rows);
}

export const shouldDemote = (live: LivePrecision): boolean =>
  live.decisions >= MIN_DECISIONS && live.precision.lo < live.target;

async function readDrift(ctx: CoreContext): Promise<{ state: DriftState; revision: number }> {
  const stored = await ctx.storage.state.get(DOC);
  const parsed = DriftState.safeParse(stored?.value);
  return { state: parsed.success ? parsed.data : { demotions: [] }, revision: stored?.revision ?? 0 };
}

async function updateDrift(ctx: CoreContext, change: (s: DriftState) => DriftState): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { state, revision } = await readDrift(ctx);
    if ((await ctx.storage.state.compareAndSet(DOC, revision, change(state))) !== null) return;
  }
  ctx.logger.warn('drift watch state not written: too many concurrent writers');
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/**
 * Checks the auto-applied fields (all, or `fieldIds`) and moves each whose live lower bound is
 * below its target back to suggest. Returns the fields demoted.
 */
export async function watchDrift(ctx: CoreContext, fieldIds?: readonly string[]): Promise<string[]> {
  const config = await ctx.config();
  const watched = config.fields.filter(
    (f) => f.mode === 'auto-apply' && (fieldIds === undefined || fieldIds.includes(f.fieldId)),
  );
  const demoted: Demotion[] = [];
  for (const field of watched) {
    const live = await livePrecision(ctx, field);
    if (shouldDemote(live))
      demoted.push({ fieldId: field.fieldId, at: ctx.clock.now(), live, acknowledged: false });
  }
  if (demoted.length === 0) return [];
  const ids = new Set(demoted.map((d) => d.fieldId));
  // Re-read right before writing: only the mode of the demoted fields changes.
  const latest = await ctx.configStore.load();
  const next: AdminConfig = {
    ...latest,
    fields: latest.fields.map((f) =>
      ids.has(f.fieldId) && f.mode === 'auto-apply' ? { ...f, mode: 'suggest' } : f,
    ),
  };
  await ctx.configStore.save(next);
  for (const d of demoted) {
    const p = d.live.precision;
    await ctx.storage.audit.append({
      at: d.at,
      actor: APP_ACTOR,
      issueKey: '',
      action: 'auto-demote',
      fieldId: d.fieldId,
      before: 'auto-apply',
      after: 'suggest',
      reason:
        `live precision ${pct(p.value)} (${d.live.right} of ${d.live.decisions} latest decisions), one-sided 95 % lower ` +
        `bound ${pct(p.lo)} below the target ${pct(d.live.target)}`,
    });
  }
  await updateDrift(ctx, (s) => ({ demotions: [...demoted, ...s.demotions].slice(0, 100) }));
  ctx.logger.warn('auto-apply demoted to suggest', { fields: [...ids].join(', ') });
  return [...ids];
}

/** The admin page's drift view: each suggested or auto-applied field's live precision and the demotions. */
export async function driftView(ctx: CoreContext): Promise<DriftView> {
  const config = await ctx.config();
  const live = await Promise.all(
    config.fields
      .filter((f) => f.mode === 'suggest' || f.mode === 'auto-apply')
      .map((f) => livePrecision(ctx, f)),
  );
  return { live, demotions: (await readDrift(ctx)).state.demotions };
}

/** An admin saw the banner: the demotion stays listed, the banner goes. */
/**
 * Wraps an agent's decision (apply, dismiss, undo): after it, the decided field is checked, so an
 * auto-applied field leaves auto-apply on the decision that takes its bound below the target. A
 * failed check is logged; the decision stands.
 */
export function checkedAfter<I extends { fieldId: string }, A extends unknown[], R>(
  work: (ctx: CoreContext, input: I, ...rest: A) => Promise<R>,
): (ctx: CoreContext, input: I, ...rest: A) => Promise<R> {
  return async (ctx, input, ...rest) => {
    const result = await work(ctx, input, ...rest);
    await watchDrift(ctx, [input.fieldId]).catch((error: unknown) => {
      ctx.logger.warn('drift check failed', { error: String(error).slice(0, 200) });
    });
    return result;
  };
}

export async function acknowledgeDemotion(
  ctx: CoreContext,
  req: DriftAcknowledge,
  accountId: string,
): Promise<DriftView> {
  await updateDrift(ctx, (s) => ({
    demotions: s.demotions.map((d) =>
      d.fieldId === req.fieldId && d.at === req.at ? { ...d, acknowledged: true } : d,
    ),
  }));
  await ctx.storage.audit.append({
    at: ctx.clock.now(),
    actor: accountId,
    issueKey: '',
    action: 'acknowledge-demotion',
    fieldId: req.fieldId,
    before: null,
    after: null,
    reason: null,
  });
  return driftView(ctx);
}
