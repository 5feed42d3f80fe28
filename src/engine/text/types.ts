/** Languages the pipeline stems; anything else is tokenised and folded but not stemmed. */
export type Language = 'de' | 'en' | 'other';

/** One analysed token: `term` is the indexed/featurised form, `surface` the words as written. */
export interface Token {
  /** Normalised, stemmed term, or a typed placeholder such as `⟨email⟩`. */
  term: string;
  /** The original text of the token, for explanations. Placeholders keep only their type. */
  surface: string;
  kind: 'word' | 'number' | 'placeholder';
}

export interface AnalyzedText {
  language: Language;
  /** Tokens in text order, stop words removed. */
  tokens: Token[];
}
