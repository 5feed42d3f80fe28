// @orama/stemmers ships CommonJS builds but ESM-flavoured type files that CommonJS resolution
// cannot pick; these two declarations describe the subpaths the text pipeline uses.
declare module '@orama/stemmers/german' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
