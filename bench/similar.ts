/**
 * `npm run bench similar`: similar / duplicate tickets (issue 3). Deterministic (fixed seeds,
 * fixed data); timings depend on the machine. Sections:
 * 1. gitbugs-hadoop duplicates (protocol "duplicates"): ours beside plain BM25 and minisearch;
 * 2. ablation of each stage-2 signal and of query pruning;
 * 3. calibration of the duplicate score (gitbugs) and the related score (itsc topics);
 * 4. scale: 100,000 tickets built from itsc + ata, build rate, memory, query latency vs minisearch;
 * 5. recurring incidents on itsc with synthetic time stamps.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readTable } from '../src/local/adapters/read-table';
import { cell, requireColumn } from '../src/engine/data';
import { calibrationError, percentile } from '../src/engine/eval';
import { detectRecurring } from '../src/engine/recurring';
import {
  DEFAULT_RERANK,
  DEFAULT_RETRIEVAL,
  findSimilar,
  fitLogistic,
  MATCH_FEATURES,
  matchVector,
  predictLogistic,
  SimilarityIndex,
  toSnapshot,
} from '../src/engine/similar';
import type { FindSimilarOptions, Reranked, RerankFeatures, TicketDoc } from '../src/engine/similar';
import { createRng, shuffleInPlace } from '../src/engine/util';
import { EngineRanker } from '../src/local/cli/eval/similar-engine-ranker';
import { duplicateQueries, runDuplicateEval } from '../src/local/cli/eval/similar-protocol';
import type { DuplicateEvalResult, IncrementalRanker } from '../src/local/cli/eval/similar-protocol';
import { pairsFromTable, ticketsFromTable } from '../src/local/cli/eval/similar-tickets';
import { MiniSearchRanker } from './baselines/minisearch-similar';
import { PlainBm25 } from './baselines/plain-bm25-similar';
import { scaleTexts } from './scale-corpus';

const DATA = `${__dirname}/../../shared/datasets`;
const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  // Typed arrays (postings) live outside the JS heap: count both.
  return (m.heapUsed + m.external) / 1_048_576;
};

// ---------------------------------------------------------------- 1. gitbugs quality
const gitbugs = ticketsFromTable(readTable(`${DATA}/gitbugs-hadoop/reports.csv.gz`), {
  id: 'Issue id',
  text: ['Summary', 'Description'],
  created: 'Created',
});
const queries = duplicateQueries(gitbugs, pairsFromTable(readTable(`${DATA}/gitbugs-hadoop/duplicates.csv`)));

const row = (name: string, r: DuplicateEvalResult): string =>
  `| ${name} | ${f3(r.recallAt1)} | ${f3(r.recallAt5)} | ${f3(r.recallAt10)} | ${f3(r.mrr)} | ${r.queryMsP50.toFixed(2)} | ${r.queryMsP99.toFixed(2)} |`;

out(
  `### gitbugs-hadoop duplicates (${gitbugs.length} issues, ${queries.length} queries; pool = issues created before the query)`,
);
out();
out('| method | recall@1 | recall@5 | recall@10 | MRR | query ms p50 | p99 |');
out('|---|---|---|---|---|---|---|');
out(
  row('plain BM25 (k1 1.2, b 0.75, our text pipeline)', runDuplicateEval(gitbugs, queries, new PlainBm25())),
);
out(row('minisearch 7 (BM25+, its tokenizer)', runDuplicateEval(gitbugs, queries, new MiniSearchRanker())));
out(row('**triage-lens** (BM25F + rerank)', runDuplicateEval(gitbugs, queries, new EngineRanker())));
out();

// ---------------------------------------------------------------- 2. ablation
const withWeights = (
  w: Partial<RerankFeatures>,
  extra: Partial<FindSimilarOptions> = {},
): FindSimilarOptions => ({
  rerank: { ...DEFAULT_RERANK, weights: { ...DEFAULT_RERANK.weights, ...w } },
  ...extra,
});
const ablation: [string, FindSimilarOptions][] = [
  ['full (default)', {}],
  ['stage 1 only (BM25F, no rerank signals)', withWeights({ summary: 0, recency: 0 })],
  ['− summary overlap', withWeights({ summary: 0 })],
  ['− recency', withWeights({ recency: 0 })],
  ['+ shingles (MinHash) 0.3', withWeights({ shingles: 0.3 })],
  ['+ facets 0.3 (no components in this export: no effect possible)', withWeights({ facets: 0.3 })],
  ['no query pruning (all terms)', { retrieval: { ...DEFAULT_RETRIEVAL, maxQueryTerms: 1_000_000 } }],
  ['pruning to 24 terms', { retrieval: { ...DEFAULT_RETRIEVAL, maxQueryTerms: 24 } }],
  ['pruning to 16 terms', { retrieval: { ...DEFAULT_RETRIEVAL, maxQueryTerms: 16 } }],
  [
    'summary weight 1 (= description)',
    { retrieval: { ...DEFAULT_RETRIEVAL, bm25f: { ...DEFAULT_RETRIEVAL.bm25f, weights: [1, 1, 0.5] } } },
  ],
];
out('### Ablation on gitbugs-hadoop (each row changes one thing against the default)');
out();
out('| variant | recall@1 | recall@5 | recall@10 | MRR | query ms p50 | p99 |');
out('|---|---|---|---|---|---|---|');
for (const [name, options] of ablation)
  out(row(name, runDuplicateEval(gitbugs, queries, new EngineRanker(options))));
out();

// ---------------------------------------------------------------- 3. calibration
/** Records the top-10 (with features) of every query. */
class RecordingRanker implements IncrementalRanker {
  readonly index = new SimilarityIndex();
  readonly results = new Map<string, Reranked[]>();
  add(t: TicketDoc): void {
    this.index.add(t);
  }
  search(q: TicketDoc, k: number): string[] {
    const r = findSimilar(this.index, q, { limit: k });
    this.results.set(q.id, r);
    return r.map((x) => x.id);
  }
}

