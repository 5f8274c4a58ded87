/**
 * The publish directory's signed metadata, in The Update Framework's layout so any TUF client (tuf-js's
 * Updater included) can follow it: `N.root.json` (and `root.json`, the newest), `timestamp.json`,
 * `N.snapshot.json`, `N.targets.json`, and target files under `targets/` named `<sha256>.<path>`
 * (consistent snapshots), so every file but timestamp.json and root.json is immutable.
 */
import { createHash } from 'node:crypto';
import { MetaFile, Metadata, Root, Snapshot, TargetFile, Targets, Timestamp } from '@tufjs/models';
import type { PublishedTargetCustom } from '../../domain/published/publish-format';
import { signerOf, type SigningKey } from './signing-keys';

export const SPEC_VERSION = '1.0.31';

export type TufDocument = Metadata<Root> | Metadata<Targets> | Metadata<Snapshot> | Metadata<Timestamp>;

/** ISO 8601 without milliseconds, as TUF writes expiry times. */
export function tufTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 24 * 3600 * 1000);
}

export function serialize(document: TufDocument): Buffer {
  return Buffer.from(`${JSON.stringify(document.toJSON(), null, 1)}\n`, 'utf8');
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A root document: the root key signs roots; the online key signs targets, snapshot and timestamp. */
export function makeRoot(options: {
  version: number;
  expires: Date;
  rootKey: SigningKey;
  onlineKey: SigningKey;
}): Metadata<Root> {
  const root = new Root({
    version: options.version,
    specVersion: SPEC_VERSION,
    expires: tufTime(options.expires),
    consistentSnapshot: true,
  });
  // Each top-level role starts with no keys and a threshold of one.
  root.addKey(options.rootKey.key, 'root');
  for (const role of ['targets', 'snapshot', 'timestamp']) root.addKey(options.onlineKey.key, role);
  return new Metadata(root);
}

export function signWith(document: TufDocument, ...keys: SigningKey[]): TufDocument {
  for (const key of keys) document.sign(signerOf(key), true);
  return document;
}

export interface TargetEntry {
  /** The target's name; on disk it is `targets/<sha256>.<path>`. */
  path: string;
  length: number;
  sha256: string;
  custom: PublishedTargetCustom;
}

export function makeTargets(
  version: number,
  expires: Date,
  entries: readonly TargetEntry[],
): Metadata<Targets> {
  const targets: Record<string, TargetFile> = {};
  for (const entry of entries) {
    targets[entry.path] = new TargetFile({
      path: entry.path,
      length: entry.length,
      hashes: { sha256: entry.sha256 },
      unrecognizedFields: { custom: entry.custom },
    });
  }
  return new Metadata(
    new Targets({ version, specVersion: SPEC_VERSION, expires: tufTime(expires), targets }),
  );
}

export function makeSnapshot(version: number, expires: Date, targetsVersion: number): Metadata<Snapshot> {
  return new Metadata(
    new Snapshot({
      version,
      specVersion: SPEC_VERSION,
      expires: tufTime(expires),
      meta: { 'targets.json': new MetaFile({ version: targetsVersion }) },
    }),
  );
}

/** The timestamp names the snapshot by version, length and hash, so a swapped snapshot is caught. */
export function makeTimestamp(
  version: number,
  expires: Date,
  snapshot: { version: number; bytes: Buffer },
): Metadata<Timestamp> {
  return new Metadata(
    new Timestamp({
      version,
      specVersion: SPEC_VERSION,
      expires: tufTime(expires),
      snapshotMeta: new MetaFile({
        version: snapshot.version,
        length: snapshot.bytes.length,
        hashes: { sha256: sha256Hex(snapshot.bytes) },
      }),
    }),
  );
}
