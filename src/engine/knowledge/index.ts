export type {
  ArticleDoc,
  ArticleEvidence,
  ArticleFeatures,
  ArticleRankParams,
  QueryTermWeight,
  RankedArticle,
  SharedArticleTerm,
} from './types';
export { articleLanguage, DEFAULT_ARTICLE_RANK, rankArticles } from './rank';
export { bestPassage, SNIPPET_CHARS } from './snippet';
export { ARTICLE_QUERY_TERMS, queryTermWeights, searchQueries, searchWords } from './query-terms';
export { articleIdsIn, portalArticleUrl } from './article-links';
export { DEFAULT_GAPS, GapParams, knowledgeGaps } from './gaps';
export type {
  ArticleConflict,
  ArticleRef,
  GapArticle,
  GapTicket,
  KnowledgeGap,
  KnowledgeGapReport,
} from './gaps';
