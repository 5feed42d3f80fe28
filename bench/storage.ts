/**
 * `npm run bench storage` (issue 5): what the SQL storage costs and whether SQL-backed similar
 * search ranks like the in-memory engine. Needs a MariaDB server (MARIADB_HOST/PORT/USER/
 * PASSWORD, default 127.0.0.1:3306 root); creates database `tl_bench_<pid>` and drops it.
 * Deterministic data and seeds; timings depend on the machine.
 *
 * The suite is a list of small sections run in order over one shared context (the loaded
 * 100,000-ticket MariaDB database), so further sections (e.g. the panel load test) can be added
 * as one more function in SECTIONS.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { dropMariaDb, mariaDbOptionsFromEnv, openMariaDb } from '../src/local/adapters/mariadb-db';
import { openSqlite } from '../src/local/adapters/sqlite-db';
import type { SqlDatabase } from '../src/adapters/sql/dialect';
import { findSimilarInSql } from '../src/adapters/sql/similar-source';
import { createSqlStorage } from '../src/adapters/sql/storage';
import type { SqlStorage } from '../src/adapters/sql/storage';
import { readTable } from '../src/local/adapters/read-table';
import { duplicateQueries } from '../src/local/cli/eval/similar-protocol';
import { pairsFromTable, ticketsFromTable } from '../src/local/cli/eval/similar-tickets';
import { DEFAULT_CONFIG } from '../src/contracts/config';
import type { Ticket } from '../src/core/shared/ticket';
import { cell, requireColumn } from '../src/engine/data';
import { percentile } from '../src/engine/eval';
import { computeIndexEntry, findSimilar, SimilarityIndex } from '../src/engine/similar';
import type { CandidateFilter, IndexEntry, TicketDoc } from '../src/engine/similar';
import { createRng, shuffleInPlace } from '../src/engine/util';
import { panelLoad } from './panel-load';
import { scaleTexts } from './scale-corpus';

const DATA = `${__dirname}/../../shared/datasets`;
// TL_BENCH_SCALE shrinks the corpus for a quick smoke run; the published figures use 100,000.
const SCALE = Number(process.env.TL_BENCH_SCALE ?? 100_000);
const LATENCY_QUERIES = 300;
const BATCH = 500;
const GIB = 1024 ** 3;
const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
const ms = (x: number): string => x.toFixed(1);
const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** What the sections share: the 100k corpus and the MariaDB database it is loaded into. */
interface Context {
  maria: SqlDatabase;
  storage: SqlStorage;
  tickets: Ticket[];
  /** The corpus's index entries (computed on first use: only some sections need them). */
  entries(): IndexEntry[];
  /** Bytes per ticket measured in MariaDB (tickets + index tables), filled by the size section. */
  mariaBytesPerTicket?: number;
}

// ------------------------------------------------------------------ corpus

/**
 * 100,000 tickets from itsc (first 8 words = summary, the rest = description) and ata (Short
 * description / Description), as the similar bench builds them; past the 56,337 real texts the
 * texts repeat with every 7th description word dropped. Four projects and a third resolved, drawn
 * with seed 3; one ticket every 5 minutes from 2025-01-01.
 */
function scaleCorpus(): Ticket[] {
  const itsc = readTable(`${DATA}/itsc-topics.csv.gz`);
  const doc = requireColumn(itsc, 'Document');
  const ata = readTable(`${DATA}/ata-assignment.csv.gz`);
  const short = requireColumn(ata, 'Short description');
  const desc = requireColumn(ata, 'Description');
  const base = [
    ...itsc.rows.map((r) => {
      const words = cell(r, doc)
        .split(/\s+/)
        .filter((w) => w !== '');
      return { summary: words.slice(0, 8).join(' '), description: words.slice(8).join(' ') };
    }),
    ...ata.rows.map((r) => ({ summary: cell(r, short), description: cell(r, desc) })),
  ];
  const projects = ['IT', 'HR', 'FAC', 'SEC'];
  // Seeded draws, not i mod 4: a sample taken every k-th ticket must still see every project.
  const rng = createRng(3);
  return scaleTexts(base, SCALE).map(({ summary, description, createdMs: created }, i): Ticket => {
    const project = projects[Math.floor(rng() * projects.length)] as string;
    const resolved = rng() < 1 / 3 ? created + 86_400_000 : null;
    return {
      id: String(1_000_000 + i),
      key: `${project}-${i + 1}`,
      projectKey: project,
      summary: summary.slice(0, 1000),
      description: description.slice(0, 100_000),
      comments: [],
      issueType: 'Incident',
      requestType: null,
      priority: 'Medium',
      components: [],
      labels: [],
      custom: {},
      status: resolved === null ? 'Open' : 'Done',
      statusCategory: resolved === null ? 'new' : 'done',
      resolution: resolved === null ? null : 'Fixed',
      assigneeId: null,
      team: null,
      reporterId: null,
      reporterDomain: null,
      organization: null,
      created,
      updated: resolved ?? created,
      resolved,
      links: [],
    };
  });
}

