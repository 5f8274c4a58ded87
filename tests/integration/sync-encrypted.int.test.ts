/**
 * Published data is for registered terminals only (docs/adr/0002-target-encryption.md), against the real
 * publisher and county server over HTTP: nothing fetched without a token is readable; a terminal with a wrong
 * token, or one the county has not given the key, cannot read and keeps what it holds; a revoked terminal
 * cannot read the next version while the others can; a target that does not decrypt is refused before
 * anything is applied; and a terminal of the format before encryption moves forward by an ordinary sync.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDistributionKey } from '../../county/publish/distribution-keys';
import { openTargetFile } from '../../county/publish/gzip-file';
import {
  fixtureIdNumber,
  fixtureName,
  liveTargetEntries,
  publishedFiles,
  readableWithoutToken,
  resignLiveTargets,
  rewriteAsPlaintextPublication,
} from '../../county/publish/publish-fixture';
import { sha256Hex } from '../../county/publish/tuf-metadata';
import { syncStateDir } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';
import { REPLICA_SCHEMA_VERSION, replicaMetaSchema } from '../../domain/published/replica-format';
import {
  deriveRecordKeys,
  openRecord,
  sealRecord,
  type SealedRow,
} from '../../domain/published/sealing.nodejs';
import { createKioskRuntime } from '../../electron/api/create-runtime';
import { keyStoreFile } from '../../sync-agent/replica-sync/distribution-keys';
import { refreshMetadata } from '../../sync-agent/replica-sync/refresh-metadata';
import { syncOnce } from '../../sync-agent/replica-sync/sync-once';
import {
  integrityOf,
  opensSealedRecord,
  pinnedKeyOf,
  replicaVersion,
  startSyncCounty,
  terminalConfig,
  type SyncCounty,
} from '../faults/sync-county';

const NOT_GIVEN = /县里发布的数据没有发给本终端/;

let county: SyncCounty;
let root: string;

beforeAll(async () => {
  county = await startSyncCounty(40);
  root = mkdtempSync(join(tmpdir(), 'sync-encrypted-'));
});

afterAll(async () => {
  await county.close();
  rmSync(root, { recursive: true, force: true });
});

/** A terminal in its own directory under `root`, with `token` (default: the county's registered terminal). */
function terminal(name: string, token = county.token): KioskConfig {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  return terminalConfig(dir, { ...county, token });
}

function heldKeyIds(config: KioskConfig): string[] {
  const store = JSON.parse(readFileSync(keyStoreFile(syncStateDir(config)), 'utf8')) as {
    keys: { keyId: string }[];
  };
  return store.keys.map((k) => k.keyId);
}

describe('a publish directory fetched without a terminal token', () => {
  it('yields nothing readable, file by file, over HTTP', async () => {
    county.change(0.1);
    await county.publish();
    county.change(0.1);
    await county.publish();
    const files = publishedFiles(county.publishDir);
    expect(files.filter((f) => f.startsWith('targets/') && f.endsWith('.db.gz.enc')).length).toBeGreaterThan(
      1,
    );
    for (const name of files) {
      const response = await fetch(`${county.baseUrl}/publish/${name}`);
      expect(response.status, name).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(readableWithoutToken(bytes), name).toBe(false);
    }
  });
});

describe('terminals the county did not give the key', () => {
  it('a wrong token reads nothing, downloads no data, and keeps the replica it holds', async () => {
    const good = terminal('good');
    expect(await syncOnce(good)).toMatchObject({ outcome: 'updated' });
    const held = replicaVersion(good.paths.replica);
    const wrong = terminal('wrong-token', 'W'.repeat(43));
    copyFileSync(good.paths.replica, wrong.paths.replica);
    county.change(0.1);
    await county.publish();

    const result = await syncOnce(wrong);
    expect(result).toMatchObject({ outcome: 'refused', fromVersion: held, toVersion: held });
    expect(result.reason).toMatch(NOT_GIVEN);
    // Refused before the data download: not one byte of it was fetched.
    expect(result.bytes).toBe(0);
    expect(existsSync(keyStoreFile(syncStateDir(wrong)))).toBe(false);
    expect(integrityOf(wrong.paths.replica)).toBe('ok');
    expect(replicaVersion(wrong.paths.replica)).toBe(held);
    expect(await syncOnce(good)).toMatchObject({ outcome: 'updated', toVersion: held + 1 });
  });

  it('a terminal registered after the last publish reads from the next one', async () => {
    const late = terminal('late', county.addTerminal('T-late'));
    const before = await syncOnce(late);
    expect(before).toMatchObject({ outcome: 'refused', toVersion: null });
    expect(before.reason).toMatch(NOT_GIVEN);
    expect(existsSync(late.paths.replica)).toBe(false);
    await county.publish();
    expect(await syncOnce(late)).toMatchObject({ outcome: 'updated', fromVersion: null });
    expect(await opensSealedRecord(late.paths.replica, 3)).toBe(true);
  });
});

