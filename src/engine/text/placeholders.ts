/**
 * Typed placeholders: values that identify a person or a machine become their type. The type is
 * a useful feature ("mentions an IP"); the value must never reach an explanation.
 */
/** `mention` comes from ADF and wiki markup (`[~user]`), never from pattern matching. */
export type PlaceholderType = 'email' | 'url' | 'ip' | 'phone' | 'ticket' | 'version' | 'mention';

const PATTERNS: ReadonlyArray<readonly [PlaceholderType, RegExp]> = [
  // Bounded parts (RFC 5321: 64 before the @, 255 after): an unbounded `+` tried at every
  // letter of a long word without an @ is quadratic (a 100,000-letter word took 145 s).
  ['email', /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}\.\p{L}{2,63}/gu],
  ['url', /\b(?:https?|ftp):\/\/[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+/giu],
  ['ip', /\b(?:\d{1,3}\.){3}\d{1,3}\b/g],
  ['ticket', /\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b/g],
  ['version', /\bv?\d+\.\d+(?:\.\d+){0,2}\b/g],
  [
    'phone',
    /\+\d{1,3}[ -]?(?:\(0?\d{1,5}\)[ -]?|\d{1,5}[ -/])?\d{3,9}(?:[ -]\d{2,6})?|(?:\+\d{1,3}[ -]?)?(?:\(\d{2,5}\)[ -]?)?\d{3,5}[ -/]\d{3,9}(?:[ -]\d{2,6})?/g,
  ],
];

export const placeholderTerm = (type: PlaceholderType): string => `⟨${type}⟩`;

/** Replaces identifying values with `⟨type⟩` markers surrounded by spaces. Runs before folding
 * so ticket keys (upper case) are still recognisable. */
export function maskIdentifiers(text: string): string {
  let out = text;
  for (const [type, re] of PATTERNS) out = out.replace(re, ` ${placeholderTerm(type)} `);
  return out;
}