const ticketDoc = (t: Ticket): TicketDoc => ({
  id: t.id,
  summary: t.summary,
  description: t.description,
  createdMs: t.created,
  project: t.projectKey,
});

async function load(
  storage: SqlStorage,
  tickets: readonly Ticket[],
  entries: readonly IndexEntry[],
): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < tickets.length; i += BATCH) {
    await storage.tickets.upsertMany(tickets.slice(i, i + BATCH));
    await storage.index.putMany(entries.slice(i, i + BATCH));
  }
  return (performance.now() - start) / 1000;
}

// ------------------------------------------------------------------ sections

/** gitbugs-hadoop: SQL-backed top-10 against the in-memory engine, on MariaDB and SQLite. */
async function agreementOnGitbugs(): Promise<void> {
  const docs = ticketsFromTable(readTable(`${DATA}/gitbugs-hadoop/reports.csv.gz`), {
    id: 'Issue id',
    text: ['Summary', 'Description'],
    created: 'Created',
  });
  const dupQueries = duplicateQueries(
    docs,
    pairsFromTable(readTable(`${DATA}/gitbugs-hadoop/duplicates.csv`)),
  );
  const memory = new SimilarityIndex();
  const entries = docs.map((d) => computeIndexEntry(d));
  for (const e of entries) memory.addEntry(e);
  const entryOf = new Map(entries.map((e) => [e.id, e]));
  const runs: { label: string; filter: (q: TicketDoc) => CandidateFilter; queries: TicketDoc[] }[] = [
    {
      label: `every issue against all others (${docs.length.toLocaleString('en')} queries)`,
      filter: () => ({}),
      queries: docs,
    },
    {
      label: `duplicates protocol: pool = issues created before the query (${dupQueries.length} queries)`,
      filter: (q) => ({ createdBeforeMs: q.createdMs }),
      queries: dupQueries.map((q) => q.query),
    },
  ];
  out('### SQL-backed similar tickets agree with the in-memory engine (gitbugs-hadoop)');
  out();
  out(
    'Top-10 of `findSimilarInSql` (postings, df and stats read from SQL, ranked by the engine) vs `findSimilar` on the in-memory index, same 2,503 issues (Summary + Description).',
  );
  out();
  out('| database | queries | identical top-10 (order too) | same top-10 set | SQL query ms p50 | p99 |');
  out('|---|---|---|---|---|---|');
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  const mariaOptions = mariaDbOptionsFromEnv(`tl_bench_gitbugs_${process.pid}`);
  try {
    const dbs: [string, SqlDatabase][] = [
      ['MariaDB', await openMariaDb(mariaOptions)],
      ['SQLite', await openSqlite(join(dir, 'gitbugs.db'))],
    ];
    for (const [name, db] of dbs) {
      const storage = createSqlStorage(db);
      for (let i = 0; i < entries.length; i += BATCH)
        await storage.index.putMany(entries.slice(i, i + BATCH));
      for (const run of runs) {
        let identical = 0;
        let sameTop = 0;
        const times: number[] = [];
        for (const q of run.queries) {
          const filter = run.filter(q);
          const expected = findSimilar(memory, q, { filter }).map((r) => r.id);
          const start = performance.now();
          const got = (
            await findSimilarInSql(storage.index, entryOf.get(q.id) as IndexEntry, { filter })
          ).map((r) => r.id);
          times.push(performance.now() - start);
          if (sameList(got, expected)) identical++;
          if (sameSet(got, expected)) sameTop++;
        }
        const n = run.queries.length;
        out(
          `| ${name} | ${run.label} | ${((100 * identical) / n).toFixed(1)} % | ${((100 * sameTop) / n).toFixed(1)} % | ${ms(percentile(times, 50))} | ${ms(percentile(times, 99))} |`,
        );
      }
      await db.close();
    }
  } finally {
    await dropMariaDb(mariaOptions);
    rmSync(dir, { recursive: true, force: true });
  }
  out();
}