interface Example {
  group: number;
  x: number[];
  y: 0 | 1;
}

/** 5-fold (by query, i mod 5) out-of-fold probabilities, plus a fit on everything. */
function crossFit(examples: readonly Example[]): { oof: number[]; full: ReturnType<typeof fitLogistic> } {
  const oof = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < 5; fold++) {
    const train = examples.filter((e) => e.group % 5 !== fold);
    const model = fitLogistic(
      train.map((e) => e.x),
      train.map((e) => e.y),
    );
    examples.forEach((e, i) => {
      if (e.group % 5 === fold) oof[i] = predictLogistic(model, e.x);
    });
  }
  return {
    oof,
    full: fitLogistic(
      examples.map((e) => e.x),
      examples.map((e) => e.y),
    ),
  };
}

/** Lowest threshold whose suggestions (p ≥ t) reach the precision target with ≥ 5 of them. */
function thresholdFor(
  probs: readonly number[],
  ys: readonly number[],
  target: number,
): { t: number; precision: number; shown: number } {
  const order = probs.map((p, i) => i).sort((a, b) => (probs[b] as number) - (probs[a] as number));
  let hits = 0;
  let best = { t: 1, precision: Number.NaN, shown: 0 };
  order.forEach((i, n) => {
    hits += ys[i] as number;
    const precision = hits / (n + 1);
    if (n + 1 >= 5 && precision >= target) best = { t: probs[i] as number, precision, shown: n + 1 };
  });
  return best;
}

const fmtModel = (m: ReturnType<typeof fitLogistic>): string =>
  `bias ${m.bias.toFixed(2)}, weights [${m.weights.map((w) => w.toFixed(2)).join(', ')}] (${MATCH_FEATURES.join(', ')})`;

function calibrationReport(name: string, examples: Example[], targets: readonly number[]): void {
  const { oof, full } = crossFit(examples);
  const ys = examples.map((e) => e.y);
  const outcomes = oof.map((p, i) => ({ probability: p, outcome: ys[i] ?? 0 }));
  const thresholds = targets.map((target) => {
    const th = thresholdFor(oof, ys, target);
    return `threshold ${f3(th.t)} gives precision ${f3(th.precision)} on ${th.shown} suggestions (target ${target})`;
  });
  out(
    `- ${name}: ${examples.length} (query, candidate) rows, ${ys.filter((y) => y === 1).length} positive; out-of-fold ECE ${f3(calibrationError(outcomes))}; ${thresholds.join('; ')}`,
  );
  out(`  - fit on all rows: ${fmtModel(full)}`);
}

const recorder = new RecordingRanker();
runDuplicateEval(gitbugs, queries, recorder);
const dupExamples: Example[] = [];
queries.forEach((q, qi) => {
  (recorder.results.get(q.query.id) ?? []).forEach((r, i, all) => {
    dupExamples.push({ group: qi, x: matchVector(all, i), y: r.id === q.duplicateId ? 1 : 0 });
  });
});

