import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Page, PageRequest, TicketStore, UpsertOutcome } from '../../core/ports/storage';
import { Ticket } from '../../core/shared/ticket';
import { InputError } from '../../engine/errors';
import type { SqlDatabase } from './dialect';
import { num, REQUEST_BYTES, slices, slicesByBytes } from './dialect';
import { readJson } from './json-column';
import type { TicketRow } from './schema';
import { SqlTombstones } from './tombstone-repo';
import { SQL } from '../../core/shared/platform-limits';

/** Largest page any list call returns, whatever the caller asks for. */
export const MAX_PAGE = 500;

/** What deleting a ticket must also clean up (its index entry, its suggestions). */
export interface DerivedData {
  removeDerived(ids: readonly string[]): Promise<void>;
  /** A deleted issue: its feedback and audit rows keep their counts but lose their values. */
  clearLogText(id: string, issueKeys: readonly string[]): Promise<void>;
}

/**
 * Largest stored ticket JSON. Forge SQL takes at most 1 MiB per request; the schema allows a
 * ticket of several MiB (50 comments of 20,000 characters), so the oldest comments go first,
 * then the description is cut, until it fits.
 */
export const MAX_TICKET_BYTES = 768 * 1024;

export function fitTicket(ticket: Ticket, maxBytes: number = MAX_TICKET_BYTES): Ticket {
  const size = (t: Ticket) => Buffer.byteLength(JSON.stringify(t));
  let t = ticket;
  let total = size(t);
  if (total <= maxBytes) return t;
  let drop = 0;
  while (total > maxBytes && drop < t.comments.length) {
    total -= Buffer.byteLength(JSON.stringify(t.comments[drop])) + 1;
    drop++;
  }
  t = { ...t, comments: t.comments.slice(drop) };
  const over = size(t) - maxBytes;
  if (over > 0) {
    // Each character removed saves at least one byte of JSON, so cutting `over` of them is enough.
    let keep = Math.max(0, t.description.length - over);
    if (keep > 0 && /[\uD800-\uDBFF]/.test(t.description.charAt(keep - 1))) keep--;
    t = { ...t, description: t.description.slice(0, keep) };
  }
  return t;
}

const toRow = (t: Ticket): TicketRow => ({
  id: t.id,
  issue_key: t.key,
  project_key: t.projectKey,
  is_open: t.statusCategory === 'done' ? 0 : 1,
  created_ms: t.created,
  updated_ms: t.updated,
  resolved_ms: t.resolved,
  doc: JSON.stringify(t),
});

/** Bytes of ticket documents one listing page or one read returns (Forge SQL answers ≤ 4 MiB). */
export const LIST_BYTES = SQL.responseBytes / 2;

/** A listed row before its document is read: its id and the document's size in bytes. */
interface Sized {
  id: string;
  bytes: number | string;
}

const clampLimit = (limit: number): number => Math.min(MAX_PAGE, Math.max(1, Math.floor(limit) || 1));

/**
 * Tickets in `tl_tickets`: indexed columns for lookups and lists, the whole ticket as JSON.
 * Upserts need no transaction: a conditional UPDATE (only if the stored `updated` is older)
 * and an INSERT IGNORE, each atomic on its row, make concurrent and reordered writes converge
 * on the newest version.
 */
export class SqlTicketStore implements TicketStore {
  private readonly tombstones: SqlTombstones;

  constructor(
    private readonly sqlDb: SqlDatabase,
    private readonly derived: DerivedData,
  ) {
    this.tombstones = new SqlTombstones(sqlDb);
  }

  async upsert(input: Ticket): Promise<UpsertOutcome> {
    const ticket = fitTicket(Ticket.parse(input));
    const outcome = await this.write(toRow(ticket));
    // Only an insert can bring a deleted ticket back: an update needs the row, which exists only
    // before the deletion removes it (after its tombstone), so that removal follows the update.
    if (outcome !== 'inserted') return outcome;
    // Checked after the write (see SqlTombstones): a deletion that landed meanwhile wins.
    const [buried] = await this.removeBuried([ticket.id]);
    return buried === undefined ? outcome : 'deleted';
  }

