/**
 * A real county for the sync agent's tests: a fixture master database, keys, the real publisher and the real
 * county server on 127.0.0.1, one registered terminal (so every publish gives it the distribution key), and a
 * terminal config that pins the county's root key and carries that terminal's token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { latestRoot } from '../../county/publish/root-chain';
import { createKeys } from '../../county/publish/root-chain';
import { publish, type PublishResult } from '../../county/publish/publish';
import { fixtureIdNumber, fixtureName, seedFixtureCounty } from '../../county/publish/publish-fixture';
import type { MasterDatabase } from '../../county/master/open-master';
import { createCountyServer } from '../../county/server/create-server';
import { addTerminal, revokeTerminal } from '../../county/server/terminal-registry';
import { REPLICA_TABLES, replicaMetaSchema } from '../../domain/published/replica-format';
import { deriveRecordKeys, openRecord } from '../../domain/published/sealing.nodejs';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import type { KioskConfig } from '../../kiosk-config/schema';

export interface SyncCounty {
  dir: string;
  db: MasterDatabase;
  keysDir: string;
  publishDir: string;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  server: FastifyInstance;
  /** The token of terminal `T-sync`, registered before any publish; `terminalConfig` uses it by default. */
  token: string;
  /** Registers another terminal; answers its token. */
  addTerminal(id: string): string;
  revokeTerminal(id: string): void;
  /** Publishes a new version at `now` (default: the real now). */
  publish(options?: { now?: Date; deltas?: number }): Promise<PublishResult>;
  /** Changes about `share` of the residents' farmland payments, so the next publish differs. */
  change(share: number): void;
  close(): Promise<void>;
}

export async function startSyncCounty(residents: number): Promise<SyncCounty> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-county-'));
  const db = seedFixtureCounty(join(dir, 'county.db'), residents);
  const keysDir = join(dir, 'keys');
  const publishDir = join(dir, 'publish');
  createKeys(keysDir, new Date(), 365);
  const register = (id: string) => addTerminal(db, { id, siteName: '梅山乡便民服务中心' }, new Date()).token;
  const token = register('T-sync');
  const server = await createCountyServer({ db, publishDir });
  const baseUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  let round = 0;
  return {
    dir,
    db,
    keysDir,
    publishDir,
    baseUrl,
    server,
    token,
    addTerminal: register,
    revokeTerminal: (id) => void revokeTerminal(db, id, new Date()),
    publish: (options = {}) => publish({ db, keysDir, publishDir, now: options.now, deltas: options.deltas }),
    change(share) {
      round++;
      const every = Math.max(1, Math.round(1 / share));
      db.prepare(
        `UPDATE payments SET amount_fen = amount_fen + ? WHERE program_code = 'farmland-fertility' AND person_id % ? = 0`,
      ).run(round, every);
    },
    async close() {
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The county's current root key, as a kiosk config pins it. */
export function pinnedKeyOf(keysDir: string): KioskConfig['trust']['publicKeys'][number] {
  const root = latestRoot(keysDir);
  const keyId = root.signed.roles['root']!.keyIDs[0]!;
  const publicHex = root.signed.keys[keyId]!.keyVal['public']!;
  return { keyId, ed25519: Buffer.from(publicHex, 'hex').toString('base64') };
}

/**
 * A terminal whose files live in `dir`, syncing from `county`, pinning the county's first root key, with the
 * token of the county's registered terminal.
 */
export function terminalConfig(
  dir: string,
  county: Pick<SyncCounty, 'baseUrl' | 'keysDir' | 'token'>,
  pinned = [pinnedKeyOf(county.keysDir)],
): KioskConfig {
  const config = demoKioskConfig(dir);
  return {
    ...config,
    accessToken: county.token,
    county: { ...config.county, baseUrl: county.baseUrl },
    trust: { publicKeys: pinned },
    paths: { ...config.paths, syncState: join(dir, 'sync') },
  };
}

export function replicaVersion(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    return replicaMetaSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value]))).dataVersion;
  } finally {
    db.close();
  }
}

export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Whether resident `index`'s sealed record opens with their ID number and carries their name. */
export async function opensSealedRecord(file: string, index: number): Promise<boolean> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const meta = replicaMetaSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
    const keys = await deriveRecordKeys(
      { idNumber: fixtureIdNumber(index), name: fixtureName(index) },
      meta.kdf,
    );
    const row = db.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?').get(keys.tag) as
      { nonce: Buffer; ciphertext: Buffer } | undefined;
    return row !== undefined && openRecord(keys, row)?.name === fixtureName(index);
  } finally {
    db.close();
  }
}

/** Rows of `a` missing from `b` or the other way round, over every replica table. */
export function differingRows(a: string, b: string): number {
  const db = new Database(a, { readonly: true, fileMustExist: true });
  try {
    db.prepare('ATTACH DATABASE ? AS other').run(b);
    let differing = 0;
    for (const [table, { columns }] of Object.entries(REPLICA_TABLES)) {
      const all = columns.join(', ');
      differing += db
        .prepare(
          `SELECT (SELECT count(*) FROM (SELECT ${all} FROM main.${table} EXCEPT SELECT ${all} FROM other.${table}))
                + (SELECT count(*) FROM (SELECT ${all} FROM other.${table} EXCEPT SELECT ${all} FROM main.${table}))`,
        )
        .pluck()
        .get() as number;
    }
    return differing;
  } finally {
    db.close();
  }
}
