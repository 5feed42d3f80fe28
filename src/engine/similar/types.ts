/**
 * Shapes shared by the similar-ticket engine. A ticket is indexed in three fields, each with its
 * own weight and length normalisation (BM25F): what an agent sees first (summary) counts more
 * than a long description or a comment thread.
 */
export const FIELDS = ['summary', 'description', 'comments'] as const;
export type FieldName = (typeof FIELDS)[number];

/** Per-field numbers in FIELDS order: [summary, description, comments]. */
export type FieldTriple = readonly [number, number, number];

/** A ticket as the engine sees it. Only `id` and `summary` are required. */
export interface TicketDoc {
  id: string;
  summary: string;
  description?: string;
  comments?: readonly string[];
  /** Creation time, epoch ms (NaN or missing: unknown; such tickets fall outside any time window). */
  createdMs?: number;
  /** Project or service desk key; the "same project" filter compares it. */
  project?: string;
  components?: readonly string[];
  requestType?: string;
  /** Jira resolution name ("Fixed", "Duplicate", …); empty or missing while unresolved. */
  resolution?: string;
  resolvedMs?: number;
  /** Ids of tickets already linked to this one (never suggested again). */
  linkedIds?: readonly string[];
}

/** One indexed term with its frequency in each field. */
export interface TermFrequencies {
  term: string;
  tf: FieldTriple;
}

/**
 * Everything the index stores for one ticket: exactly what a storage backend must persist to
 * rank like the in-memory index (see CandidateSource).
 */
export interface IndexEntry {
  id: string;
  /** NaN when unknown. */
  createdMs: number;
  project: string;
  /** Components and request type, folded, for the "same component" rerank signal. */
  facets: readonly string[];
  /** Token counts per field after analysis (stop words removed): the BM25F lengths. */
  lengths: FieldTriple;
  /** Distinct terms, sorted by term (code-unit order), each with its per-field frequencies. */
  terms: readonly TermFrequencies[];
  /** MinHash signature of the ticket's word shingles (near-duplicate signal). */
  signature: readonly number[];
}

/** Corpus-wide numbers BM25F needs: how many tickets, and the summed length of each field. */
export interface CorpusStats {
  documents: number;
  lengthSums: FieldTriple;
}

/** Which tickets may be returned. All conditions must hold. */
export interface CandidateFilter {
  /** Only tickets of this project / service desk. */
  project?: string;
  /** Only tickets created at or after this time (epoch ms). */
  createdFromMs?: number;
  /** Only tickets created strictly before this time (epoch ms). */
  createdBeforeMs?: number;
  /** Never return these ids (the query itself, tickets already linked to it). */
  excludeIds?: ReadonlySet<string>;
}
