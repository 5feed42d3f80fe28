/** A short stretch of a text around evidence, with the evidence spans relative to it. */
export interface Snippet {
  text: string;
  spans: Array<[number, number]>;
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * Short, one-line stretches of `text` around its highlighted spans (a few words each side), at
 * most `max` of them, so a "why" shows the evidence in its words without repeating the ticket.
 * Spans near each other share one stretch; line breaks become spaces; cuts fall between words.
 */
export function snippetsAround(
  text: string,
  spans: ReadonlyArray<readonly [number, number]>,
  options: { radius?: number; max?: number } = {},
): Snippet[] {
  const radius = options.radius ?? 32;
  const max = options.max ?? 2;
  const valid = spans
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s && s >= 0 && e <= text.length)
    .map(([s, e]): [number, number] => [s, e])
    .sort((a, b) => a[0] - b[0]);
  const windows: Array<{ start: number; end: number; spans: Array<[number, number]> }> = [];
  for (const span of valid) {
    const start = Math.min(span[0], wordStart(text, Math.max(0, span[0] - radius)));
    const end = Math.max(span[1], wordEnd(text, Math.min(text.length, span[1] + radius)));
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.spans.push(span);
    } else if (windows.length < max) {
      windows.push({ start, end, spans: [span] });
    }
  }
  return windows.map((w) => {
    const raw = text.slice(w.start, w.end);
    // Same length replacement keeps the span offsets valid.
    const line = raw.replace(/\s/g, ' ');
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    return {
      text: body,
      spans: w.spans
        .map(([s, e]): [number, number] => [s - w.start - lead, e - w.start - lead])
        .filter(([s, e]) => s >= 0 && e <= body.length),
      cutStart: w.start > 0,
      cutEnd: w.end < text.length,
    };
  });
}

/** Moves a cut forward to the start of the next word (unless it already is at one). */
function wordStart(text: string, at: number): number {
  if (at === 0 || /\s/.test(text[at - 1] ?? ' ')) return at;
  const next = text.slice(at).search(/\s/);
  return next < 0 ? at : at + next + 1;
}

/** Moves a cut back to the end of the previous word. */
function wordEnd(text: string, at: number): number {
  if (at >= text.length || /\s/.test(text[at] ?? ' ')) return at;
  const before = text.slice(0, at);
  const space = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'), before.lastIndexOf('\t'));
  return space < 0 ? at : space;
}
