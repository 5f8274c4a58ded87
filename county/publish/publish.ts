/**
 * One publish: a new data version built from the master database, written to the publish directory as a
 * full replica and deltas from recent versions, gzipped and encrypted under the county's distribution key
 * (content-addressed, immutable), the key wrapped for each terminal allowed to read (distribution-keys.json),
 * then signed TUF metadata with timestamp.json written last, so a terminal sees the old publication or the
 * whole new one. Target files no longer served are removed after that. The master database is held in one
 * write transaction throughout: the replica is one consistent moment, and imports wait until the publish is
 * done.
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
import { Metadata, MetadataKind, type Targets, type Timestamp } from '@tufjs/models';
import { shanghaiDate } from '../../domain/dates';
import {
  DISTRIBUTION_KEYS_TARGET,
  FULL_TARGET,
  deltaTarget,
  publishedTargetCustomSchema,
  type TargetCustom,
} from '../../domain/published/publish-format';
import { REPLICA_SCHEMA_VERSION } from '../../domain/published/replica-format';
import { readCounty, readKdf, readSetting } from '../master/county-settings';
import type { MasterDatabase } from '../master/open-master';
import { PUBLIC_FILE_MODE, durableRename, writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import { writeReplica } from '../replica/write-replica';
import {
  distributionKeyById,
  prepareDistribution,
  pruneDistributionKeys,
  readingTerminals,
  type Distribution,
} from './distribution-keys';
import { gzipEncryptFile, openTargetFile, targetKeyId } from './gzip-file';
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
  sha256Hex,
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
  /** The distribution key of this version, how many terminals may read it, and whether the key is new. */
  distribution: { keyId: string; recipients: number; change: Distribution['change'] };
  /** Target files removed because no current publication names them any more. */
  removed: number;
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

