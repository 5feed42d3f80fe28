import type { Language } from '../text';

/** A knowledge-base article as the ranking reads it: its title and its body as plain text. */
export interface ArticleDoc {
  id: string;
  title: string;
  text: string;
  /** Where the knowledge base's own search placed it (0 = first); undefined when it did not. */
  searchRank?: number;
}

/**
 * One of the ticket's distinctive terms: the similar engine's query plan (idf over the desk's
 * tickets × the saturated query frequency), with the words the ticket wrote for it.
 */
export interface QueryTermWeight {
  term: string;
  weight: number;
  surfaces: readonly string[];
}

/** What past tickets say about an article: it solved similar ones, agents found it (un)helpful. */
export interface ArticleEvidence {
  /** Sum of the similarity of past similar tickets whose solution shared or linked this article. */
  solvedSimilar: number;
  helped: number;
  notHelped: number;
}

/** Each signal in 0..1. */
export interface ArticleFeatures {
  /** BM25 of the query terms in title and body, divided by its best possible value. */
  text: number;
  /** Weighted share of the query terms found in the title. */
  title: number;
  /** The article is written in the ticket's language. */
  sameLanguage: number;
  /** 1 − exp(−solvedSimilar): saturating, one strong similar ticket counts most. */
  solved: number;
  /** (helped − not helped) / (all + 2), mapped to 0..1. */
  feedback: number;
  /** 1 / (1 + the knowledge base's own rank); 0 when its search did not return it. */
  search: number;
}

export interface ArticleRankParams {
  weights: ArticleFeatures;
  /** BM25 saturation and body length normalisation. */
  k1: number;
  b: number;
  /** How much a title occurrence counts against one in the body. */
  titleWeight: number;
}

export interface SharedArticleTerm {
  term: string;
  weight: number;
  /** As the ticket wrote it and as the article does. */
  ticketSurface: string;
  articleSurface: string;
}

export interface RankedArticle {
  id: string;
  score: number;
  features: ArticleFeatures;
  language: Language;
  sharedTerms: SharedArticleTerm[];
  /** The article's passage with most of the shared terms, and where they stand in it. */
  snippet: { text: string; spans: [number, number][] };
}
