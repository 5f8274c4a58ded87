import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPLICA_DDL,
  REPLICA_SCHEMA_VERSION,
  REPLICA_TABLES,
  TEST_KDF_COST,
  replicaMetaSchema,
  type SealedPayload,
} from '../../domain/published/replica-format';
import { createKdfParams, deriveRecordKeys, openRecord } from '../../domain/published/sealing.nodejs';
import { generateDemoCounty } from '../demo/generate';
import { demoReplicaContent } from './demo-content';
import { REPLICA_PAGE_SIZE, writeReplica } from './write-replica';

const county = generateDemoCounty({ residents: 300, seed: 7, today: '2025-06-10' });
const kdf = createKdfParams(TEST_KDF_COST);
const asOf = new Date('2025-06-10T01:30:00.000Z');
let dir: string;
let file: string;

function lookUp(path: string, tag: Buffer): { nonce: Buffer; ciphertext: Buffer } | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?').get(tag) as
      { nonce: Buffer; ciphertext: Buffer } | undefined;
  } finally {
    db.close();
  }
}

async function openFor(
  path: string,
  identity: { idNumber: string; name: string },
): Promise<SealedPayload | null> {
  const keys = await deriveRecordKeys(identity, kdf);
  const row = lookUp(path, keys.tag);
  return row ? openRecord(keys, row) : null;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'replica-'));
  file = join(dir, 'replica.db');
  await writeReplica(file, demoReplicaContent(county, { kdf, dataVersion: 3, asOf, concurrency: 4 }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReplica', () => {
  it('contains no resident’s ID number or name anywhere in the file', () => {
    const bytes = readFileSync(file);
    const leaked = county.persons.filter(
      (p) => bytes.includes(Buffer.from(p.idNumber, 'utf8')) || bytes.includes(Buffer.from(p.name, 'utf8')),
    );
    expect(leaked).toHaveLength(0);
    // The check can fail: the county's own name, stored in the clear, is found the same way.
    expect(bytes.includes(Buffer.from(county.countyName, 'utf8'))).toBe(true);
  });

  it('leaves a single file behind: no journal, no write-ahead log, no temporary file', () => {
    expect(readdirSync(dir)).toEqual(['replica.db']);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).not.toBe('wal');
    } finally {
      db.close();
    }
  });

  it('stores the meta, the programs in the clear and one sealed record per resident', () => {
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
      const meta = replicaMetaSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
      expect(meta).toEqual({
        schemaVersion: REPLICA_SCHEMA_VERSION,
        dataVersion: 3,
        dataAsOf: asOf.toISOString(),
        countyName: county.countyName,
        hotline: county.hotline,
        kdf,
      });
      const programs = db.prepare('SELECT code, name_zh, standard_fen FROM programs ORDER BY code').all();
      expect(programs).toHaveLength(county.programs.length);
      expect(programs).toContainEqual({
        code: 'reservoir-resettlement',
        name_zh: '大中型水库移民后期扶持',
        standard_fen: 60000,
      });
      expect(db.prepare('SELECT count(*) AS n FROM sealed_records').get()).toEqual({
        n: county.persons.length,
      });
    } finally {
      db.close();
    }
  });

  it('opens a resident’s record with their ID number, with all their payments', async () => {
    const person = county.persons.find(
      (p) => county.payments.filter((x) => x.idNumber === p.idNumber).length > 3,
    );
    expect(person).toBeDefined();
    const record = await openFor(file, { idNumber: person!.idNumber.toLowerCase(), name: person!.name });
    expect(record?.name).toBe(person!.name);
    expect(record?.idNumber).toBe(person!.idNumber);
    const expected = county.payments
      .filter((p) => p.idNumber === person!.idNumber)
      .map(({ idNumber: _, ...payment }) => payment);
    expect(record?.payments).toHaveLength(expected.length);
    expect(record?.payments).toEqual(expect.arrayContaining(expected));
  });

  it('does not open a resident’s row with a neighbour’s ID number and name', async () => {
    const [a, b] = county.persons.filter((p) => p.householdId === county.persons[0]!.householdId);
    const neighbour = b ?? county.persons[1]!;
    const keysA = await deriveRecordKeys(a!, kdf);
    const keysNeighbour = await deriveRecordKeys(neighbour, kdf);
    const rowA = lookUp(file, keysA.tag)!;
    expect(openRecord(keysNeighbour, rowA)).toBeNull();
    expect((await openFor(file, neighbour))?.name).toBe(neighbour.name);
    expect(await openFor(file, { idNumber: a!.idNumber, name: neighbour.name })).toBeNull();
  });

  it('finds nothing for a valid number that is not in the county', async () => {
    expect(await openFor(file, { idNumber: '359901199001010011', name: '张三' })).toBeNull();
  });

  it('replaces an existing file whole, and leaves it untouched when writing fails', async () => {
    const target = join(dir, 'replaced.db');
    writeFileSync(target, 'old contents');
    const small = generateDemoCounty({ residents: 5, seed: 1, today: '2025-06-10' });
    await expect(
      writeReplica(target, demoReplicaContent(small, { kdf, dataVersion: 4, asOf })),
    ).resolves.toMatchObject({ records: 5 });
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');

    const before = readFileSync(target);
    const stray = {
      idNumber: '359901199001010011',
      programCode: 'dibao',
      period: '2025-05',
      amountFen: 45600,
      plannedDate: '2025-05-10',
      paidDate: '2025-05-10',
    };
    expect(() =>
      demoReplicaContent({ ...small, payments: [...small.payments, stray] }, { kdf, dataVersion: 5, asOf }),
    ).toThrow(/not among/);
    const failing = demoReplicaContent(small, { kdf, dataVersion: 5, asOf });
    const sealed = failing.sealed;
    failing.sealed = (async function* () {
      yield* sealed;
      throw new Error('the disk is full');
    })();
    await expect(writeReplica(target, failing)).rejects.toThrow(/disk is full/);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });
});

describe('page size', () => {
  it('keeps a resident with years of payments on one page instead of overflow pages', () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('page_size', { simple: true })).toBe(REPLICA_PAGE_SIZE);
      // The largest sealed row of the demo county fits a 16 KiB page's cell without spilling over.
      const largest = db
        .prepare('SELECT max(length(ciphertext)) FROM sealed_records')
        .pluck()
        .get() as number;
      expect(largest + 44).toBeLessThan(((REPLICA_PAGE_SIZE - 12) * 64) / 255 - 23);
    } finally {
      db.close();
    }
  });
});

describe('REPLICA_TABLES', () => {
  it('lists every table of REPLICA_DDL with its columns in order and its primary key', () => {
    const db = new Database(':memory:');
    db.exec(REPLICA_DDL);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    expect(tables).toEqual(Object.keys(REPLICA_TABLES).sort());
    for (const [table, spec] of Object.entries(REPLICA_TABLES)) {
      const info = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; pk: number }[];
      expect(info.map((c) => c.name)).toEqual(spec.columns);
      const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      expect(keys.map((c) => c.name)).toEqual(spec.primaryKey);
    }
    db.close();
  });
});
