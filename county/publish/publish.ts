/**
 * One publish: a new data version built from the master database, written to the publish directory as a
 * gzipped full replica and deltas from recent versions (content-addressed, immutable), then signed TUF
 * metadata with timestamp.json written last, so a terminal sees the old publication or the whole new one.
 * The master database is held in one write transaction throughout: the replica is one consistent moment,
 * and imports wait until the publish is done.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Metadata, MetadataKind, type Timestamp } from '@tufjs/models';
import { shanghaiDate } from '../../domain/dates';
import { FULL_TARGET, deltaTarget, type TargetCustom } from '../../domain/published/publish-format';
import { REPLICA_SCHEMA_VERSION } from '../../domain/published/replica-format';
import { readCounty, readKdf, readSetting } from '../master/county-settings';
import type { MasterDatabase } from '../master/open-master';
import { PUBLIC_FILE_MODE, durableRename, writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import { writeReplica } from '../replica/write-replica';
import { gunzipFile, gzipFile } from './gzip-file';
import { makeDelta } from './make-delta';
import { publicTables } from './public-tables';
import { readRoot, rootsDir, rootVersions } from './root-chain';
import { sealFromMaster, type SealingStats } from './sealing-cache';
import { loadSigningKey, SigningKeyError } from './signing-keys';
import {
  addDays,
  makeSnapshot,
  makeTargets,
  makeTimestamp,
  serialize,
  signWith,
  type TargetEntry,
} from './tuf-metadata';
import { verifyPublication, type VerifiedPublication } from './verify-publication';

export class PublishError extends Error {}

/** Targets and snapshot outlive the timestamp, so the county can re-sign the timestamp alone. */
const TARGETS_EXPIRY_DAYS = 365;

export interface PublishOptions {
  db: MasterDatabase;
  keysDir: string;
  publishDir: string;
  /** Plain replicas of recent versions, kept to compute deltas (default: `<publishDir>.work`). */
  workDir?: string;
  now?: Date;
  /** Deltas from this many previous versions (default 3). */
  deltas?: number;
  concurrency?: number;
  onProgress?: (step: 'seal', residents: number) => void;
}

export interface PublishResult {
  version: number;
  residents: number;
  payments: number;
  sealing: SealingStats;
  full: { path: string; length: number; replicaLength: number };
  deltas: { from: number; path: string; length: number; puts: number; deletes: number }[];
  verified: VerifiedPublication;
}

function contentAddress(publishDir: string, temp: string, sha256: string, name: string): string {
  const file = join(publishDir, 'targets', `${sha256}.${name}`);
  if (existsSync(file)) rmSync(temp);
  else durableRename(temp, file);
  return file;
}

function copyRootChain(keysDir: string, publishDir: string): number {
  const versions = rootVersions(keysDir);
  const latest = versions.at(-1);
  if (latest === undefined)
    throw new SigningKeyError(`no root document in ${rootsDir(keysDir)}; run 'huimin-county keygen'`);
  for (const version of versions) {
    const target = join(publishDir, `${version}.root.json`);
    if (!existsSync(target)) copyFileSync(join(rootsDir(keysDir), `${version}.root.json`), target);
  }
  writeFileAtomically(
    join(publishDir, 'root.json'),
    readFileSync(join(rootsDir(keysDir), `${latest}.root.json`)),
    PUBLIC_FILE_MODE,
  );
  return latest;
}