/** Bytes per table (data + indexes) in MariaDB (InnoDB, after ANALYZE TABLE) and SQLite (dbstat). */
async function storageSize(ctx: Context): Promise<void> {
  const tables = ['tl_tickets', 'tl_index_docs', 'tl_postings', 'tl_terms', 'tl_index_stats'];
  for (const t of tables) await sql.raw(`ANALYZE TABLE ${t}`).execute(ctx.maria.db);
  const rows = await sql<{ name: string; bytes: number | string }>`
    SELECT TABLE_NAME AS name, DATA_LENGTH + INDEX_LENGTH AS bytes FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'tl\\_%'`.execute(ctx.maria.db);
  const maria = new Map(rows.rows.map((r) => [r.name, Number(r.bytes)]));

  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  const lite = new Map<string, number>();
  let liteFile = 0;
  let liteSeconds = 0;
  try {
    const path = join(dir, 'scale.db');
    const sqlite = await openSqlite(path);
    liteSeconds = await load(createSqlStorage(sqlite), ctx.tickets, ctx.entries());
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(sqlite.db);
    const stat = await sql<{
      name: string;
      bytes: number;
    }>`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`.execute(sqlite.db);
    for (const r of stat.rows) {
      // Index b-trees count towards their table (sqlite_autoindex_tl_x_1, tl_x_key …).
      const owner = tables.find(
        (t) => r.name === t || r.name.startsWith(`sqlite_autoindex_${t}_`) || r.name.startsWith(`${t}_`),
      );
      if (owner !== undefined) lite.set(owner, (lite.get(owner) ?? 0) + Number(r.bytes));
    }
    await sqlite.close();
    liteFile = statSync(path).size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const n = ctx.tickets.length;
  out(`### Storage per ticket (${n.toLocaleString('en')} tickets, corpus below)`);
  out();
  out('| table | MariaDB bytes/ticket | SQLite bytes/ticket |');
  out('|---|---|---|');
  let mariaTotal = 0;
  let liteTotal = 0;
  for (const t of tables) {
    const m = maria.get(t) ?? 0;
    const l = lite.get(t) ?? 0;
    mariaTotal += m;
    liteTotal += l;
    out(`| ${t} | ${Math.round(m / n)} | ${Math.round(l / n)} |`);
  }
  out(
    `| **total** | **${Math.round(mariaTotal / n)}** | **${Math.round(liteTotal / n)}** (file: ${Math.round(liteFile / n)}) |`,
  );
  out();
  out(
    `SQLite load of the same corpus: ${liteSeconds.toFixed(0)} s (${Math.round(n / liteSeconds).toLocaleString('en')} tickets/s, batches of ${BATCH}).`,
  );
  out();
  ctx.mariaBytesPerTicket = mariaTotal / n;
}

/** Models: a 5 MiB payload stored in chunks; bytes on disk and save/load time. */
async function modelStorage(ctx: Context): Promise<void> {
  const rng = createRng(5);
  const payload = Uint8Array.from({ length: 5 * 1024 * 1024 }, () => Math.floor(rng() * 256));
  let start = performance.now();
  const saved = await ctx.storage.models.save('bench-model', payload, 1);
  const saveMs = performance.now() - start;
  start = performance.now();
  const loaded = await ctx.storage.models.load('bench-model', 1);
  const loadMs = performance.now() - start;
  for (const t of ['tl_models', 'tl_model_chunks']) await sql.raw(`ANALYZE TABLE ${t}`).execute(ctx.maria.db);
  const r = await sql<{ bytes: number | string }>`
    SELECT SUM(DATA_LENGTH + INDEX_LENGTH) AS bytes FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('tl_models', 'tl_model_chunks')`.execute(ctx.maria.db);
  const bytes = Number(r.rows[0]?.bytes ?? 0);
  out('### Models');
  out();
  out(
    `A 5 MiB binary model: ${saved.chunks} chunks (base64, 512 KiB rows), ${(bytes / 1024 / 1024).toFixed(1)} MiB in MariaDB, save ${ms(saveMs)} ms, load ${ms(loadMs)} ms (${loaded.status}). Models are a per-site cost, not per ticket.`,
  );
  out();
  await ctx.storage.models.delete('bench-model');
}

/** SQL-backed similar search latency on 100k tickets in MariaDB, and agreement at that size. */
async function retrievalLatency(ctx: Context): Promise<void> {
  const entries = ctx.entries();
  const memory = new SimilarityIndex();
  for (const e of entries) memory.addEntry(e);
  const rng = createRng(7);
  const picks = shuffleInPlace(
    entries.map((_, i) => i),
    rng,
  ).slice(0, LATENCY_QUERIES);
  const scopes: { label: string; filter: (t: Ticket) => CandidateFilter }[] = [
    { label: 'whole index', filter: () => ({}) },
    {
      label: `same project, last ${DEFAULT_CONFIG.similar.windowDays} days (default config)`,
      filter: (t) => ({
        project: t.projectKey,
        createdFromMs: t.created - DEFAULT_CONFIG.similar.windowDays * 86_400_000,
      }),
    },
  ];
  out(`### SQL retrieval on MariaDB, ${entries.length.toLocaleString('en')} tickets`);
  out();
  out(
    `${LATENCY_QUERIES} indexed tickets drawn with seed 7 as queries, top 10, the query itself excluded; one connection, queries one after another.`,
  );
  out();
  out('| scope | SQL ms p50 | p99 | in-memory ms p50 | p99 | identical top-10 | same set |');
  out('|---|---|---|---|---|---|---|');
  for (const scope of scopes) {
    const sqlMs: number[] = [];
    const memMs: number[] = [];
    let identical = 0;
    let sameTop = 0;
    for (const i of picks.slice(0, 20)) await findSimilarInSql(ctx.storage.index, entries[i] as IndexEntry); // warm-up
    for (const i of picks) {
      const entry = entries[i] as IndexEntry;
      const filter = scope.filter(ctx.tickets[i] as Ticket);
      let start = performance.now();
      const got = (await findSimilarInSql(ctx.storage.index, entry, { filter })).map((r) => r.id);
      sqlMs.push(performance.now() - start);
      start = performance.now();
      const expected = findSimilar(memory, entry, { filter }).map((r) => r.id);
      memMs.push(performance.now() - start);
      if (sameList(got, expected)) identical++;
      if (sameSet(got, expected)) sameTop++;
    }
    const pct = (k: number) => `${((100 * k) / picks.length).toFixed(1)} %`;
    out(
      `| ${scope.label} | ${ms(percentile(sqlMs, 50))} | ${ms(percentile(sqlMs, 99))} | ${ms(percentile(memMs, 50))} | ${ms(percentile(memMs, 99))} | ${pct(identical)} | ${pct(sameTop)} |`,
    );
  }
  out();
}

/** How many tickets fit Forge SQL's 1 GiB, and the retention that keeps bigger sites inside it. */
function quota(ctx: Context): void {
  const perTicket = ctx.mariaBytesPerTicket;
  if (perTicket === undefined) return;
  // Models (a few per field, a few MiB each), suggestions, feedback and audit rows: a reserve.
  const reserve = 128 * 1024 * 1024;
  const fits = Math.floor((GIB - reserve) / perTicket);
  out('### Forge SQL quota (1 GiB per installation in production)');
  out();
  out(
    `At ${Math.round(perTicket).toLocaleString('en')} bytes per ticket (MariaDB InnoDB above; TiDB compresses, so this errs high) and 128 MiB kept for models, suggestions and logs, **about ${fits.toLocaleString('en')} tickets fit**. Sites that create more keep inside the quota with \`retentionDays\` (resolved tickets last updated longer ago are purged; open tickets are always kept):`,
  );
  out();
  out(
    `| new tickets per year | stored at the default ${DEFAULT_CONFIG.retentionDays} days | fits? | largest retentionDays that fits |`,
  );
  out('|---|---|---|---|');
  for (const perYear of [50_000, 100_000, 250_000, 500_000, 1_000_000]) {
    const stored = Math.round((perYear * DEFAULT_CONFIG.retentionDays) / 365);
    const days = Math.floor((fits / perYear) * 365);
    out(
      `| ${perYear.toLocaleString('en')} | ${stored.toLocaleString('en')} | ${stored <= fits ? 'yes' : 'no'} | ${days.toLocaleString('en')} |`,
    );
  }
  out();
}

const SECTIONS: Record<string, (ctx: Context) => Promise<void> | void> = {
  storageSize,
  modelStorage,
  retrievalLatency,
  quota,
  panelLoad,
};

/**
 * TL_BENCH_SECTIONS=a,b runs only those sections (names as in SECTIONS, plus agreementOnGitbugs);
 * TL_BENCH_DB=name keeps the 100k database under that name and reuses it when it already holds
 * the corpus, so one section can be re-run in minutes instead of reloading for every run.
 */
const only = process.env.TL_BENCH_SECTIONS?.split(',').map((x) => x.trim());
const kept = process.env.TL_BENCH_DB;
const wanted = (name: string): boolean => only === undefined || only.includes(name);

async function loadedCount(maria: SqlDatabase): Promise<number> {
  const stats = await maria.db.selectFrom('tl_index_stats').select('documents').executeTakeFirst();
  const tickets = await maria.db
    .selectFrom('tl_tickets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(stats?.documents ?? 0) === Number(tickets.n) ? Number(tickets.n) : -1;
}

async function main(): Promise<void> {
  const unknown = (only ?? []).filter((x) => x !== 'agreementOnGitbugs' && !(x in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown section(s): ${unknown.join(', ')}`);
  if (wanted('agreementOnGitbugs')) await agreementOnGitbugs();
  const tickets = scaleCorpus();
  let entries: IndexEntry[] | null = null;
  const entriesOf = (): IndexEntry[] => (entries ??= tickets.map((t) => computeIndexEntry(ticketDoc(t))));
  const options = mariaDbOptionsFromEnv(kept ?? `tl_bench_${process.pid}`);
  let maria = await openMariaDb(options);
  try {
    if (kept !== undefined && (await loadedCount(maria)) !== SCALE) {
      await maria.close();
      await dropMariaDb(options);
      maria = await openMariaDb(options);
    }
    if (kept === undefined || (await loadedCount(maria)) === 0) {
      const seconds = await load(createSqlStorage(maria), tickets, entriesOf());
      out(`### Corpus: ${SCALE.toLocaleString('en')} tickets`);
      out();
      out(
        `Built from itsc (first 8 words = summary, rest = description) and ata (Short description / Description), 56,337 texts; the remaining tickets repeat them with every 7th description word dropped; 4 projects and a third resolved (drawn with seed 3), one ticket every 5 minutes from 2025-01-01. Loaded into MariaDB with \`upsertMany\` + \`putMany\` in batches of ${BATCH}: ${seconds.toFixed(0)} s (${Math.round(SCALE / seconds).toLocaleString('en')} tickets/s).`,
      );
      out();
    } else {
      out(`(reusing the loaded database ${options.database})`);
      out();
    }
    const ctx: Context = { maria, storage: createSqlStorage(maria), tickets, entries: entriesOf };
    for (const [name, section] of Object.entries(SECTIONS)) {
      // The panel load needs no index entries: 100,000 of them kept alive would slow its GC.
      if (name === 'panelLoad') entries = null;
      if (wanted(name)) await section(ctx);
    }
  } finally {
    await maria.close();
    if (kept === undefined) await dropMariaDb(options);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
