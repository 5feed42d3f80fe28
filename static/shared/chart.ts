/** Pure geometry for the small inline-SVG charts; kept apart from React so it can be tested. */

export interface Point {
  x: number;
  y: number;
}

/** Maps a value in [min, max] onto [0, size], clamping outside values to the edges. */
export function scale(value: number, min: number, max: number, size: number): number {
  if (!(max > min) || !Number.isFinite(value)) return 0;
  const ratio = (value - min) / (max - min);
  return Math.min(Math.max(ratio, 0), 1) * size;
}

/** An SVG path through points, in order; empty input gives an empty path. */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
}

/**
 * The largest coverage whose precision still reaches `target` on a precision–coverage curve, or
 * null when no point does. Curves are not always monotone, so every point is checked.
 */
export function coverageAtTarget(
  curve: ReadonlyArray<{ coverage: number; precision: number }>,
  target: number,
): number | null {
  let best: number | null = null;
  for (const point of curve) {
    if (point.precision >= target && (best === null || point.coverage > best)) best = point.coverage;
  }
  return best;
}
