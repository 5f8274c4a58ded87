/**
 * The terminal's outbox (`outbox.db`): complaints waiting for the county, and anonymous usage counts. The app
 * writes it, the sync agent uploads from it; nothing leaves it before the county has acknowledged it, and
 * acknowledged records stay 30 days (with the county's id and time) before they are pruned.
 *
 * Complaints hold the complainant's own name, phone and ID number: nothing here logs a body, and failure
 * reasons are classifications only.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { preparePrivateDatabase } from '../../domain/private-files.nodejs';
import {
  complaintSchema,
  type Complaint,
  type ComplaintInput,
  type ComplaintReceipt,
} from '../../domain/county-api';
import { USAGE_DAYS_BACK } from '../../domain/county-api';
import { plusDays, shanghaiDate, type LocalDate } from '../../domain/dates';
import type { UsageCount } from '../county-client/terminal-heartbeat';
import { OUTBOX_MIGRATIONS } from './migrations';
import { ratingKind, type RatingScore, type UsageKind } from '../../domain/usage-kinds';

export const ACKNOWLEDGED_KEPT_DAYS = 30;
const DAY_MS = 86_400_000;

export class OutboxError extends Error {}

/** A complaint as the app hands it over: the outbox makes its idempotency key. */
export type NewComplaint = Omit<ComplaintInput, 'clientKey'>;

export type OutboxItemState = 'pending' | 'acknowledged' | 'failed';

export interface OutboxItem {
  seq: number;
  clientKey: string;
  kind: 'complaint';
  body: Complaint;
  createdAt: string;
  state: OutboxItemState;
  attempts: number;
  /** Null: due at once. */
  nextAttemptAt: string | null;
  lastError: string | null;
  countyId: number | null;
  acknowledgedAt: string | null;
}

export interface Outbox {
  readonly file: string;
  /** Validates, stores and syncs to disk before it returns: a complaint the resident saw accepted is kept. */
  enqueueComplaint(input: NewComplaint): { clientKey: string };
  /** Pending items in the order they were made; with `dueBy`, only those whose next attempt is due by then. */
  pendingItems(options?: { dueBy?: Date }): OutboxItem[];
  /** Items the county refused for good (or that ran out of attempts), for the status display. */
  failedItems(): OutboxItem[];
  item(clientKey: string): OutboxItem | null;
  /** The county stored it: kept with its id and receive time. Repeating it changes nothing. */
  markAcknowledged(clientKey: string, receipt: ComplaintReceipt): void;
  /**
   * An upload failed. Permanent: the item leaves the queue (state `failed`, kept). Otherwise it stays pending
   * and is due again at `nextAttemptAt` (at once when omitted).
   */
  markFailed(clientKey: string, reason: string, permanent: boolean, nextAttemptAt?: Date): void;
  /** Puts failed items back in the queue, due at once (after the terminal is registered again, say). */
  requeueFailed(): number;
  /** How many items the county has not acknowledged yet (pending and failed). */
  depth(): number;
  countUsage(kind: UsageKind, at: Date, by?: number): void;
  recordRating(score: RatingScore, at: Date): void;
  /** Counts to report: every day whose count changed since the county acknowledged it, and `today`. */
  unreportedCounts(today: LocalDate): UsageCount[];
  /** The county acknowledged these counts (a heartbeat with them was answered). */
  markCountsReported(counts: readonly UsageCount[], at: Date): void;
  /** Drops acknowledged items and settled counts older than 30 days. */
  prune(now: Date): { items: number; counters: number };
  close(): void;
}

interface ItemRow {
  seq: number;
  client_key: string;
  kind: 'complaint';
  body: string;
  created_at: string;
  state: OutboxItemState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  county_id: number | null;
  acknowledged_at: string | null;
}

