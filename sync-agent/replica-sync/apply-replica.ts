/**
 * Puts a verified target into service. The new replica is built beside the old one (decrypted, gunzipped and
 * checked, or the old one copied and the delta applied to the copy in one transaction), checked with
 * `PRAGMA integrity_check` and its meta, synced to disk, then renamed over the old file: the app (which
 * reopens on a new inode) always reads one complete version, and a crash at any instant leaves the old file
 * or the new one. On any failure the old replica is untouched and the temporary files are removed.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, createWriteStream, existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import Database from 'better-sqlite3';
import {
  DELTA_BASE_SCHEMA_VERSIONS,
  deltaApplyStatements,
  type TargetCustom,
} from '../../domain/published/publish-format';
import {
  TargetDecryptionError,
  decryptingStream,
  type DistributionKey,
} from '../../domain/published/target-encryption.nodejs';
import {
  REPLICA_SCHEMA_VERSION,
  replicaMetaSchema,
  type ReplicaMeta,
} from '../../domain/published/replica-format';
import type { ChosenTarget } from './choose-target';
import { durableRename } from '../../domain/durable-file.nodejs';
import { PRIVATE_FILE_MODE, tightenPrivateFile } from '../../domain/private-files.nodejs';
import { refused } from './sync-error';

/** Temporary files of a sync sit beside the replica (same file system, so the rename is atomic). */
function tempPrefix(replica: string): string {
  return `.${basename(replica)}.sync-`;
}

function tempFile(replica: string, what: string): string {
  return join(dirname(replica), `${tempPrefix(replica)}${process.pid}.${what}`);
}

/** Removes what an interrupted sync left beside the replica (SQLite journals included). */
export function removeStaleTemps(replica: string): void {
  const dir = dirname(replica);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(tempPrefix(replica))) rmSync(join(dir, name), { force: true });
  }
}

function readMeta(db: Database.Database): ReplicaMeta | null {
  try {
    const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const parsed = replicaMetaSchema.safeParse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The data version the replica holds, or null when there is none (or it cannot be read, or is of a schema no
 * delta applies to: then a full one).
 */
export function heldVersion(replica: string): number | null {
  if (!existsSync(replica)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(replica, { readonly: true, fileMustExist: true });
    const meta = readMeta(db);
    return meta && DELTA_BASE_SCHEMA_VERSIONS.has(meta.schemaVersion) ? meta.dataVersion : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Decrypts and gunzips into `out`, refusing more bytes than announced (a gzip bomb) or any other content.
 * Until the pipeline ends without error (the GCM tag verified, the length and hash checked) `out` is not
 * used; on error it is removed with the other temporary files.
 */
async function openChecked(
  encrypted: string,
  out: string,
  custom: TargetCustom,
  path: string,
  key: DistributionKey,
): Promise<void> {
  const hash = createHash('sha256');
  let length = 0;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      length += chunk.length;
      if (length > custom.uncompressedLength) {
        done(refused(`${path} unpacks to more than its signed ${custom.uncompressedLength} bytes`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      createReadStream(encrypted),
      decryptingStream(key),
      createGunzip(),
      check,
      createWriteStream(out, { mode: PRIVATE_FILE_MODE }),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'SyncError') throw error;
    if (error instanceof TargetDecryptionError) throw refused(`${path} does not decrypt: ${error.message}`);
    throw refused(`${path} is not a valid gzip file (${(error as Error).message})`);
  }
  if (length !== custom.uncompressedLength || hash.digest('hex') !== custom.uncompressedSha256) {
    throw refused(`${path} unpacks to other content than its signed length and SHA-256`);
  }
}

function checkReplica(db: Database.Database, dataVersion: number, path: string): void {
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok')
    throw refused(`${path}: the new replica fails its integrity check (${String(integrity)})`);
  const meta = readMeta(db);
  if (!meta) throw refused(`${path}: the new replica's meta table is unreadable`);
  if (meta.schemaVersion !== REPLICA_SCHEMA_VERSION) {
    throw refused(`${path}: the new replica has schema ${meta.schemaVersion}, not ${REPLICA_SCHEMA_VERSION}`);
  }
  if (meta.dataVersion !== dataVersion) {
    throw refused(`${path}: the new replica holds version ${meta.dataVersion}, not ${dataVersion}`);
  }
}

function installFull(plain: string, replica: string, target: ChosenTarget): void {
  const db = new Database(plain, { readonly: true, fileMustExist: true });
  try {
    checkReplica(db, target.custom.dataVersion, target.path);
  } finally {
    db.close();
  }
  durableRename(plain, replica);
}

function installDelta(plainDelta: string, replica: string, target: ChosenTarget, base: number): void {
  const next = tempFile(replica, 'new');
  // The replica is only ever replaced by rename, never written in place, so this copy is one whole version.
  copyFileSync(replica, next);
  // A copy keeps the old file's mode, which an earlier version made 0644.
  tightenPrivateFile(next);
  const db = new Database(next, { fileMustExist: true });
  try {
    // Nothing needs rolling back here: on failure the copy is thrown away; it is synced before the rename.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.prepare('ATTACH DATABASE ? AS delta').run(plainDelta);
    const meta = db
      .prepare('SELECT base_version AS base, data_version AS data FROM delta.delta_meta')
      .all() as {
      base: number;
      data: number;
    }[];
    if (meta.length !== 1 || meta[0]!.base !== base || meta[0]!.data !== target.custom.dataVersion) {
      throw refused(`${target.path} is not a delta from version ${base} to ${target.custom.dataVersion}`);
    }
    const heldMeta = readMeta(db);
    if (heldMeta?.dataVersion !== base) throw refused(`the replica no longer holds version ${base}`);
    const statements = deltaApplyStatements({ replica: 'main', delta: 'delta' }).map((sql) =>
      db.prepare(sql),
    );
    db.transaction(() => {
      for (const statement of statements) statement.run();
    })();
    db.exec('DETACH DATABASE delta');
    checkReplica(db, target.custom.dataVersion, target.path);
  } finally {
    db.close();
  }
  durableRename(next, replica);
}

/** Applies a downloaded, verified target to the replica; `base` is the version the replica holds. */
export async function applyTarget(options: {
  replica: string;
  downloaded: string;
  target: ChosenTarget;
  base: number | null;
  /** The distribution key the target's custom fields name. */
  key: DistributionKey;
}): Promise<void> {
  const { replica, target } = options;
  const plain = tempFile(replica, target.custom.kind === 'full' ? 'new' : 'delta');
  try {
    await openChecked(options.downloaded, plain, target.custom, target.path, options.key);
    if (target.custom.kind === 'full') installFull(plain, replica, target);
    else {
      if (options.base === null) throw refused(`${target.path} needs a replica to apply to`);
      installDelta(plain, replica, target, options.base);
    }
  } finally {
    removeStaleTemps(replica);
  }
}
