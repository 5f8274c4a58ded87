/**
 * Writes a terminal replica: public tables in the clear, each resident's own record sealed. The file is
 * built under a temporary name in the target's directory and renamed over the target, so a reader (or a
 * crash) sees the old file or the complete new one, never a half-written one.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  REPLICA_DDL,
  REPLICA_SCHEMA_VERSION,
  encodeReplicaMeta,
  type KdfParams,
  type ReplicaProgram,
  type SealedPayload,
  type SealedPayment,
} from '../../domain/published/replica-format';
import { deriveRecordKeys, sealRecord, type SealedRow } from '../../domain/published/sealing.nodejs';
import { mapConcurrent } from './map-concurrent';

/** What a replica is made from; the demo county and, later, the county master both provide it. */
export interface ReplicaSource {
  countyName: string;
  hotline: string;
  programs: readonly ReplicaProgram[];
  persons: readonly { idNumber: string; name: string }[];
  payments: readonly ({ idNumber: string } & SealedPayment)[];
}

export interface WriteReplicaOptions {
  kdf: KdfParams;
  dataVersion: number;
  asOf: Date;
  /** Key derivations in flight at once; they run on libuv's thread pool. Defaults to the core count. */
  concurrency?: number;
}

// Records are derived, sealed and inserted a batch at a time, so memory stays flat for large counties.
const BATCH_SIZE = 1024;

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function recordsOf(source: ReplicaSource): SealedPayload[] {
  const paymentsById = new Map<string, SealedPayment[]>();
  for (const { idNumber, ...payment } of source.payments) {
    const list = paymentsById.get(idNumber) ?? [];
    list.push(payment);
    paymentsById.set(idNumber, list);
  }
  const records = source.persons.map((person): SealedPayload => {
    const payments = paymentsById.get(person.idNumber) ?? [];
    paymentsById.delete(person.idNumber);
    payments.sort(
      (a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.programCode.localeCompare(b.programCode),
    );
    return { v: 1, idNumber: person.idNumber, name: person.name, payments };
  });
  // Deliberately vague: an error message must never carry an ID number.
  if (paymentsById.size > 0) throw new Error(`${paymentsById.size} payee(s) are not among the persons`);
  if (new Set(records.map((r) => r.idNumber)).size !== records.length) {
    throw new Error('the persons contain a duplicate ID number');
  }
  return records;
}

export async function writeReplica(
  filePath: string,
  county: ReplicaSource,
  options: WriteReplicaOptions,
): Promise<{ residents: number; records: number }> {
  if (!Number.isInteger(options.dataVersion) || options.dataVersion < 0) {
    throw new RangeError('dataVersion must be a non-negative integer');
  }
  const meta = encodeReplicaMeta({
    schemaVersion: REPLICA_SCHEMA_VERSION,
    dataVersion: options.dataVersion,
    dataAsOf: options.asOf.toISOString(),
    countyName: county.countyName,
    hotline: county.hotline,
    kdf: options.kdf,
  });
  // Processing in a random order keeps the file's page layout from echoing the source's village order.
  const records = shuffled(recordsOf(county));
  const concurrency = options.concurrency ?? availableParallelism();

  mkdirSync(dirname(filePath), { recursive: true });
  const tempPath = join(dirname(filePath), `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  const db = new Database(tempPath);
  try {
    // A half-built temporary file is discarded on failure, so it needs no journal and no syncs until the end.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(REPLICA_DDL);

    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const insertProgram = db.prepare(
      `INSERT INTO programs (code, name_zh, name_en, category, department, policy_basis, standard_fen,
         unit_zh, unit_en, frequency, phone)
       VALUES (@code, @nameZh, @nameEn, @category, @department, @policyBasis, @standardFen,
         @unitZh, @unitEn, @frequency, @phone)`,
    );
    db.transaction(() => {
      for (const [key, value] of Object.entries(meta)) insertMeta.run(key, value);
      for (const program of county.programs) insertProgram.run(program);
    })();

    const insertRecord = db.prepare('INSERT INTO sealed_records (tag, nonce, ciphertext) VALUES (?, ?, ?)');
    const insertBatch = db.transaction((rows: readonly SealedRow[]) => {
      for (const row of rows) insertRecord.run(row.tag, row.nonce, row.ciphertext);
    });
    for (let start = 0; start < records.length; start += BATCH_SIZE) {
      const batch = records.slice(start, start + BATCH_SIZE);
      const rows = await mapConcurrent(batch, concurrency, async (record) =>
        sealRecord(await deriveRecordKeys(record.idNumber, options.kdf), record),
      );
      insertBatch(rows);
    }
    const sealed = db.prepare('SELECT count(*) AS n FROM sealed_records').get() as { n: number };
    db.close();

    fsyncPath(tempPath);
    renameSync(tempPath, filePath);
    try {
      fsyncPath(dirname(filePath));
    } catch {
      // Some platforms cannot open a directory to sync it; the rename itself is still atomic there.
    }
    return { residents: county.persons.length, records: sealed.n };
  } catch (error) {
    if (db.open) db.close();
    rmSync(tempPath, { force: true });
    throw error;
  }
}