function fromRow(row: ItemRow): OutboxItem {
  return {
    seq: row.seq,
    clientKey: row.client_key,
    kind: row.kind,
    // Stored after parsing, so parsing again gives the same body (the normalizations are idempotent).
    body: complaintSchema.parse(JSON.parse(row.body)),
    createdAt: row.created_at,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    countyId: row.county_id,
    acknowledgedAt: row.acknowledged_at,
  };
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = OUTBOX_MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new OutboxError(
      `the outbox is at schema version ${current}, newer than this program knows (${latest})`,
    );
  }
  for (const migration of OUTBOX_MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function openOutbox(file: string): Outbox {
  // Complaints hold the complainant's name, phone and ID number: owner-only, SQLite's companions too.
  preparePrivateDatabase(file);
  const db = new Database(file);
  try {
    // The app and the agent both open it; a writer waits for the other instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const insertItem = db.prepare(
    `INSERT INTO items (client_key, kind, body, created_at) VALUES (@clientKey, 'complaint', @body, @createdAt)`,
  );
  const selectPending = db.prepare(
    `SELECT * FROM items WHERE state = 'pending' AND (@dueBy IS NULL OR next_attempt_at IS NULL OR next_attempt_at <= @dueBy)
     ORDER BY seq`,
  );
  const selectFailed = db.prepare(`SELECT * FROM items WHERE state = 'failed' ORDER BY seq`);
  const selectItem = db.prepare(`SELECT * FROM items WHERE client_key = ?`);
  const acknowledge = db.prepare(
    `UPDATE items SET state = 'acknowledged', county_id = @countyId, acknowledged_at = @at, next_attempt_at = NULL
     WHERE client_key = @clientKey AND state != 'acknowledged'`,
  );
  const fail = db.prepare(
    `UPDATE items SET state = @state, attempts = attempts + 1, next_attempt_at = @nextAttemptAt, last_error = @reason
     WHERE client_key = @clientKey AND state = 'pending'`,
  );
  const addUsage = db.prepare(
    `INSERT INTO usage_counters (day, kind, count) VALUES (?, ?, ?)
     ON CONFLICT (day, kind) DO UPDATE SET count = count + excluded.count`,
  );
  const selectUnreported = db.prepare(
    `SELECT day, kind, count FROM usage_counters WHERE count > reported_count OR day = ? ORDER BY day, kind`,
  );
  const reportUsage = db.prepare(
    `UPDATE usage_counters SET reported_count = max(reported_count, ?), reported_at = ? WHERE day = ? AND kind = ?`,
  );

  function requireItem(clientKey: string): ItemRow {
    const row = selectItem.get(clientKey.toLowerCase()) as ItemRow | undefined;
    if (!row) throw new OutboxError(`no outbox item ${clientKey}`);
    return row;
  }

  function countUsage(kind: UsageKind, at: Date, by = 1): void {
    if (!Number.isInteger(by) || by < 1) throw new OutboxError('a usage count grows by a positive integer');
    addUsage.run(shanghaiDate(at), kind, by);
  }

  return {
    file,

    enqueueComplaint(input) {
      const complaint = complaintSchema.parse({ ...input, clientKey: randomUUID() });
      // FULL makes this commit fsync the WAL: the resident has been told the complaint is saved.
      db.pragma('synchronous = FULL');
      try {
        insertItem.run({
          clientKey: complaint.clientKey,
          body: JSON.stringify(complaint),
          createdAt: new Date(complaint.createdAt).toISOString(),
        });
      } finally {
        db.pragma('synchronous = NORMAL');
      }
      return { clientKey: complaint.clientKey };
    },

    pendingItems(options = {}) {
      const dueBy = options.dueBy?.toISOString() ?? null;
      return (selectPending.all({ dueBy }) as ItemRow[]).map(fromRow);
    },

    failedItems() {
      return (selectFailed.all() as ItemRow[]).map(fromRow);
    },

    item(clientKey) {
      const row = selectItem.get(clientKey.toLowerCase()) as ItemRow | undefined;
      return row ? fromRow(row) : null;
    },

    markAcknowledged(clientKey, receipt) {
      requireItem(clientKey);
      acknowledge.run({
        clientKey: clientKey.toLowerCase(),
        countyId: receipt.id,
        at: new Date(receipt.receivedAt).toISOString(),
      });
    },

    markFailed(clientKey, reason, permanent, nextAttemptAt) {
      requireItem(clientKey);
      fail.run({
        clientKey: clientKey.toLowerCase(),
        state: permanent ? 'failed' : 'pending',
        nextAttemptAt: permanent ? null : (nextAttemptAt?.toISOString() ?? null),
        reason,
      });
    },

    requeueFailed() {
      return db
        .prepare(`UPDATE items SET state = 'pending', next_attempt_at = NULL WHERE state = 'failed'`)
        .run().changes;
    },

    depth() {
      return db.prepare(`SELECT count(*) FROM items WHERE state != 'acknowledged'`).pluck().get() as number;
    },

    countUsage,

    recordRating(score, at) {
      countUsage(ratingKind(score), at);
    },

    unreportedCounts(today) {
      return selectUnreported.all(today) as UsageCount[];
    },

    markCountsReported(counts, at) {
      const when = at.toISOString();
      db.transaction(() => {
        for (const { day, kind, count } of counts) reportUsage.run(count, when, day, kind);
      }).immediate();
    },

    prune(now) {
      const cutoff = daysBefore(now, ACKNOWLEDGED_KEPT_DAYS);
      return db
        .transaction(() => ({
          items: db
            .prepare(`DELETE FROM items WHERE state = 'acknowledged' AND acknowledged_at < ?`)
            .run(cutoff.toISOString()).changes,
          // Reported counts after ACKNOWLEDGED_KEPT_DAYS; unreported ones once the county would refuse them
          // (older than USAGE_DAYS_BACK), so they are not read and set aside on every heartbeat for ever.
          counters: db
            .prepare(`DELETE FROM usage_counters WHERE (count = reported_count AND day < ?) OR day < ?`)
            .run(shanghaiDate(cutoff), plusDays(shanghaiDate(now), -USAGE_DAYS_BACK)).changes,
        }))
        .immediate();
    },

    close() {
      db.close();
    },
  };
}