function previousTimestampVersion(publishDir: string): number {
  const file = join(publishDir, 'timestamp.json');
  if (!existsSync(file)) return 0;
  const timestamp = Metadata.fromJSON(
    MetadataKind.Timestamp,
    JSON.parse(readFileSync(file, 'utf8')),
  ) as Metadata<Timestamp>;
  return timestamp.signed.version;
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { db, keysDir, publishDir } = options;
  const now = options.now ?? new Date();
  const workDir = options.workDir ?? `${publishDir.replace(/\/+$/, '')}.work`;
  const county = readCounty(db);
  const kdf = readKdf(db);
  if (!county || !kdf)
    throw new PublishError("the master database has no county yet; run 'huimin-county init'");
  const onlineKey = loadSigningKey(keysDir, 'online');
  const trustedRoot = readRoot(join(rootsDir(keysDir), '1.root.json'));
  mkdirSync(join(publishDir, 'targets'), { recursive: true });
  // The work directory keeps plain replicas for the next deltas: not for anyone else's eyes.
  ensurePrivateDir(workDir);

  db.exec('BEGIN IMMEDIATE');
  try {
    const version =
      ((db.prepare('SELECT max(version) FROM publishes').pluck().get() as number | null) ?? 0) + 1;
    const windowMonths = readSetting(db, 'roster_window_months') ?? 24;
    const expiryDays = readSetting(db, 'manifest_expiry_days') ?? 7;
    const replicaFile = join(workDir, `replica-${version}.db`);
    const sealing: SealingStats = { residents: 0, derived: 0, resealed: 0, reused: 0 };
    await writeReplica(replicaFile, {
      meta: {
        dataVersion: version,
        dataAsOf: now.toISOString(),
        countyName: county.name,
        hotline: county.hotline,
        kdf,
      },
      tables: publicTables(db, shanghaiDate(now), windowMonths),
      sealed: sealFromMaster(db, kdf, sealing, {
        concurrency: options.concurrency,
        onProgress: (n) => options.onProgress?.('seal', n),
      }),
    });

    const entries: TargetEntry[] = [];
    const fullTemp = join(publishDir, 'targets', `.${FULL_TARGET}.${version}.tmp`);
    rmSync(fullTemp, { force: true });
    const full = await gzipFile(replicaFile, fullTemp);
    const fullFile = contentAddress(publishDir, fullTemp, full.gzipped.sha256, FULL_TARGET);
    const fullCustom: TargetCustom = {
      kind: 'full',
      dataVersion: version,
      schemaVersion: REPLICA_SCHEMA_VERSION,
      uncompressedLength: full.plain.length,
      uncompressedSha256: full.plain.sha256,
    };
    entries.push({ path: FULL_TARGET, ...full.gzipped, custom: fullCustom });

    const previous = db
      .prepare('SELECT version, snapshot_path AS path FROM publishes ORDER BY version DESC LIMIT ?')
      .all(options.deltas ?? 3) as { version: number; path: string }[];
    const deltas: PublishResult['deltas'] = [];
    for (const base of previous) {
      const baseReplica = join(workDir, `replica-${base.version}.db`);
      if (!existsSync(baseReplica)) {
        const published = join(publishDir, base.path);
        if (!existsSync(published)) continue;
        await gunzipFile(published, baseReplica);
      }
      const plainDelta = join(workDir, `delta-${base.version}-${version}.db`);
      rmSync(plainDelta, { force: true });
      const counts = makeDelta(baseReplica, replicaFile, plainDelta, { base: base.version, data: version });
      const name = deltaTarget(base.version);
      const temp = join(publishDir, 'targets', `.${name}.${version}.tmp`);
      rmSync(temp, { force: true });
      const digests = await gzipFile(plainDelta, temp);
      rmSync(plainDelta);
      const file = contentAddress(publishDir, temp, digests.gzipped.sha256, name);
      entries.push({
        path: name,
        ...digests.gzipped,
        custom: {
          kind: 'delta',
          dataVersion: version,
          schemaVersion: REPLICA_SCHEMA_VERSION,
          baseVersion: base.version,
          uncompressedLength: digests.plain.length,
          uncompressedSha256: digests.plain.sha256,
        },
      });
      deltas.push({ from: base.version, path: file, length: digests.gzipped.length, ...counts });
    }

    copyRootChain(keysDir, publishDir);
    const longExpiry = addDays(now, TARGETS_EXPIRY_DAYS);
    const targets = signWith(makeTargets(version, longExpiry, entries), onlineKey);
    writeFileAtomically(join(publishDir, `${version}.targets.json`), serialize(targets), PUBLIC_FILE_MODE);
    const snapshotBytes = serialize(signWith(makeSnapshot(version, longExpiry, version), onlineKey));
    writeFileAtomically(join(publishDir, `${version}.snapshot.json`), snapshotBytes, PUBLIC_FILE_MODE);
    const timestamp = makeTimestamp(previousTimestampVersion(publishDir) + 1, addDays(now, expiryDays), {
      version,
      bytes: snapshotBytes,
    });
    // Everything is checked from disk, as a terminal would, before the commit point for terminals: until
    // timestamp.json is renamed into place they see the previous publication.
    const staged = join(publishDir, '.timestamp.json.staged');
    writeFileSync(staged, serialize(signWith(timestamp, onlineKey)));
    const verified = await verifyPublication(publishDir, trustedRoot, now, '.timestamp.json.staged');

    const payments = db.prepare('SELECT count(*) FROM payments').pluck().get() as number;
    db.prepare(
      `INSERT INTO publishes (version, published_at, expires_at, snapshot_path, snapshot_sha256, snapshot_length,
         residents, payments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      version,
      now.toISOString(),
      addDays(now, expiryDays).toISOString(),
      join('targets', `${full.gzipped.sha256}.${FULL_TARGET}`),
      full.gzipped.sha256,
      full.gzipped.length,
      sealing.residents,
      payments,
    );
    // Recorded before it goes live: a version number is never handed out twice, even if the rename fails.
    db.exec('COMMIT');
    durableRename(staged, join(publishDir, 'timestamp.json'));

    pruneWorkDir(workDir, version, options.deltas ?? 3);
    return {
      version,
      residents: sealing.residents,
      payments,
      sealing,
      full: { path: fullFile, length: full.gzipped.length, replicaLength: full.plain.length },
      deltas,
      verified,
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Keeps the plain replicas the next publish needs for its deltas. */
function pruneWorkDir(workDir: string, version: number, keep: number): void {
  for (const name of readdirSync(workDir)) {
    const match = /^replica-(\d+)\.db$/.exec(name);
    if (match && Number(match[1]) <= version - keep) rmSync(join(workDir, name));
  }
}