describe('rotation and revocation', () => {
  it('a revoked terminal keeps its replica and cannot read the next version; the others can', async () => {
    const staying = terminal('staying');
    const leaving = terminal('leaving', county.addTerminal('T-leaving'));
    await county.publish();
    for (const config of [staying, leaving]) expect((await syncOnce(config)).outcome).toBe('updated');
    const held = replicaVersion(leaving.paths.replica);
    const oldKey = heldKeyIds(leaving);
    expect(heldKeyIds(staying)).toEqual(oldKey);

    county.revokeTerminal('T-leaving');
    county.change(0.1);
    const next = await county.publish();
    expect(next.distribution).toMatchObject({ change: 'rotated' });
    expect(next.distribution.keyId).not.toBe(oldKey[0]);

    const refused = await syncOnce(leaving);
    expect(refused).toMatchObject({ outcome: 'refused', fromVersion: held, toVersion: held });
    expect(refused.reason).toMatch(NOT_GIVEN);
    expect(refused.bytes).toBe(0);
    expect(await opensSealedRecord(leaving.paths.replica, 3)).toBe(true);
    // Even with the data file in hand, the key it holds does not open it.
    const delta = next.deltas.find((d) => d.from === held)!;
    const store = JSON.parse(readFileSync(keyStoreFile(syncStateDir(leaving)), 'utf8')) as {
      keys: { keyId: string; key: string }[];
    };
    const [kept] = store.keys.map((k) => ({
      keyId: next.distribution.keyId,
      key: Buffer.from(k.key, 'hex'),
    }));
    await expect(openTargetFile(delta.path, join(root, 'stolen.db'), kept!)).rejects.toThrow(
      /does not verify/,
    );

    expect(await syncOnce(staying)).toMatchObject({ outcome: 'updated', toVersion: held + 1 });
    expect(heldKeyIds(staying)).toEqual([next.distribution.keyId]);
    expect(await opensSealedRecord(staying.paths.replica, 3)).toBe(true);
  });

  it('follows a rotation made with keygen --rotate distribution', async () => {
    const config = terminal('staying');
    const fresh = createDistributionKey(county.keysDir, new Date());
    county.change(0.1);
    const next = await county.publish();
    expect(next.distribution).toMatchObject({ keyId: fresh.keyId, change: null });
    expect(await syncOnce(config)).toMatchObject({ outcome: 'updated', toVersion: next.version });
    expect(heldKeyIds(config)).toEqual([fresh.keyId]);
  });
});

describe('a target signed by the county that does not decrypt', () => {
  it('is refused before anything is applied, and the replica stays in service', async () => {
    const config = terminal('staying');
    const held = replicaVersion(config.paths.replica);
    county.change(0.1);
    const next = await county.publish();
    // Only the holder of the online key could do this: sign a delta whose ciphertext was changed.
    const delta = next.deltas.find((d) => d.from === held)!;
    const bytes = readFileSync(delta.path);
    bytes[bytes.length - 40]! ^= 0x01;
    const sha256 = sha256Hex(bytes);
    const name = `delta-from-${held}.db.gz.enc`;
    writeFileSync(join(county.publishDir, 'targets', `${sha256}.${name}`), bytes);
    const entries = liveTargetEntries(county.publishDir).map((t) => (t.path === name ? { ...t, sha256 } : t));
    resignLiveTargets(county.publishDir, county.keysDir, entries);

    const result = await syncOnce(config);
    expect(result).toMatchObject({ outcome: 'refused', fromVersion: held, toVersion: held });
    expect(result.reason).toMatch(/does not decrypt: .*does not verify/);
    expect(integrityOf(config.paths.replica)).toBe('ok');
    expect(await opensSealedRecord(config.paths.replica, 3)).toBe(true);
    expect(readdirSync(join(config.paths.replica, '..')).filter((n) => n.includes('.sync-'))).toEqual([]);
  });
});

