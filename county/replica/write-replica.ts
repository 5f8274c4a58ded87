/**
 * Writes a terminal replica: public tables in the clear, each resident's own record sealed. The file is
 * built under a temporary name in the target's directory and renamed over the target, so a reader (or a
 * crash) sees the old file or the complete new one, never a half-written one.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  REPLICA_DDL,
  REPLICA_SCHEMA_VERSION,
  REPLICA_TABLES,
  encodeReplicaMeta,
  type ReplicaMeta,
  type ReplicaRow,
  type ReplicaTableName,
} from '../../domain/published/replica-format';
import { durableRename } from '../../domain/durable-file.nodejs';
import { preparePrivateDatabase } from '../../domain/private-files.nodejs';
import type { SealedRow } from '../../domain/published/sealing.nodejs';

export const REPLICA_PAGE_SIZE = 16384;

export type PublicTableName = Exclude<ReplicaTableName, 'meta' | 'sealed_records'>;

/** What a replica is made of: its facts, its public rows table by table, and sealed records in batches. */
export interface ReplicaContent {
  meta: Omit<ReplicaMeta, 'schemaVersion'>;
  tables: { [T in PublicTableName]?: Iterable<ReplicaRow<T>> };
  sealed: AsyncIterable<readonly SealedRow[]>;
}

export function insertStatement(db: Database.Database, table: ReplicaTableName, verb = 'INSERT') {
  const columns: readonly string[] = REPLICA_TABLES[table].columns;
  return db.prepare(
    `${verb} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
}

export async function writeReplica(
  filePath: string,
  content: ReplicaContent,
): Promise<{ records: number; bytes: number }> {
  if (!Number.isInteger(content.meta.dataVersion) || content.meta.dataVersion < 0) {
    throw new RangeError('dataVersion must be a non-negative integer');
  }
  const meta = encodeReplicaMeta({ ...content.meta, schemaVersion: REPLICA_SCHEMA_VERSION });

  mkdirSync(dirname(filePath), { recursive: true });
  const tempPath = join(dirname(filePath), `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  // Sealed records and the public tables in one file: for terminals, not for whoever can list the folder.
  preparePrivateDatabase(tempPath);
  const db = new Database(tempPath);
  try {
    // Sealed records of residents with many payments run past 1 KiB; on 4 KiB pages SQLite moves such rows
    // to overflow pages and the file grows by half again. 16 KiB pages keep them in place.
    db.pragma(`page_size = ${REPLICA_PAGE_SIZE}`);
    // A half-built temporary file is discarded on failure, so it needs no journal and no syncs until the end.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(REPLICA_DDL);

    db.transaction(() => {
      const insertMeta = insertStatement(db, 'meta');
      for (const [key, value] of Object.entries(meta)) insertMeta.run({ key, value });
      for (const [table, rows] of Object.entries(content.tables) as [PublicTableName, Iterable<object>][]) {
        const insert = insertStatement(db, table);
        for (const row of rows) insert.run(row);
      }
    })();

    const insertRecord = db.prepare('INSERT INTO sealed_records (tag, nonce, ciphertext) VALUES (?, ?, ?)');
    const insertBatch = db.transaction((rows: readonly SealedRow[]) => {
      for (const row of rows) insertRecord.run(row.tag, row.nonce, row.ciphertext);
    });
    for await (const batch of content.sealed) insertBatch(batch);
    const records = db.prepare('SELECT count(*) FROM sealed_records').pluck().get() as number;
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();

    durableRename(tempPath, filePath);
    return { records, bytes: pageCount * pageSize };
  } catch (error) {
    if (db.open) db.close();
    rmSync(tempPath, { force: true });
    throw error;
  }
}