const itscTable = readTable(`${DATA}/itsc-topics.csv.gz`);
const docCol = requireColumn(itscTable, 'Document');
const topicCol = requireColumn(itscTable, 'Topic_group');
const splitSummary = (
  text: string,
  id: string,
  createdMs: number,
  extra: Partial<TicketDoc> = {},
): TicketDoc => {
  const words = text.split(/\s+/).filter((w) => w !== '');
  return {
    id,
    summary: words.slice(0, 8).join(' '),
    description: words.slice(8).join(' '),
    createdMs,
    ...extra,
  };
};
const itsc = itscTable.rows.map((r, i) => ({
  ticket: splitSummary(cell(r, docCol), `itsc-${i}`, Date.UTC(2025, 0, 1) + i * 600_000),
  topic: cell(r, topicCol),
}));
const topicOf = new Map(itsc.map((x) => [x.ticket.id, x.topic]));
const relatedIndex = new SimilarityIndex();
itsc.forEach((x, i) => {
  if (i % 5 !== 4) relatedIndex.add(x.ticket);
});
const relExamples: Example[] = [];
itsc
  .filter((_, i) => i % 5 === 4)
  .filter((_, i) => i % 20 === 0)
  .forEach((x, qi) => {
    findSimilar(relatedIndex, x.ticket, { limit: 10 }).forEach((r, i, all) => {
      relExamples.push({ group: qi, x: matchVector(all, i), y: topicOf.get(r.id) === x.topic ? 1 : 0 });
    });
  });
out('### Calibrated duplicate and related scores (logistic on the rerank features, 5-fold by query)');
out();
calibrationReport(
  'duplicate (gitbugs-hadoop, top-10 of each query, positive = labelled duplicate)',
  dupExamples,
  [0.75],
);
calibrationReport(
  'related (itsc, 479 test queries against the train rows, top-10, positive = same Topic_group)',
  relExamples,
  [0.8, 0.85, 0.9],
);
out();

// ---------------------------------------------------------------- 4. scale
process.stderr.write('similar bench: scale section\n');
const ataTable = readTable(`${DATA}/ata-assignment.csv.gz`);
const shortCol = requireColumn(ataTable, 'Short description');
const descCol = requireColumn(ataTable, 'Description');
const base: { summary: string; description: string }[] = [
  ...itsc.map((x) => ({ summary: x.ticket.summary, description: x.ticket.description ?? '' })),
  ...ataTable.rows.map((r) => ({ summary: cell(r, shortCol), description: cell(r, descCol) })),
];
const SCALE = 100_000;
const scaleTickets: TicketDoc[] = scaleTexts(base, SCALE).map((t, i) => ({ id: `t${i}`, ...t }));
const heapBefore = heapMb();
const buildStart = performance.now();
const buildCpu = process.cpuUsage();
const big = new SimilarityIndex();
for (const t of scaleTickets) big.add(t);
const buildSeconds = (performance.now() - buildStart) / 1000;
const buildCpuUsed = process.cpuUsage(buildCpu);
const buildCpuSeconds = (buildCpuUsed.user + buildCpuUsed.system) / 1e6;
const heapAfter = heapMb();
const snapshotBytes = Buffer.byteLength(JSON.stringify(toSnapshot(big)), 'utf8');
const rng = createRng(7);
const queryIds = shuffleInPlace(
  scaleTickets.map((_, i) => i),
  rng,
).slice(0, 1000);
for (const i of queryIds.slice(0, 50)) findSimilar(big, scaleTickets[i]!, { limit: 10 }); // warm-up
const oursMs: number[] = [];
const oursCpuMs: number[] = [];
for (const i of queryIds) {
  const cpu = process.cpuUsage();
  const s = performance.now();
  findSimilar(big, scaleTickets[i]!, { limit: 10 });
  oursMs.push(performance.now() - s);
  const used = process.cpuUsage(cpu);
  oursCpuMs.push((used.user + used.system) / 1000);
}
const mini = new MiniSearchRanker();
const miniStart = performance.now();
const miniCpu = process.cpuUsage();
for (const t of scaleTickets) mini.add(t);
const miniBuild = (performance.now() - miniStart) / 1000;
const miniCpuUsed = process.cpuUsage(miniCpu);
const miniBuildCpu = (miniCpuUsed.user + miniCpuUsed.system) / 1e6;
const miniMs: number[] = [];
const miniCpuMs: number[] = [];
for (const i of queryIds.slice(0, 100)) {
  const cpu = process.cpuUsage();
  const s = performance.now();
  mini.search(scaleTickets[i]!, 10);
  miniMs.push(performance.now() - s);
  const used = process.cpuUsage(cpu);
  miniCpuMs.push((used.user + used.system) / 1000);
}
out(`### Scale: ${SCALE.toLocaleString('en')} tickets`);
out();
out(
  `Built from itsc (${itsc.length.toLocaleString('en')}: first 8 words = summary, rest = description) and ata (${ataTable.rows.length.toLocaleString('en')}: Short description / Description), ${base.length.toLocaleString('en')} texts; the remaining ${(SCALE - base.length).toLocaleString('en')} tickets repeat them with every 7th description word dropped. Queries: 1,000 indexed tickets drawn with seed 7 (minisearch: the first 100 of them), top 10, the query itself excluded.`,
);
out();
const ms = (xs: number[]): string => `${percentile(xs, 50).toFixed(2)} | ${percentile(xs, 99).toFixed(2)}`;
const rate = (seconds: number): string => Math.round(SCALE / seconds).toLocaleString('en');
out(
  '| engine | build tickets/s (wall) | per CPU s | memory KB per ticket | snapshot bytes/ticket | query ms p50 | p99 | CPU ms p50 | CPU p99 |',
);
out('|---|---|---|---|---|---|---|---|---|');
out(
  `| **triage-lens** | ${rate(buildSeconds)} | ${rate(buildCpuSeconds)} | ${f1(((heapAfter - heapBefore) * 1024) / SCALE)} | ${Math.round(snapshotBytes / SCALE)} | ${ms(oursMs)} | ${ms(oursCpuMs)} |`,
);
out(
  `| minisearch 7 | ${rate(miniBuild)} | ${rate(miniBuildCpu)} | – | – | ${ms(miniMs)} | ${ms(miniCpuMs)} |`,
);
out();
out(
  'Query ms is wall time; CPU ms (process.cpuUsage, all threads) is what a query costs when other processes share the machine. Memory: JS heap plus typed arrays, after full GC, before minus after building.',
);
out();

