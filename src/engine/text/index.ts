export { analyze, DEFAULT_MAX_CHARS } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { normalize } from './normalize';
export { guessLanguage } from './language';
export { maskIdentifiers, placeholderTerm } from './placeholders';
export type { PlaceholderType } from './placeholders';
export type { AnalyzedText, Language, Token } from './types';
