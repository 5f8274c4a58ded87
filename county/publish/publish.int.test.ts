import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mask } from '../../domain/masking';
import {
  DISTRIBUTION_KEYS_TARGET,
  FULL_TARGET,
  deltaApplyStatements,
  deltaTarget,
  distributionKeysSchema,
} from '../../domain/published/publish-format';
import {
  newDistributionKey,
  openDistributionDocument,
} from '../../domain/published/target-encryption.nodejs';
import {
  REPLICA_TABLES,
  replicaMetaSchema,
  type ReplicaTableName,
} from '../../domain/published/replica-format';
import { deriveRecordKeys, openRecord } from '../../domain/published/sealing.nodejs';
import type { MasterDatabase } from '../master/open-master';
import { addTerminal, revokeTerminal } from '../server/terminal-registry';
import { distributionKeyById, distributionKeysDir } from './distribution-keys';
import { openTargetFile, targetKeyId } from './gzip-file';
import {
  liveTargetEntries,
  publishedFiles,
  readableWithoutToken,
  rewriteAsPlaintextPublication,
  seedFixtureCounty,
  fixtureIdNumber,
  fixtureName,
} from './publish-fixture';
import { publish, type PublishResult } from './publish';
import { createKeys, readRoot, rootsDir, rotateKey } from './root-chain';
import { verifyPublication } from './verify-publication';

const NOW = new Date('2026-06-20T02:00:00Z');
const RESIDENTS = 100;
let dir: string;
let db: MasterDatabase;
let keysDir: string;
let publishDir: string;
let first: PublishResult;
let second: PublishResult;
let readerToken: string;

/** A published data target decrypted with the county's distribution key and gunzipped, as a terminal would. */
async function openTo(file: string, name: string): Promise<string> {
  const out = join(dir, name);
  rmSync(out, { force: true });
  await openTargetFile(file, out, distributionKeyById(keysDir, targetKeyId(file)!)!);
  return out;
}

async function replicaOf(result: PublishResult, name: string): Promise<Database.Database> {
  return new Database(await openTo(result.full.path, name), { readonly: true });
}

function tableContents(replica: Database.Database): Record<string, unknown[]> {
  const contents: Record<string, unknown[]> = {};
  for (const table of Object.keys(REPLICA_TABLES) as ReplicaTableName[]) {
    if (table === 'meta') continue;
    const order = REPLICA_TABLES[table].primaryKey.join(', ');
    contents[table] = replica.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
  }
  return contents;
}

