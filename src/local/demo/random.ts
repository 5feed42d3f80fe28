import type { Rng } from '../../engine/util';

/** Seeded random helpers for the demo generator: weighted picks, log-normal times, office hours. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function pickWeighted<T>(
  rng: Rng,
  items: readonly T[],
  weight: (item: T, index: number) => number,
): T {
  const total = items.reduce((s, it, i) => s + weight(it, i), 0);
  let r = rng() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weight(items[i] as T, i);
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

export function pickSome(rng: Rng, items: readonly string[], n: number): string[] {
  const pool = [...items];
  const out: string[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0] as string);
  return out;
}

/** Log-normal around `median` with spread `sigma` (Box–Muller from the seeded generator). */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  const u = Math.max(rng(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
  return median * Math.exp(sigma * z);
}

/** A time between `from` and `to` on a weekday between 07:00 and 18:00 UTC, mostly. */
export function businessTime(rng: Rng, from: number, to: number): number {
  for (let tries = 0; tries < 20; tries++) {
    const t = from + Math.floor(rng() * (to - from));
    const d = new Date(t);
    const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
    const hour = d.getUTCHours();
    if ((weekday && hour >= 7 && hour < 18) || rng() < 0.04) return t;
  }
  return from + Math.floor(rng() * (to - from));
}

export function startOfWorkday(t: number): number {
  const d = new Date(t);
  let day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 7, 0, 0);
  while ([0, 6].includes(new Date(day).getUTCDay())) day -= DAY;
  return day;
}

export function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}
