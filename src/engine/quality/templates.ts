/**
 * Lines that appear in many tickets are form templates ("Name:", "Abteilung:", "Describe your
 * problem"). A ticket whose text is only such lines says nothing the classifier can learn.
 */
export function templateLines(texts: readonly string[], minShare = 0.05, minCount = 5): Set<string> {
  const seen = new Map<string, number>();
  for (const t of texts) {
    for (const line of new Set(lines(t))) seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  const limit = Math.max(minCount, texts.length * minShare);
  return new Set([...seen].filter(([, n]) => n >= limit).map(([l]) => l));
}

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l !== '');

/** True when every line of the text is a template line (and there is at least one). */
export function isTemplateOnly(text: string, template: ReadonlySet<string>): boolean {
  const ls = lines(text);
  return ls.length > 0 && ls.every((l) => template.has(l));
}
