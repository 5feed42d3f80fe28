import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { QueryPlan } from '../../engine/similar/query-plan';
import { termHash } from './index-codec';

/**
 * A float as a SQL literal in exponent form. MySQL reads `0.75` as DECIMAL (and divides
 * DECIMALs with 4 extra digits) but `7.5e-1` as DOUBLE, so the score below is computed in
 * doubles on TiDB, MariaDB and SQLite alike. Only finite numbers the code computed get here.
 */
export function doubleLiteral(x: number): RawBuilder<number> {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return sql.raw<number>(x.toExponential());
}

const TF: readonly RawBuilder<number>[] = [
  sql`((p.tf >> 20) & 1023)`,
  sql`((p.tf >> 10) & 1023)`,
  sql`(p.tf & 1023)`,
];
const LENGTH: readonly RawBuilder<number>[] = [
  sql`d.len_summary`,
  sql`d.len_description`,
  sql`d.len_comments`,
];

/**
 * The BM25F pseudo-frequency of one posting row, as `bm25fTermWeight` computes it:
 * Σ_f weight_f·tf_f / (1 − b_f + b_f·len_f/avg_f), a field with tf 0 adding nothing.
 */
function pseudoFrequency(plan: QueryPlan): RawBuilder<number> {
  const { weights, b } = plan.params.bm25f;
  const parts = [0, 1, 2].map((f) => {
    const bf = b[f] as number;
    const tf = TF[f] as RawBuilder<number>;
    const length = LENGTH[f] as RawBuilder<number>;
    const denominator = sql`(${doubleLiteral(1 - bf)} + ${doubleLiteral(bf / (plan.averages[f] as number))} * ${length})`;
    return sql`CASE WHEN ${tf} = 0 THEN ${doubleLiteral(0)} ELSE ${doubleLiteral(weights[f] as number)} * ${tf} / ${denominator} END`;
  });
  return sql`(${sql.join(parts, sql` + `)})`;
}

/**
 * One SELECT that scores every ticket sharing a planned term inside the database and returns
 * the best `limit` ids (score, then id): the rows never leave the database, only the winners
 * do. Scores are the engine's formula in SQL doubles; the caller re-scores the winners exactly
 * with the engine. The database sums a ticket's terms in no fixed order, so tickets with equal
 * scores differ in the last bits: ordering by the score rounded to 1e-9 makes them tie again,
 * and ties go to the smaller id, as in the engine (hundreds of identical tickets would
 * otherwise fill the preselection in arbitrary order).
 */
export function candidateQuery(
  plan: QueryPlan,
  where: RawBuilder<unknown>,
  limit: number,
): RawBuilder<{ id: string; score: number }> {
  const k1 = plan.params.bm25f.k1;
  const weightOf = sql.join(
    plan.terms.map((t) => sql`WHEN ${termHash(t.term)} THEN ${doubleLiteral(t.idf * t.queryWeight)}`),
    sql` `,
  );
  const hashes = sql.join(plan.terms.map((t) => sql`${termHash(t.term)}`));
  return sql<{ id: string; score: number }>`
    SELECT x.id AS id, SUM(x.w * x.pf * ${doubleLiteral(k1 + 1)} / (${doubleLiteral(k1)} + x.pf)) AS score
    FROM (
      SELECT p.ticket_id AS id, CASE p.term_hash ${weightOf} ELSE ${doubleLiteral(0)} END AS w, ${pseudoFrequency(plan)} AS pf
      FROM tl_postings p INNER JOIN tl_index_docs d ON d.ticket_id = p.ticket_id
      WHERE p.term_hash IN (${hashes}) AND d.digest <> '' ${where}
    ) x
    GROUP BY x.id
    ORDER BY ROUND(SUM(x.w * x.pf * ${doubleLiteral(k1 + 1)} / (${doubleLiteral(k1)} + x.pf)), 9) DESC, x.id
    LIMIT ${sql.lit(Math.max(1, Math.floor(limit)))}`;
}
