/**
 * Verifies a publish directory the way a terminal does, from a trusted root: the root chain, then
 * timestamp → snapshot → targets (signatures, versions, expiry, lengths and hashes), then every target
 * file: data targets encrypted under the key their custom fields name, distribution-keys.json readable. The
 * publisher runs it on what it just wrote; tests run it on tampered copies.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  Metadata,
  MetadataKind,
  type Root,
  type Snapshot,
  type Targets,
  type Timestamp,
} from '@tufjs/models';
import {
  distributionKeysSchema,
  publishedTargetCustomSchema,
  type PublishedTargetCustom,
} from '../../domain/published/publish-format';
import { sha256File } from '../../domain/file-digest.nodejs';
import { targetKeyId } from './gzip-file';

export class PublicationError extends Error {}

export interface VerifiedTarget {
  path: string;
  file: string;
  length: number;
  sha256: string;
  custom: PublishedTargetCustom;
}

export interface VerifiedPublication {
  rootVersion: number;
  dataVersion: number;
  timestampVersion: number;
  expires: string;
  targets: VerifiedTarget[];
}

function load<T extends MetadataKind>(file: string, kind: T): { bytes: Buffer; document: Metadata<never> } {
  if (!existsSync(file)) throw new PublicationError(`${file} is missing`);
  const bytes = readFileSync(file);
  try {
    return {
      bytes,
      document: Metadata.fromJSON(
        kind as MetadataKind.Root,
        JSON.parse(bytes.toString('utf8')),
      ) as Metadata<never>,
    };
  } catch (error) {
    throw new PublicationError(`${file} is not valid ${kind} metadata: ${(error as Error).message}`);
  }
}

function verifySigned(signer: Metadata<Root>, role: string, document: Metadata<never>, file: string): void {
  try {
    signer.verifyDelegate(role, document);
  } catch {
    throw new PublicationError(`${file} is not signed by the county's ${role} key`);
  }
}

export async function verifyPublication(
  publishDir: string,
  trustedRoot: Metadata<Root>,
  now: Date,
  /** The publisher checks a staged timestamp before it puts it in place. */
  timestampName = 'timestamp.json',
): Promise<VerifiedPublication> {
  let root = trustedRoot;
  for (let version = root.signed.version + 1; ; version++) {
    const file = join(publishDir, `${version}.root.json`);
    if (!existsSync(file)) break;
    const next = load(file, MetadataKind.Root).document as unknown as Metadata<Root>;
    verifySigned(root, 'root', next as never, file);
    verifySigned(next, 'root', next as never, file);
    if (next.signed.version !== version)
      throw new PublicationError(`${file} claims version ${next.signed.version}`);
    root = next;
  }
  if (root.signed.isExpired(now))
    throw new PublicationError(`the root document expired at ${root.signed.expires}`);

  const timestampFile = join(publishDir, timestampName);
  const timestamp = load(timestampFile, MetadataKind.Timestamp).document as unknown as Metadata<Timestamp>;
  verifySigned(root, 'timestamp', timestamp as never, timestampFile);
  if (timestamp.signed.isExpired(now)) {
    throw new PublicationError(`${timestampName} expired at ${timestamp.signed.expires}`);
  }

  const snapshotMeta = timestamp.signed.snapshotMeta;
  const snapshotFile = join(publishDir, `${snapshotMeta.version}.snapshot.json`);
  const snapshotLoaded = load(snapshotFile, MetadataKind.Snapshot);
  try {
    snapshotMeta.verify(snapshotLoaded.bytes);
  } catch {
    throw new PublicationError(`${snapshotFile} does not match the length and hash timestamp.json gives`);
  }
  const snapshot = snapshotLoaded.document as unknown as Metadata<Snapshot>;
  verifySigned(root, 'snapshot', snapshot as never, snapshotFile);
  if (snapshot.signed.version !== snapshotMeta.version)
    throw new PublicationError(`${snapshotFile} has the wrong version`);
  if (snapshot.signed.isExpired(now))
    throw new PublicationError(`${snapshotFile} expired at ${snapshot.signed.expires}`);

  const targetsMeta = snapshot.signed.meta['targets.json'];
  if (!targetsMeta) throw new PublicationError(`${snapshotFile} names no targets.json`);
  const targetsFile = join(publishDir, `${targetsMeta.version}.targets.json`);
  const targets = load(targetsFile, MetadataKind.Targets).document as unknown as Metadata<Targets>;
  verifySigned(root, 'targets', targets as never, targetsFile);
  if (targets.signed.version !== targetsMeta.version)
    throw new PublicationError(`${targetsFile} has the wrong version`);
  if (targets.signed.isExpired(now))
    throw new PublicationError(`${targetsFile} expired at ${targets.signed.expires}`);

  const verified: VerifiedTarget[] = [];
  for (const target of Object.values(targets.signed.targets)) {
    const sha256 = target.hashes['sha256'] ?? '';
    const file = join(publishDir, 'targets', `${sha256}.${target.path}`);
    if (!existsSync(file)) throw new PublicationError(`target ${target.path} is missing (${file})`);
    if (statSync(file).size !== target.length || (await sha256File(file)) !== sha256) {
      throw new PublicationError(`target ${target.path} does not match its signed length and hash`);
    }
    const custom = publishedTargetCustomSchema.safeParse(target.custom);
    if (!custom.success) throw new PublicationError(`target ${target.path} has unreadable custom fields`);
    if (custom.data.kind === 'distribution-keys') {
      let readable = false;
      try {
        readable = distributionKeysSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))).success;
      } catch {
        // not JSON: reported below
      }
      if (!readable) throw new PublicationError(`target ${target.path} is not a distribution-keys document`);
    } else if (targetKeyId(file) !== custom.data.encryption.keyId) {
      throw new PublicationError(
        `target ${target.path} is not encrypted under distribution key ${custom.data.encryption.keyId}`,
      );
    }
    verified.push({ path: target.path, file, length: target.length, sha256, custom: custom.data });
  }
  if (
    verified.some((t) => t.custom.kind !== 'distribution-keys') &&
    !verified.some((t) => t.custom.kind === 'distribution-keys')
  ) {
    throw new PublicationError(`${targetsFile} names data but no distribution keys for terminals`);
  }
  return {
    rootVersion: root.signed.version,
    dataVersion: targets.signed.version,
    timestampVersion: timestamp.signed.version,
    expires: timestamp.signed.expires,
    targets: verified,
  };
}
