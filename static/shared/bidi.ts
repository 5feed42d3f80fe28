/**
 * Text from tickets and people (summaries, names, values, terms) may carry bidirectional
 * controls: an RLO (U+202E) left open reverses everything after it on the line, so "IT-12 ·
 * Open" beside a hostile summary would read backwards. JSX wraps such text in `<bdi>`; text
 * interpolated into a message string is wrapped here in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE, the plain-text equivalent: the isolate ends every embedding or override opened inside.
 */
const FSI = '\u2068';
const PDI = '\u2069';

export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** A list of user-supplied items for a message, each isolated on its own. */
export function isolatedList(items: readonly string[], separator = ', '): string {
  return items.map(isolate).join(separator);
}