/** The replica's meta, parsed. */
function replicaMeta(db: Database.Database) {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return replicaMetaSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** Rewrites a replica as the publisher of schema 2 sealed it: every record under a key from the number alone. */
async function resealAsSchema2(file: string): Promise<void> {
  const db = new Database(file);
  try {
    const { kdf } = replicaMeta(db);
    const select = db.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?');
    const resealed: SealedRow[] = [];
    for (let index = 1; index <= 40; index++) {
      const identity = { idNumber: fixtureIdNumber(index), name: fixtureName(index) };
      const keys = await deriveRecordKeys(identity, kdf);
      const row = select.get(keys.tag) as { nonce: Buffer; ciphertext: Buffer };
      const record = openRecord(keys, row)!;
      resealed.push(sealRecord(await deriveRecordKeys(identity, kdf, 'id-number'), record));
    }
    db.transaction(() => {
      db.prepare('DELETE FROM sealed_records').run();
      const insert = db.prepare('INSERT INTO sealed_records (tag, nonce, ciphertext) VALUES (?, ?, ?)');
      for (const row of resealed) insert.run(row.tag, row.nonce, row.ciphertext);
      db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema_version'").run();
    })();
  } finally {
    db.close();
  }
}

async function opensWithNumberAlone(file: string, index: number): Promise<boolean> {
  const db = new Database(file, { readonly: true });
  try {
    const identity = { idNumber: fixtureIdNumber(index), name: fixtureName(index) };
    const keys = await deriveRecordKeys(identity, replicaMeta(db).kdf, 'id-number');
    const row = db.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?').get(keys.tag) as
      { nonce: Buffer; ciphertext: Buffer } | undefined;
    return row !== undefined && openRecord(keys, row) !== null;
  } finally {
    db.close();
  }
}

describe('a terminal of the format before encryption', () => {
  it('moves to the encrypted format and the name in the key by an ordinary sync, with no failed lookup', async () => {
    // The county's last version as the publisher before this change wrote it: schema 2 (records keyed by the
    // number alone), gzip only.
    const workDir = `${county.publishDir}.work`;
    const legacy = (await county.publish()).version;
    const legacyReplica = join(workDir, `replica-${legacy}.db`);
    await resealAsSchema2(legacyReplica);
    const { file: plaintext } = rewriteAsPlaintextPublication(county.db, {
      publishDir: county.publishDir,
      keysDir: county.keysDir,
      workDir,
    });

    // A terminal that synced it with the agent of that time: its replica, its trusted metadata, no key store.
    const old = terminal('old-format');
    copyFileSync(legacyReplica, old.paths.replica);
    await refreshMetadata({
      stateDir: syncStateDir(old),
      metadataBaseUrl: `${county.baseUrl}/publish/`,
      pinned: [pinnedKeyOf(county.keysDir)],
      fetch: globalThis.fetch,
      now: new Date(),
    });
    expect(existsSync(keyStoreFile(syncStateDir(old)))).toBe(false);

    // The upgraded kiosk answers from the schema-2 replica (keys from the number alone) until the sync lands,
    // while the sync runs, and from schema 3 after: no lookup fails on the way.
    const kiosk = await createKioskRuntime(old);
    const lookUp = async (index: number) =>
      (await kiosk.handlers.lookupResident({ idNumber: fixtureIdNumber(index), name: fixtureName(index) }))
        .status;
    expect(await lookUp(3)).toBe('found');

    county.change(0.1);
    const upgraded = await county.publish();
    expect(existsSync(plaintext)).toBe(false);
    const during: string[] = [];
    let syncing = true;
    const lookups = (async () => {
      for (let i = 0; syncing || i < 3; i++) during.push(await lookUp(1 + (i % 40)));
    })();
    const result = await syncOnce(old).finally(() => (syncing = false));
    await lookups;
    expect(during.length).toBeGreaterThan(3);
    expect(new Set(during)).toEqual(new Set(['found']));
    expect(await lookUp(3)).toBe('found');
    await kiosk.close();
    expect(result).toMatchObject({ outcome: 'updated', fromVersion: legacy, toVersion: upgraded.version });
    expect(integrityOf(old.paths.replica)).toBe('ok');
    // Nothing sealed under the old key is left behind: every row now needs the name too.
    expect(await opensWithNumberAlone(old.paths.replica, 3)).toBe(false);
    const schema = new Database(old.paths.replica, { readonly: true });
    expect(schema.prepare("SELECT value FROM meta WHERE key = 'schema_version'").pluck().get()).toBe(
      String(REPLICA_SCHEMA_VERSION),
    );
    schema.close();
    expect(await opensSealedRecord(old.paths.replica, 3)).toBe(true);
    expect(statSync(keyStoreFile(syncStateDir(old))).mode & 0o777).toBe(0o600);
    expect(statSync(syncStateDir(old)).mode & 0o777).toBe(0o700);
  });
});