// ---------------------------------------------------------------- 5. recurring incidents
process.stderr.write('similar bench: recurring section\n');
const WEEKS = 26;
const HOUR = 3_600_000;
const start = Date.UTC(2025, 0, 6);
const timeRng = createRng(11);
const stamped = itsc.map((x) => ({
  ...x.ticket,
  createdMs: start + Math.floor(timeRng() * WEEKS * 7 * 24) * HOUR,
}));
const idfIndex = new SimilarityIndex();
for (const t of stamped) idfIndex.add(t);
out(
  `### Recurring incidents: itsc with synthetic time stamps (${stamped.length.toLocaleString('en')} tickets spread uniformly over ${WEEKS} weeks, seed 11)`,
);
out();
out(
  '| min similarity | N / T | clusters per week | tickets per cluster (mean) | purity vs Topic_group | ms per weekly run |',
);
out('|---|---|---|---|---|---|');
for (const [minSimilarity, minTickets] of [
  [0.4, 3],
  [0.5, 3],
  [0.6, 3],
  [0.6, 5],
] as const) {
  let clusters = 0;
  let members = 0;
  let pure = 0;
  const runMs: number[] = [];
  for (let w = 1; w <= WEEKS; w++) {
    const nowMs = start + w * 7 * 24 * HOUR;
    const week = stamped.filter((t) => t.createdMs >= nowMs - 7 * 24 * HOUR && t.createdMs < nowMs);
    const s = performance.now();
    const found = detectRecurring({
      tickets: week,
      nowMs,
      source: idfIndex,
      config: { minTickets, windowHours: 24, minSimilarity, lookbackHours: 7 * 24 },
    });
    runMs.push(performance.now() - s);
    for (const c of found) {
      clusters++;
      members += c.memberIds.length;
      const counts = new Map<string, number>();
      for (const id of c.memberIds)
        counts.set(topicOf.get(id) ?? '', (counts.get(topicOf.get(id) ?? '') ?? 0) + 1);
      pure += Math.max(...counts.values());
    }
  }
  out(
    `| ${minSimilarity} | ${minTickets} / 24 h | ${f1(clusters / WEEKS)} | ${f1(members / Math.max(1, clusters))} | ${f3(pure / Math.max(1, members))} | ${percentile(runMs, 50).toFixed(0)} |`,
  );
}
const topicCounts = new Map<string, number>();
for (const x of itsc) topicCounts.set(x.topic, (topicCounts.get(x.topic) ?? 0) + 1);
out();
out(
  `Reference: the largest Topic_group holds ${f3(Math.max(...topicCounts.values()) / itsc.length)} of the tickets (the purity of clusters drawn at random).`,
);
out();
out(`Peak RSS ${Math.round(process.memoryUsage().rss / 1_048_576)} MB.`);
