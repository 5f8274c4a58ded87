/**
 * A small county in a fresh master database, for the publisher's tests: one township, one village, two
 * programs, `residents` persons with payments, a roster, a cadre whose spouse receives 低保, and an old roster
 * outside the publishing window. And publications re-signed the way only the holder of the online key could:
 * one as a publisher before target encryption wrote it, or with targets of one's choosing; and a check of
 * what a published file gives away to someone without a terminal's token.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Metadata, MetadataKind, type Targets, type Timestamp } from '@tufjs/models';
import { checkDigitOf } from '../../domain/id-number';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { writeCounty, writeSetting } from '../master/county-settings';
import { openMaster, type MasterDatabase } from '../master/open-master';
import { loadSigningKey } from './signing-keys';
import {
  addDays,
  makeSnapshot,
  makeTargets,
  makeTimestamp,
  serialize,
  sha256Hex,
  signWith,
  type TargetEntry,
} from './tuf-metadata';

export const FIXTURE_VILLAGE = '359901200200';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽娟', '䶮', '明', '淑珍', '国华', '玉兰'];
const SURNAMES = ['陈', '林', '黄', '张', '欧阳', '李', '王', '吴'];

/** Distinct for every index: a birth day per thousand residents from 1940-01-01, the index's last 3 digits. */
export function fixtureIdNumber(index: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(index / 1000) * 86400_000)
    .toISOString()
    .slice(0, 10);
  const first17 = `359901${birth.replaceAll('-', '')}${String(index % 1000).padStart(3, '0')}`;
  return first17 + checkDigitOf(first17);
}

export function fixtureName(index: number): string {
  return `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length]}`;
}