  private async write(row: TicketRow): Promise<UpsertOutcome> {
    if (await this.updateIfNewer(row)) return 'updated';
    const inserted = await this.sqlDb.db.insertInto('tl_tickets').ignore().values(row).executeTakeFirst();
    if (num(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return 'inserted';
    // Another writer inserted it between our two statements: compare again.
    return (await this.updateIfNewer(row)) ? 'updated' : 'stale';
  }

  /** Removes whatever of these ids is tombstoned (rows, derived data); returns those ids. */
  private async removeBuried(ids: readonly string[]): Promise<string[]> {
    const buried = [...(await this.tombstones.buried(ids))];
    if (buried.length === 0) return [];
    await this.derived.removeDerived(buried);
    for (const part of slices(buried, this.sqlDb.maxParams))
      await this.sqlDb.db.deleteFrom('tl_tickets').where('id', 'in', part).execute();
    return buried;
  }

  async bury(id: string, at: number): Promise<void> {
    const row = await this.sqlDb.db
      .selectFrom('tl_tickets')
      .select(['issue_key', 'updated_ms'])
      .where('id', '=', id)
      .executeTakeFirst();
    // The tombstone first: from here every writer's own check removes what it wrote.
    await this.tombstones.bury(id, at, row === undefined ? null : num(row.updated_ms));
    await this.removeBuried([id]);
    await this.derived.clearLogText(id, row === undefined ? [] : [row.issue_key]);
  }

  isBuried(id: string): Promise<boolean> {
    return this.tombstones.isBuried(id);
  }

  /**
   * Bulk upsert for backfills: tickets not stored yet go in with multi-row INSERTs (each under
   * half of Forge SQL's 1 MiB request); the others, and any a concurrent writer inserted first,
   * take the one-by-one path. Outcomes are in input order.
   */
  async upsertMany(input: readonly Ticket[]): Promise<UpsertOutcome[]> {
    const tickets = input.map((t) => fitTicket(Ticket.parse(t)));
    const { db, maxParams } = this.sqlDb;
    const existing = new Set<string>();
    for (const part of slices([...new Set(tickets.map((t) => t.id))], maxParams)) {
      for (const r of await db.selectFrom('tl_tickets').select('id').where('id', 'in', part).execute())
        existing.add(r.id);
    }
    // The newest version of each new ticket goes in the bulk insert; everything else one by one.
    const newest = new Map<string, number>();
    tickets.forEach((t, i) => {
      if (existing.has(t.id)) return;
      const j = newest.get(t.id);
      if (j === undefined || (tickets[j] as Ticket).updated < t.updated) newest.set(t.id, i);
    });
    const bulk = [...newest.values()].map((i) => toRow(tickets[i] as Ticket));
    let inserted = 0;
    for (const part of slicesByBytes(
      bulk,
      Math.floor(maxParams / 8),
      REQUEST_BYTES,
      (r) => r.doc.length * 2 + 256,
    )) {
      const r = await db.insertInto('tl_tickets').ignore().values(part).executeTakeFirst();
      inserted += num(r.numInsertedOrUpdatedRows ?? 0);
    }
    const outcomes: UpsertOutcome[] = [];
    const bulkIndexes = new Set(newest.values());
    const allInserted = inserted === bulk.length;
    for (let i = 0; i < tickets.length; i++) {
      if (allInserted && bulkIndexes.has(i)) outcomes.push('inserted');
      else outcomes.push(await this.write(toRow(tickets[i] as Ticket)));
    }
    const written = tickets.filter((_, i) => outcomes[i] === 'inserted').map((t) => t.id);
    const buried = new Set(written.length === 0 ? [] : await this.removeBuried(written));
    return outcomes.map((o, i) => (buried.has((tickets[i] as Ticket).id) ? 'deleted' : o));
  }

  private async updateIfNewer(row: TicketRow): Promise<boolean> {
    const { id, ...rest } = row;
    const r = await this.sqlDb.db
      .updateTable('tl_tickets')
      .set(rest)
      .where('id', '=', id)
      .where('updated_ms', '<', row.updated_ms)
      .executeTakeFirst();
    return num(r.numUpdatedRows) > 0;
  }

  async get(id: string): Promise<Ticket | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_tickets')
      .select('doc')
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : readJson(row.doc, Ticket);
  }

  async updatedOf(id: string): Promise<number | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_tickets')
      .select('updated_ms')
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : num(row.updated_ms);
  }

