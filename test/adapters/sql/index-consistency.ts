import type { SqlDatabase } from '../../../src/adapters/sql/dialect';
import { num } from '../../../src/adapters/sql/dialect';

/**
 * The index's counters against a recount from its rows: every term's `df` must equal its number
 * of postings, and the stats row the number and length sums of the stored entries. Returns the
 * differences (empty when consistent).
 */
export async function indexDrift(sqlDb: SqlDatabase): Promise<string[]> {
  const { db } = sqlDb;
  const drift: string[] = [];
  const postings = await db
    .selectFrom('tl_postings')
    .select((eb) => ['term_hash', eb.fn.countAll().as('n')])
    .groupBy('term_hash')
    .execute();
  const counted = new Map(postings.map((r) => [num(r.term_hash), num(r.n)]));
  for (const t of await db.selectFrom('tl_terms').select(['term_hash', 'df']).execute()) {
    const want = counted.get(num(t.term_hash)) ?? 0;
    if (num(t.df) !== want) drift.push(`term ${String(t.term_hash)}: df ${num(t.df)}, postings ${want}`);
    counted.delete(num(t.term_hash));
  }
  for (const [h, n] of counted) drift.push(`term ${h}: ${n} postings, no df row`);
  const docs = await db
    .selectFrom('tl_index_docs')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('len_summary').as('s')])
    .where('digest', '<>', '')
    .executeTakeFirstOrThrow();
  const stats = await db.selectFrom('tl_index_stats').select(['documents', 'len_summary']).executeTakeFirst();
  const documents = stats === undefined ? 0 : num(stats.documents);
  const lenSummary = stats === undefined ? 0 : num(stats.len_summary);
  if (documents !== num(docs.n)) drift.push(`stats: ${documents} documents, ${num(docs.n)} entries`);
  const sum = Number.isFinite(num(docs.s)) ? num(docs.s) : 0;
  if (lenSummary !== sum) drift.push(`stats: summary length ${lenSummary}, entries ${sum}`);
  return drift;
}