/** The live timestamp's version and the targets version it leads to (0 and null before the first publish). */
function previousTimestamp(publishDir: string): { version: number; targetsVersion: number | null } {
  const file = join(publishDir, 'timestamp.json');
  if (!existsSync(file)) return { version: 0, targetsVersion: null };
  const timestamp = Metadata.fromJSON(
    MetadataKind.Timestamp,
    JSON.parse(readFileSync(file, 'utf8')),
  ) as Metadata<Timestamp>;
  // This publisher gives a snapshot the version of the targets it names.
  return { version: timestamp.signed.version, targetsVersion: timestamp.signed.snapshotMeta.version };
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

    // Read inside the transaction, so a terminal revoked before this publish is left out of it.
    const distribution = prepareDistribution(keysDir, readingTerminals(db), now);
    const encryption = { keyId: distribution.key.keyId };
    const entries: TargetEntry[] = [];
    const fullTemp = join(publishDir, 'targets', `.${FULL_TARGET}.${version}.tmp`);
    rmSync(fullTemp, { force: true });
    const full = await gzipEncryptFile(replicaFile, fullTemp, distribution.key);
    const fullFile = contentAddress(publishDir, fullTemp, full.encrypted.sha256, FULL_TARGET);
    const fullCustom: TargetCustom = {
      kind: 'full',
      dataVersion: version,
      schemaVersion: REPLICA_SCHEMA_VERSION,
      uncompressedLength: full.plain.length,
      uncompressedSha256: full.plain.sha256,
      encryption,
    };
    entries.push({ path: FULL_TARGET, ...full.encrypted, custom: fullCustom });

    const previous = db
      .prepare('SELECT version, snapshot_path AS path FROM publishes ORDER BY version DESC LIMIT ?')
      .all(options.deltas ?? 3) as { version: number; path: string }[];
    const deltas: PublishResult['deltas'] = [];
    for (const base of previous) {
      const baseReplica = join(workDir, `replica-${base.version}.db`);
      if (
        !existsSync(baseReplica) &&
        !(await openPublishedFull(keysDir, join(publishDir, base.path), baseReplica))
      )
        continue;
      const plainDelta = join(workDir, `delta-${base.version}-${version}.db`);
      rmSync(plainDelta, { force: true });
      const counts = makeDelta(baseReplica, replicaFile, plainDelta, { base: base.version, data: version });
      const name = deltaTarget(base.version);
      const temp = join(publishDir, 'targets', `.${name}.${version}.tmp`);
      rmSync(temp, { force: true });
      const digests = await gzipEncryptFile(plainDelta, temp, distribution.key);
      rmSync(plainDelta);
      const file = contentAddress(publishDir, temp, digests.encrypted.sha256, name);
      entries.push({
        path: name,
        ...digests.encrypted,
        custom: {
          kind: 'delta',
          dataVersion: version,
          schemaVersion: REPLICA_SCHEMA_VERSION,
          baseVersion: base.version,
          uncompressedLength: digests.plain.length,
          uncompressedSha256: digests.plain.sha256,
          encryption,
        },
      });
      deltas.push({ from: base.version, path: file, length: digests.encrypted.length, ...counts });
    }

    const keysTemp = join(publishDir, 'targets', `.${DISTRIBUTION_KEYS_TARGET}.${version}.tmp`);
    const keysBytes = Buffer.from(`${JSON.stringify(distribution.document)}\n`, 'utf8');
    writeFileSync(keysTemp, keysBytes, { mode: PUBLIC_FILE_MODE });
    const keysDigest = { length: keysBytes.length, sha256: sha256Hex(keysBytes) };
    contentAddress(publishDir, keysTemp, keysDigest.sha256, DISTRIBUTION_KEYS_TARGET);
    entries.push({ path: DISTRIBUTION_KEYS_TARGET, ...keysDigest, custom: { kind: 'distribution-keys' } });

    copyRootChain(keysDir, publishDir);
    const longExpiry = addDays(now, TARGETS_EXPIRY_DAYS);
    const targets = signWith(makeTargets(version, longExpiry, entries), onlineKey);
    writeFileAtomically(join(publishDir, `${version}.targets.json`), serialize(targets), PUBLIC_FILE_MODE);
    const snapshotBytes = serialize(signWith(makeSnapshot(version, longExpiry, version), onlineKey));
    writeFileAtomically(join(publishDir, `${version}.snapshot.json`), snapshotBytes, PUBLIC_FILE_MODE);
    const live = previousTimestamp(publishDir);
    const timestamp = makeTimestamp(live.version + 1, addDays(now, expiryDays), {
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
      join('targets', `${full.encrypted.sha256}.${FULL_TARGET}`),
      full.encrypted.sha256,
      full.encrypted.length,
      sealing.residents,
      payments,
    );
    // Recorded before it goes live: a version number is never handed out twice, even if the rename fails.
    db.exec('COMMIT');
    durableRename(staged, join(publishDir, 'timestamp.json'));

    const kept = servedTargets(publishDir, entries, live.targetsVersion);
    const removed = pruneTargets(publishDir, kept.files);
    pruneDistributionKeys(keysDir, kept.keyIds);
    pruneWorkDir(workDir, version, options.deltas ?? 3);
    return {
      version,
      residents: sealing.residents,
      payments,
      sealing,
      full: { path: fullFile, length: full.encrypted.length, replicaLength: full.plain.length },
      deltas,
      distribution: {
        keyId: distribution.key.keyId,
        recipients: distribution.recipients,
        change: distribution.change,
      },
      removed,
      verified,
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * A previous version's full replica from the publish directory, decrypted into `out`; false when the file or
 * its key is gone, or it was written before targets were encrypted (no delta from it then: a schema-2 base
 * differs from schema 3 in every sealed record anyway, so its terminals take the full replica).
 */
async function openPublishedFull(keysDir: string, published: string, out: string): Promise<boolean> {
  if (!existsSync(published)) return false;
  const keyId = targetKeyId(published);
  const key = keyId === null ? null : distributionKeyById(keysDir, keyId);
  if (key === null) return false;
  await openTargetFile(published, out, key);
  return true;
}

/**
 * The target files still served after this publish, and the distribution keys they need: those this
 * version names, and the encrypted ones of the version it replaces, for a terminal (or a cache in front of
 * the county) that read the previous timestamp a moment ago and is still downloading. A plaintext target
 * of a publisher before encryption is never kept.
 */
function servedTargets(
  publishDir: string,
  entries: readonly TargetEntry[],
  previousTargetsVersion: number | null,
): { files: Set<string>; keyIds: Set<string> } {
  const files = new Set<string>();
  const keyIds = new Set<string>();
  const keep = (path: string, sha256: string, custom: unknown) => {
    const parsed = publishedTargetCustomSchema.safeParse(custom);
    if (!parsed.success) return;
    files.add(`${sha256}.${path}`);
    if (parsed.data.kind !== 'distribution-keys') keyIds.add(parsed.data.encryption.keyId);
  };
  for (const entry of entries) keep(entry.path, entry.sha256, entry.custom);
  const previousFile = join(publishDir, `${previousTargetsVersion}.targets.json`);
  if (previousTargetsVersion !== null && existsSync(previousFile)) {
    try {
      const previous = Metadata.fromJSON(
        MetadataKind.Targets,
        JSON.parse(readFileSync(previousFile, 'utf8')),
      ) as Metadata<Targets>;
      for (const target of Object.values(previous.signed.targets)) {
        keep(target.path, target.hashes['sha256'] ?? '', target.unrecognizedFields['custom']);
      }
    } catch {
      // An unreadable previous targets.json keeps nothing of its own.
    }
  }
  return { files, keyIds };
}

/** Removes content-addressed target files not in `kept`; answers how many went. */
function pruneTargets(publishDir: string, kept: ReadonlySet<string>): number {
  let removed = 0;
  for (const name of readdirSync(join(publishDir, 'targets'))) {
    if (!/^[0-9a-f]{64}\./.test(name) || kept.has(name)) continue;
    rmSync(join(publishDir, 'targets', name));
    removed++;
  }
  return removed;
}

/** Keeps the plain replicas the next publish needs for its deltas. */
function pruneWorkDir(workDir: string, version: number, keep: number): void {
  for (const name of readdirSync(workDir)) {
    const match = /^replica-(\d+)\.db$/.exec(name);
    if (match && Number(match[1]) <= version - keep) rmSync(join(workDir, name));
  }
}
