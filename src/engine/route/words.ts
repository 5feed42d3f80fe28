/**
 * Whole-word matching for rule phrases: text and phrases become sequences of lower-cased
 * letter/digit runs (Unicode-aware, NFKC), and a phrase matches where its words appear in order,
 * adjacent. Linear time in the text; no regular expression is built from admin input.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Case- and width-insensitive equality for field values, request types and organisations. */
export function sameValue(a: string, b: string): boolean {
  return (
    a.normalize('NFKC').trim().toLocaleLowerCase('und') ===
    b.normalize('NFKC').trim().toLocaleLowerCase('und')
  );
}
