/**
 * Removes support noise that says nothing about the ticket's topic: quoted e-mail replies,
 * signatures and mobile footers, Excel's `_x000D_`, long log or stack-trace dumps (a bounded
 * sample stays), repeated whitespace. Works line by line with linear patterns; input is cut at
 * `maxChars` first, so a 10 MB description costs the same as a 200 kB one.
 */
export interface CleanOptions {
  /** Characters read at most (default 200,000). */
  maxChars?: number;
  /** Log-like lines kept from each long run: this many from the start, a quarter of it from the end. */
  logSampleLines?: number;
}

export const DEFAULT_CLEAN_MAX_CHARS = 200_000;

const REPLY_MARKERS: readonly RegExp[] = [
  /^on\s.{1,200}\swrote:\s*$/i,
  /^am\s.{1,200}\sschrieb.{0,200}:\s*$/i,
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|forwarded message|weitergeleitete nachricht)\s*-{2,}/i,
  /^_{10,}\s*$/,
];
const HEADER_START = /^(?:from|von):\s/i;
const HEADER_NEXT = /^(?:sent|gesendet|date|datum|to|an|subject|betreff|cc):\s/i;
const SIGNATURE_START: readonly RegExp[] = [
  /^--\s?$/,
  /^(?:mit\s)?(?:freundlichen|besten|herzlichen|viele|liebe)\s+grü(?:ß|ss)en?\b/i,
  /^(?:best|kind|warm|many)?\s*regards\b/i,
  /^(?:thanks|thank you|cheers|sincerely)[,!.]?\s*$/i,
  /^(?:sent from my|von meinem)\s.{1,40}(?:gesendet)?$/i,
];
/** A signature is cut only when it is within this many lines of the end. */
const SIGNATURE_TAIL = 8;

const LOG_LINE: readonly RegExp[] = [
  /^\s*at\s+[\w$.<>]+\(.*\)\s*$/,
  /^\s*at\s+[\w$.<>/]+:\d+/,
  /^\s*(?:caused by:|traceback \(most recent call last\)|file ".+", line \d+)/i,
  /^\s*\[?\d{4}-\d{2}-\d{2}[ t]\d{2}:\d{2}/i,
  /^\s*\[?\d{2}:\d{2}:\d{2}[.,]?\d*\]?\s/,
  /^\s*\[?(?:error|warn(?:ing)?|info|debug|trace|fatal)\]?[\s:]/i,
  /^\s*[\w.$]+(?:exception|error):\s/i,
  /^\s*\.\.\.\s\d+\smore\s*$/,
];

const isLogLine = (line: string): boolean => LOG_LINE.some((re) => re.test(line));

function cutQuotedReply(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const marker =
      REPLY_MARKERS.some((re) => re.test(line)) ||
      (HEADER_START.test(line) && lines.slice(i + 1, i + 5).some((l) => HEADER_NEXT.test(l.trim())));
    if (!marker) continue;
    // A reply marker on top (nothing new written above it) keeps the rest: dropping it all would leave nothing.
    if (!/\p{L}/u.test(lines.slice(0, i).join(' '))) return lines.filter((_, j) => j !== i);
    return lines.slice(0, i);
  }
  return lines;
}

function cutSignature(lines: string[]): string[] {
  const from = Math.max(1, lines.length - SIGNATURE_TAIL);
  for (let i = from; i < lines.length; i++) {
    if (SIGNATURE_START.some((re) => re.test((lines[i] ?? '').trim()))) return lines.slice(0, i);
  }
  return lines;
}

function sampleLogRuns(lines: string[], keep: number): string[] {
  const out: string[] = [];
  const tail = Math.max(1, Math.floor(keep / 4));
  let i = 0;
  while (i < lines.length) {
    if (!isLogLine(lines[i] ?? '')) {
      out.push(lines[i] ?? '');
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (isLogLine(lines[j] ?? '') || (lines[j] ?? '').trim() === '')) j++;
    const run = lines.slice(i, j);
    out.push(...(run.length > keep + tail ? [...run.slice(0, keep), ...run.slice(-tail)] : run));
    i = j;
  }
  return out;
}

export function cleanTicketText(text: string, options: CleanOptions = {}): string {
  const bounded =
    text.length > (options.maxChars ?? DEFAULT_CLEAN_MAX_CHARS)
      ? text.slice(0, options.maxChars ?? DEFAULT_CLEAN_MAX_CHARS)
      : text;
  let lines = bounded
    .replace(/_x000[dD]_/g, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => !/^\s*>/.test(l));
  lines = cutQuotedReply(lines);
  lines = cutSignature(lines);
  lines = sampleLogRuns(lines, options.logSampleLines ?? 8);
  return lines
    .map((l) => l.replace(/[\t\f\v \u00a0\u2000-\u200b\u3000]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