const trusted = () => readRoot(join(rootsDir(keysDir), '1.root.json'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'publish-'));
  keysDir = join(dir, 'keys');
  publishDir = join(dir, 'publish');
  db = seedFixtureCounty(join(dir, 'county.db'), RESIDENTS);
  // Signing keys only, as a county made them before targets were encrypted: publish adds the distribution key.
  createKeys(keysDir, NOW, 365);
  readerToken = addTerminal(db, { id: 'T-reader', siteName: '梅山乡便民服务中心' }, NOW).token;
  first = await publish({ db, keysDir, publishDir, now: NOW });

  // A 1% change: one amount corrected, one resident added.
  db.prepare(
    "UPDATE payments SET amount_fen = amount_fen + 100 WHERE person_id = 5 AND program_code = 'farmland-fertility'",
  ).run();
  const id = fixtureIdNumber(RESIDENTS + 1);
  db.prepare(
    `INSERT INTO persons (id, id_number, name, sex, birth_date) VALUES (?, ?, '新来', 'male', ?)`,
  ).run(RESIDENTS + 1, id, `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
  second = await publish({ db, keysDir, publishDir, now: new Date(NOW.getTime() + 3600_000) });
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('publish', () => {
  it('writes a full replica that verifies from the pinned root and opens one record per ID number', async () => {
    expect(first.version).toBe(1);
    expect(first.sealing).toMatchObject({ residents: RESIDENTS, derived: RESIDENTS, reused: 0 });
    const replica = await replicaOf(first, 'v1.db');
    const meta = replicaMetaSchema.parse(
      Object.fromEntries(
        (replica.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map(
          (r) => [r.key, r.value],
        ),
      ),
    );
    expect(meta.dataVersion).toBe(1);
    const keys = await deriveRecordKeys({ idNumber: fixtureIdNumber(3), name: fixtureName(3) }, meta.kdf);
    const row = replica
      .prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?')
      .get(keys.tag) as { nonce: Buffer; ciphertext: Buffer } | undefined;
    const record = row ? openRecord(keys, row) : null;
    expect(record?.name).toBe(fixtureName(3));
    expect(record?.payments.map((p) => [p.programCode, p.period, p.amountFen, p.paidDate])).toEqual([
      ['farmland-fertility', '2026', Math.round((3503 * 11250) / 1000), '2026-04-15'],
      ['dibao', '2026-05', 45600, '2026-05-12'],
      ['dibao', '2026-06', 45600, null],
    ]);
    expect(record?.payments[0]).toMatchObject({ quantityMilli: 3503, standardFen: 11250, cardTail: '6217' });

    const wrong = await deriveRecordKeys(
      { idNumber: fixtureIdNumber(RESIDENTS + 7), name: fixtureName(3) },
      meta.kdf,
    );
    const none = replica.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?').get(wrong.tag);
    expect(none).toBeUndefined();
    if (row) expect(openRecord(wrong, row)).toBeNull();
    replica.close();
  });

  it('publishes no full ID number and no private person’s full name, and masks the rosters', async () => {
    const bytes = readFileSync(await openTo(first.full.path, 'scan.db'));
    const leaks: number[] = [];
    for (let i = 2; i <= RESIDENTS; i++) {
      // Person 1 is the village's party secretary: a public official, named in the cadre disclosure.
      if (fixtureName(i) === fixtureName(1)) continue;
      if (bytes.includes(Buffer.from(fixtureIdNumber(i))) || bytes.includes(Buffer.from(fixtureName(i))))
        leaks.push(i);
    }
    expect(leaks).toEqual([]);
    expect(bytes.includes(Buffer.from(fixtureName(1)))).toBe(true);

    const replica = await replicaOf(first, 'roster.db');
    const entries = replica
      .prepare('SELECT masked_name, masked_id_number FROM roster_entries WHERE roster_id = 1')
      .all();
    expect(entries).toContainEqual({
      masked_name: mask('name', fixtureName(3)),
      masked_id_number: mask('idNumber', fixtureIdNumber(3)),
    });
    // The 2022 roster is older than the two-year window.
    expect(replica.prepare('SELECT id FROM rosters').pluck().all()).toEqual([1]);
    // The secretary's spouse receives 低保: disclosed, masked, as household.
    expect(
      replica
        .prepare('SELECT relation, masked_name, program_code FROM cadre_benefits WHERE relation = ?')
        .all('household'),
    ).toContainEqual({
      relation: 'household',
      masked_name: mask('name', fixtureName(2)),
      program_code: 'dibao',
    });
    replica.close();
  });

  it('republishes with a key derivation only for the new resident and a small delta that reproduces it', async () => {
    expect(second.version).toBe(2);
    expect(second.sealing).toEqual({
      residents: RESIDENTS + 1,
      derived: 1,
      resealed: 2,
      reused: RESIDENTS - 1,
    });
    const delta = second.deltas.find((d) => d.from === 1);
    expect(delta).toBeDefined();
    // Two sealed records (the corrected one and the new one) and two meta values (version and time).
    expect(delta).toMatchObject({ puts: 4, deletes: 0 });
    expect(delta!.length).toBeLessThan(second.full.length);

    const patched = new Database(await openTo(first.full.path, 'patched.db'));
    patched.prepare('ATTACH DATABASE ? AS delta').run(await openTo(delta!.path, 'delta.db'));
    patched.transaction(() => {
      for (const sql of deltaApplyStatements({ replica: 'main', delta: 'delta' })) patched.prepare(sql).run();
    })();
    const expected = await replicaOf(second, 'v2.db');
    expect(tableContents(patched)).toEqual(tableContents(expected));
    expect(patched.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('data_version')).toBe('2');
    patched.close();
    expected.close();
  });

  it('names the full replica, the delta and the distribution keys in signed targets', async () => {
    const verified = await verifyPublication(publishDir, trusted(), NOW);
    expect(verified.dataVersion).toBe(2);
    expect(verified.targets.map((t) => t.path).sort()).toEqual(
      [deltaTarget(1), DISTRIBUTION_KEYS_TARGET, FULL_TARGET].sort(),
    );
  });

  describe('a terminal refuses a tampered or stale publication', () => {
    const copy = () => {
      const target = mkdtempSync(join(dir, 'tampered-'));
      cpSync(publishDir, target, { recursive: true });
      return target;
    };

    it('a data file with one byte changed', async () => {
      const target = copy();
      const file = join(
        target,
        'targets',
        `${second.verified.targets.find((t) => t.path === FULL_TARGET)!.sha256}.${FULL_TARGET}`,
      );
      const bytes = readFileSync(file);
      bytes[100] = (bytes[100] ?? 0) ^ 0xff;
      writeFileSync(file, bytes);
      await expect(verifyPublication(target, trusted(), NOW)).rejects.toThrow(
        /does not match its signed length and hash/,
      );
    });

    it('targets metadata edited to name another file', async () => {
      const target = copy();
      const file = join(target, '2.targets.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as {
        signed: { targets: Record<string, { length: number }> };
      };
      json.signed.targets[FULL_TARGET]!.length += 1;
      writeFileSync(file, JSON.stringify(json));
      await expect(verifyPublication(target, trusted(), NOW)).rejects.toThrow(
        /not signed by the county's targets key/,
      );
    });

    it('a snapshot swapped for the previous one', async () => {
      const target = copy();
      writeFileSync(join(target, '2.snapshot.json'), readFileSync(join(target, '1.snapshot.json')));
      await expect(verifyPublication(target, trusted(), NOW)).rejects.toThrow(
        /does not match the length and hash/,
      );
    });

    it('an expired timestamp', async () => {
      await expect(
        verifyPublication(publishDir, trusted(), new Date(NOW.getTime() + 8 * 86400_000)),
      ).rejects.toThrow(/expired/);
    });

    it('metadata signed by a key the root does not name', async () => {
      const target = copy();
      const otherKeys = join(dir, 'other-keys');
      createKeys(otherKeys, NOW, 365);
      await expect(
        verifyPublication(target, readRoot(join(rootsDir(otherKeys), '1.root.json')), NOW),
      ).rejects.toThrow(/not signed/);
    });
  });

  it('follows a rotation of the online key from the pinned root', async () => {
    rotateKey(keysDir, 'online', NOW, 365);
    const third = await publish({ db, keysDir, publishDir, now: new Date(NOW.getTime() + 7200_000) });
    expect(third.sealing.derived).toBe(0);
    const verified = await verifyPublication(publishDir, trusted(), NOW);
    expect(verified).toMatchObject({ rootVersion: 2, dataVersion: 3 });
  });
});

describe('targets for registered terminals only', () => {
  const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);
  const privateValues = () =>
    Array.from({ length: RESIDENTS - 1 }, (_, i) => i + 2)
      .filter((i) => fixtureName(i) !== fixtureName(1))
      .flatMap((i) => [fixtureIdNumber(i), fixtureName(i)]);

  it('leaves nothing readable to whoever fetches the publish directory without a token', async () => {
    const files = publishedFiles(publishDir).map((name) => join(publishDir, name));
    expect(files.some((f) => f.endsWith(`.${FULL_TARGET}`))).toBe(true);
    const names = privateValues().map((v) => Buffer.from(v));
    for (const file of files) {
      const where = relative(publishDir, file);
      const raw = readFileSync(file);
      expect(readableWithoutToken(raw), where).toBe(false);
      expect(raw.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])), where).toBe(false);
      expect(
        names.some((name) => raw.includes(name)),
        where,
      ).toBe(false);
      const keyId = targetKeyId(file);
      if (keyId === null) continue;
      // The right key id with any other key: the tag does not verify.
      const guess = { keyId, key: newDistributionKey().key };
      await expect(openTargetFile(file, join(dir, 'guess.db'), guess), where).rejects.toThrow(
        /does not verify/,
      );
    }
  });

  it('gives the distribution key to registered terminals, and a new key once one is revoked', async () => {
    expect(first.distribution).toMatchObject({ recipients: 1, change: 'created' });
    expect(second.distribution).toEqual({ ...first.distribution, change: null });
    expect(statSync(distributionKeysDir(keysDir)).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(distributionKeysDir(keysDir))) {
      expect(statSync(join(distributionKeysDir(keysDir), name)).mode & 0o777).toBe(0o600);
    }
    const document = () => {
      const entry = liveTargetEntries(publishDir).find((t) => t.path === DISTRIBUTION_KEYS_TARGET)!;
      const file = join(publishDir, 'targets', `${entry.sha256}.${DISTRIBUTION_KEYS_TARGET}`);
      return distributionKeysSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    };
    const keyIdsFor = (token: string) => {
      const opened = openDistributionDocument(document(), token);
      return opened.kind === 'opened' ? opened.keys.map((k) => k.keyId) : opened.kind;
    };

    const otherToken = addTerminal(db, { id: 'T-other', siteName: '东岭村' }, NOW).token;
    const withOther = await publish({ db, keysDir, publishDir, now: later(3) });
    expect(withOther.distribution).toEqual({ keyId: first.distribution.keyId, recipients: 2, change: null });
    expect(keyIdsFor(readerToken)).toEqual([first.distribution.keyId]);
    expect(keyIdsFor(otherToken)).toEqual([first.distribution.keyId]);
    expect(keyIdsFor('x'.repeat(43))).toBe('not-listed');

    revokeTerminal(db, 'T-other', NOW);
    const afterRevoke = await publish({ db, keysDir, publishDir, now: later(4) });
    expect(afterRevoke.distribution).toMatchObject({ recipients: 1, change: 'rotated' });
    const rotated = afterRevoke.distribution.keyId;
    expect(rotated).not.toBe(first.distribution.keyId);
    expect(keyIdsFor(readerToken)).toEqual([rotated]);
    expect(keyIdsFor(otherToken)).toBe('not-listed');
    for (const target of afterRevoke.verified.targets) {
      if (target.custom.kind !== 'distribution-keys') expect(targetKeyId(target.file)).toBe(rotated);
    }
    // The old key stays while the previous version's targets are still served, then goes.
    expect(distributionKeyById(keysDir, first.distribution.keyId)).not.toBeNull();
    await publish({ db, keysDir, publishDir, now: later(5) });
    expect(distributionKeyById(keysDir, first.distribution.keyId)).toBeNull();
  });

  it('serves the previous version’s encrypted targets one publish longer, then removes them', async () => {
    const before = liveTargetEntries(publishDir).map((t) =>
      join(publishDir, 'targets', `${t.sha256}.${t.path}`),
    );
    const next = await publish({ db, keysDir, publishDir, now: later(6) });
    expect(before.every((file) => existsSync(file))).toBe(true);
    await publish({ db, keysDir, publishDir, now: later(7) });
    expect(before.filter((file) => existsSync(file))).toEqual([]);
    expect(existsSync(next.full.path)).toBe(true);
  });

  it('removes the plaintext replica a publisher before encryption left, at the first publish', async () => {
    const workDir = `${publishDir}.work`;
    const { file: plaintext } = rewriteAsPlaintextPublication(db, { publishDir, keysDir, workDir });
    const legacyVersion = (await verifyPublication(publishDir, trusted(), NOW).catch(() => null))
      ?.dataVersion;
    // verifyPublication knows only encrypted publications; a terminal before encryption took this one.
    expect(legacyVersion).toBeUndefined();
    expect(readableWithoutToken(readFileSync(plaintext))).toBe(true);

    const upgraded = await publish({ db, keysDir, publishDir, now: later(8) });
    expect(existsSync(plaintext)).toBe(false);
    expect(upgraded.removed).toBeGreaterThanOrEqual(1);
    expect(upgraded.deltas.map((d) => d.from)).toContain(upgraded.version - 1);
    for (const name of publishedFiles(publishDir).filter((n) => n.startsWith('targets/'))) {
      const encrypted = targetKeyId(join(publishDir, name)) !== null;
      expect(encrypted || name.endsWith(`.${DISTRIBUTION_KEYS_TARGET}`), name).toBe(true);
    }
  });
});