export function seedFixtureCounty(file: string, residents: number): MasterDatabase {
  const db = openMaster(file, { create: true });
  writeCounty(db, { code: '359901', name: '岚溪县', hotline: '12345' }, new Date('2026-01-01T00:00:00Z'));
  writeSetting(db, 'kdf', createKdfParams(TEST_KDF_COST));
  db.exec(`
    INSERT INTO regions (code, parent_code, level, name) VALUES
      ('359901', NULL, 'county', '岚溪县'),
      ('359901200', '359901', 'township', '梅山乡'),
      ('${FIXTURE_VILLAGE}', '359901200', 'village', '梅山村');
    INSERT INTO households (id, village_code) VALUES ('H1', '${FIXTURE_VILLAGE}');
    INSERT INTO programs VALUES
      ('dibao', '城乡低保', 'Minimum living allowance', 'social-assistance', '县民政局', '社会救助暂行办法', 81000,
       '元/人/月', 'yuan per person per month', 'monthly', '家庭人均收入低于当地低保标准', '申请、审核、公示、发放',
       '身份证、户口簿', '12345'),
      ('farmland-fertility', '耕地地力保护补贴', 'Farmland fertility subsidy', 'agriculture', '县农业农村局',
       '财农〔2016〕26号', 11250, '元/亩/年', 'yuan per mu per year', 'yearly', '承包耕地的农户', '核实面积、公示、发放',
       '承包合同', '12345');
  `);
  const person = db.prepare(
    `INSERT INTO persons (id, id_number, name, sex, birth_date, village_code, household_id, relation)
     VALUES (?, ?, ?, ?, ?, '${FIXTURE_VILLAGE}', ?, ?)`,
  );
  const payment = db.prepare(
    `INSERT INTO payments (person_id, program_code, period, quantity_milli, standard_fen, amount_fen, planned_date,
       paid_date, status, card_tail, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= residents; i++) {
      const id = fixtureIdNumber(i);
      const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
      person.run(
        i,
        id,
        fixtureName(i),
        sex,
        birth,
        i <= 2 ? 'H1' : null,
        i === 1 ? 'head' : i === 2 ? 'spouse' : null,
      );
      payment.run(
        i,
        'farmland-fertility',
        '2026',
        3500 + i,
        11250,
        Math.round(((3500 + i) * 11250) / 1000),
        '2026-04-15',
        '2026-04-15',
        'paid',
        '6217',
        '2026-农业-01',
      );
      if (i % 3 === 0 || i === 2) {
        payment.run(
          i,
          'dibao',
          '2026-05',
          null,
          81000,
          45600,
          '2026-05-10',
          '2026-05-12',
          'paid',
          '6217',
          '2026-05-民政-01',
        );
        payment.run(
          i,
          'dibao',
          '2026-06',
          null,
          81000,
          45600,
          '2026-06-10',
          null,
          'pending',
          '6217',
          '2026-06-民政-01',
        );
      }
    }
    db.exec(`
      INSERT INTO rosters (id, program_code, village_code, period, stage, posted_on, objections_until) VALUES
        (1, 'dibao', '${FIXTURE_VILLAGE}', '2026-05', 'after', '2026-05-15', NULL),
        (2, 'dibao', '${FIXTURE_VILLAGE}', '2022-05', 'after', '2022-05-15', NULL);
      INSERT INTO roster_entries (roster_id, person_id, amount_fen)
        SELECT 1, person_id, amount_fen FROM payments WHERE program_code = 'dibao' AND period = '2026-05';
      INSERT INTO roster_entries (roster_id, person_id, amount_fen) VALUES (2, 3, 40000);
      INSERT INTO cadres (id, person_id, village_code, post, term_start) VALUES (1, 1, '${FIXTURE_VILLAGE}', '村党支部书记', '2021-01-01');
    `);
  })();
  return db;
}

function liveTimestamp(publishDir: string): Metadata<Timestamp> {
  return Metadata.fromJSON(
    MetadataKind.Timestamp,
    JSON.parse(readFileSync(join(publishDir, 'timestamp.json'), 'utf8')),
  ) as Metadata<Timestamp>;
}

/** The targets the live timestamp leads to, as entries `resignLiveTargets` takes. */
export function liveTargetEntries(publishDir: string): TargetEntry[] {
  const version = liveTimestamp(publishDir).signed.snapshotMeta.version;
  const targets = Metadata.fromJSON(
    MetadataKind.Targets,
    JSON.parse(readFileSync(join(publishDir, `${version}.targets.json`), 'utf8')),
  ) as Metadata<Targets>;
  return Object.values(targets.signed.targets).map((t) => ({
    path: t.path,
    length: t.length,
    sha256: t.hashes['sha256']!,
    custom: t.unrecognizedFields['custom'] as TargetEntry['custom'],
  }));
}

/** Replaces the live version's targets with `entries`, re-signing targets, snapshot and a new timestamp. */
export function resignLiveTargets(
  publishDir: string,
  keysDir: string,
  entries: readonly TargetEntry[],
  now = new Date(),
): void {
  const live = liveTimestamp(publishDir);
  const version = live.signed.snapshotMeta.version;
  const onlineKey = loadSigningKey(keysDir, 'online');
  const expires = addDays(now, 365);
  writeFileSync(
    join(publishDir, `${version}.targets.json`),
    serialize(signWith(makeTargets(version, expires, entries), onlineKey)),
  );
  const snapshotBytes = serialize(signWith(makeSnapshot(version, expires, version), onlineKey));
  writeFileSync(join(publishDir, `${version}.snapshot.json`), snapshotBytes);
  const timestamp = makeTimestamp(live.signed.version + 1, addDays(now, 7), {
    version,
    bytes: snapshotBytes,
  });
  writeFileSync(join(publishDir, 'timestamp.json'), serialize(signWith(timestamp, onlineKey)));
}

/**
 * Turns the live publication into what the publisher wrote before targets were encrypted: the full replica
 * only gzipped (`targets/<sha256>.replica.db.gz`), no distribution keys, and the master database's record of
 * the version pointing at that file.
 */
export function rewriteAsPlaintextPublication(
  db: MasterDatabase,
  dirs: { publishDir: string; keysDir: string; workDir: string },
): { file: string } {
  const version = liveTimestamp(dirs.publishDir).signed.snapshotMeta.version;
  const replica = readFileSync(join(dirs.workDir, `replica-${version}.db`));
  const gzipped = gzipSync(replica);
  const sha256 = sha256Hex(gzipped);
  for (const name of readdirSync(join(dirs.publishDir, 'targets'))) {
    rmSync(join(dirs.publishDir, 'targets', name));
  }
  const path = 'replica.db.gz';
  const file = join(dirs.publishDir, 'targets', `${sha256}.${path}`);
  writeFileSync(file, gzipped);
  const custom = {
    kind: 'full',
    dataVersion: version,
    schemaVersion: 2,
    uncompressedLength: replica.length,
    uncompressedSha256: sha256Hex(replica),
  } as unknown as TargetEntry['custom'];
  resignLiveTargets(dirs.publishDir, dirs.keysDir, [{ path, length: gzipped.length, sha256, custom }]);
  db.prepare(
    'UPDATE publishes SET snapshot_path = ?, snapshot_sha256 = ?, snapshot_length = ? WHERE version = ?',
  ).run(join('targets', `${sha256}.${path}`), sha256, gzipped.length, version);
  return { file };
}

/** Every file a static host would serve from the publish directory, by its name relative to it. */
export function publishedFiles(publishDir: string): string[] {
  return readdirSync(publishDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(publishDir, join(entry.parentPath, entry.name)));
}

/**
 * Whether a file fetched from the publish directory gives away a replica to someone without a terminal's
 * token: an SQLite file in the bytes, or after gunzip, zlib or raw inflate, of the bytes themselves or of any
 * hex or base64 string in them when they are JSON.
 */
export function readableWithoutToken(bytes: Buffer): boolean {
  const candidates: Buffer[] = [bytes];
  try {
    JSON.parse(bytes.toString('utf8'), (_key, value: unknown) => {
      if (typeof value === 'string' && value.length >= 16) {
        if (/^[0-9a-f]+$/.test(value)) candidates.push(Buffer.from(value, 'hex'));
        candidates.push(Buffer.from(value, 'base64'));
      }
      return value;
    });
  } catch {
    // not JSON: the bytes alone
  }
  const sqlite = (b: Buffer) => b.includes(Buffer.from('SQLite format 3'));
  return candidates.some((candidate) => {
    if (sqlite(candidate)) return true;
    return [gunzipSync, inflateSync, inflateRawSync].some((inflate) => {
      try {
        return sqlite(inflate(candidate));
      } catch {
        return false;
      }
    });
  });
}