  async getByKey(key: string): Promise<Ticket | null> {
    const row = await this.sqlDb.db
      .selectFrom('tl_tickets')
      .select('doc')
      .where('issue_key', '=', key)
      .executeTakeFirst();
    return row === undefined ? null : readJson(row.doc, Ticket);
  }

  async getMany(ids: readonly string[]): Promise<Ticket[]> {
    const sized: Sized[] = [];
    for (const part of slices([...new Set(ids)], this.sqlDb.maxParams)) {
      sized.push(
        ...(await this.sqlDb.db
          .selectFrom('tl_tickets')
          .select(['id', this.docBytes().as('bytes')])
          .where('id', 'in', part)
          .execute()),
      );
    }
    const found = await this.docsOf(sized);
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** `doc`'s size in bytes, computed by the database (MySQL's LENGTH counts bytes, SQLite's characters). */
  private docBytes(): RawBuilder<number> {
    return this.sqlDb.flavour === 'mysql' ? sql<number>`length(doc)` : sql<number>`length(cast(doc as blob))`;
  }

  /**
   * The documents of the given rows, read in groups whose JSON stays under half of Forge SQL's
   * 4 MiB answer (a ticket is at most 768 KiB, so a group holds at least two).
   */
  private async docsOf(rows: readonly Sized[]): Promise<Map<string, Ticket>> {
    const found = new Map<string, Ticket>();
    const groups = slicesByBytes(rows, this.sqlDb.maxParams, LIST_BYTES, (r) => num(r.bytes));
    for (const group of groups) {
      const docs = await this.sqlDb.db
        .selectFrom('tl_tickets')
        .select(['id', 'doc'])
        .where(
          'id',
          'in',
          group.map((r) => r.id),
        )
        .execute();
      for (const r of docs) {
        const t = readJson(r.doc, Ticket);
        if (t !== null) found.set(r.id, t);
      }
    }
    return found;
  }

  /**
   * One page of a listing: the keys come first with each document's size, then as many
   * documents as fit `LIST_BYTES` (and the page size), so a page of large tickets is shorter
   * instead of over Forge SQL's answer limit. The cursor points after the last one returned.
   */
  private async page<R extends Sized>(
    rows: readonly R[],
    limit: number,
    cursorOf: (r: R) => string,
  ): Promise<Page<Ticket>> {
    const chosen: R[] = [];
    let bytes = 0;
    for (const r of rows.slice(0, limit)) {
      if (chosen.length > 0 && bytes + num(r.bytes) > LIST_BYTES) break;
      chosen.push(r);
      bytes += num(r.bytes);
    }
    const docs = await this.docsOf(chosen);
    const last = chosen[chosen.length - 1];
    return {
      items: chosen.flatMap((r) => docs.get(r.id) ?? []),
      next: rows.length > chosen.length && last !== undefined ? cursorOf(last) : null,
    };
  }

  async listOpen(page: PageRequest): Promise<Page<Ticket>> {
    const limit = clampLimit(page.limit);
    let q = this.sqlDb.db
      .selectFrom('tl_tickets')
      .select(['id', this.docBytes().as('bytes')])
      .where('is_open', '=', 1);
    if (page.after != null) q = q.where('id', '>', page.after);
    const rows = await q
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return this.page(rows, limit, (r) => r.id);
  }

  async listResolvedSince(sinceMs: number, page: PageRequest): Promise<Page<Ticket>> {
    const limit = clampLimit(page.limit);
    const cursor = parseTimeCursor(page.after, ':', 'resolved-tickets');
    let q = this.sqlDb.db
      .selectFrom('tl_tickets')
      .select(['id', 'resolved_ms', this.docBytes().as('bytes')])
      .where('resolved_ms', '>=', sinceMs);
    if (cursor !== null) {
      q = q.where((eb) =>
        eb.or([
          eb('resolved_ms', '>', cursor.at),
          eb.and([eb('resolved_ms', '=', cursor.at), eb('id', '>', cursor.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('resolved_ms')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return this.page(rows, limit, (r) => `${num(r.resolved_ms)}:${r.id}`);
  }

  async listCreatedSince(sinceMs: number, page: PageRequest): Promise<Page<Ticket>> {
    const limit = clampLimit(page.limit);
    const cursor = parseTimeCursor(page.after, '~', 'created-tickets');
    // updated >= created, so the (is_open, updated_ms) index narrows the scan to recent rows.
    let q = this.sqlDb.db
      .selectFrom('tl_tickets')
      .select(['id', 'created_ms', this.docBytes().as('bytes')])
      .where('is_open', 'in', [0, 1])
      .where('updated_ms', '>=', sinceMs)
      .where('created_ms', '>=', sinceMs);
    if (cursor !== null) {
      q = q.where((eb) =>
        eb.or([
          eb('created_ms', '<', cursor.at),
          eb.and([eb('created_ms', '=', cursor.at), eb('id', '<', cursor.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('created_ms', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    return this.page(rows, limit, (r) => `${num(r.created_ms)}~${r.id}`);
  }

  async count(filter: { open?: boolean } = {}): Promise<number> {
    let q = this.sqlDb.db.selectFrom('tl_tickets').select((eb) => eb.fn.countAll().as('n'));
    if (filter.open !== undefined) q = q.where('is_open', '=', filter.open ? 1 : 0);
    const row = await q.executeTakeFirstOrThrow();
    return num(row.n);
  }

  async delete(id: string): Promise<boolean> {
    await this.derived.removeDerived([id]);
    const r = await this.sqlDb.db.deleteFrom('tl_tickets').where('id', '=', id).executeTakeFirst();
    return num(r.numDeletedRows) > 0;
  }

  async purgeOlderThan(cutoffMs: number, limit: number): Promise<{ purged: number; more: boolean }> {
    const n = clampLimit(limit);
    const rows = await this.sqlDb.db
      .selectFrom('tl_tickets')
      .select('id')
      .where('is_open', '=', 0)
      .where('updated_ms', '<', cutoffMs)
      .orderBy('updated_ms')
      .limit(n + 1)
      .execute();
    const ids = rows.slice(0, n).map((r) => r.id);
    if (ids.length === 0) return { purged: 0, more: false };
    // Derived data first: a crash in between leaves a ticket without index, never the reverse.
    await this.derived.removeDerived(ids);
    let purged = 0;
    for (const part of slices(ids, this.sqlDb.maxParams)) {
      const r = await this.sqlDb.db
        .deleteFrom('tl_tickets')
        .where('id', 'in', part)
        .where('is_open', '=', 0)
        .where('updated_ms', '<', cutoffMs)
        .executeTakeFirst();
      purged += num(r.numDeletedRows);
    }
    return { purged, more: rows.length > n };
  }
}

/**
 * A keyset cursor `at<sep>id`. Resolved (oldest-first, `:`) and created (newest-first, `~`)
 * listings use different separators, so one listing's cursor is refused by the other.
 */
function parseTimeCursor(
  after: string | null | undefined,
  sep: ':' | '~',
  what: string,
): { at: number; id: string } | null {
  if (after == null) return null;
  const m = new RegExp(`^(-?\\d{1,16})${sep}(\\d{1,18})$`).exec(after);
  if (m === null) throw new InputError('bad_argument', `not a ${what} cursor: ${after.slice(0, 60)}`);
  return { at: Number(m[1]), id: m[2] as string };
}
