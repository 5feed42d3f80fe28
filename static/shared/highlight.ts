/** A run of text that is either plain or one of the highlighted "why" terms. */
export interface Segment {
  text: string;
  highlighted: boolean;
}

/**
 * Cuts `text` into plain and highlighted runs from [start, end) character spans. Spans come from
 * the server and are not trusted: they are clamped to the text, empty, reversed or NaN ones are dropped,
 * and overlapping or touching ones are merged, so the runs always concatenate back to `text`.
 */
export function highlightSegments(text: string, spans: ReadonlyArray<readonly [number, number]>): Segment[] {
  const clamped = spans
    .filter(([start, end]) => !Number.isNaN(start) && !Number.isNaN(end))
    .map(([start, end]) => [clampIndex(start, text.length), clampIndex(end, text.length)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const merged: Array<[number, number]> = [];
  for (const [start, end] of clamped) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }

  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), highlighted: false });
    segments.push({ text: text.slice(start, end), highlighted: true });
    cursor = end;
  }
  if (cursor < text.length || segments.length === 0) {
    segments.push({ text: text.slice(cursor), highlighted: false });
  }
  return segments;
}

function clampIndex(value: number, length: number): number {
  if (!Number.isFinite(value)) return value > 0 ? length : 0;
  return Math.min(Math.max(Math.trunc(value), 0), length);
}
