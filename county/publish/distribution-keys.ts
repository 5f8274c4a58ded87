/**
 * The county's distribution keys (docs/adr/0002-target-encryption.md): `<keys>/distribution/<keyId>.json`,
 * owner-only, beside the signing keys. The newest (highest serial) is current and encrypts every target of a
 * publish; older ones are kept only while a served target still needs them.
 *
 * Each key remembers the recipient slots it was ever wrapped for. When one of them is no longer a terminal
 * allowed to read (revoked, or its token rotated), the next publish makes a new key first: whoever held the
 * old token keeps the versions it could already read and cannot read any newer one.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import {
  distributionKeyIdSchema,
  type DistributionKeysDocument,
} from '../../domain/published/publish-format';
import {
  buildDistributionDocument,
  distributionKey,
  newDistributionKey,
  recipientOf,
  type DistributionKey,
} from '../../domain/published/target-encryption.nodejs';
import type { MasterDatabase } from '../master/open-master';
import { SigningKeyError } from './signing-keys';

const storedKeySchema = z.strictObject({
  keyId: distributionKeyIdSchema,
  key: z.string().regex(/^[0-9a-f]{64}$/),
  /** Orders the keys: the highest is current. A counter, not a clock, so no clock skew can reorder them. */
  serial: z.number().int().positive(),
  createdAt: z.string(),
  /** Recipient slots this key was wrapped for, in any publish. */
  wrappedFor: z.array(z.string()),
});
type StoredKey = z.infer<typeof storedKeySchema>;

export function distributionKeysDir(keysDir: string): string {
  return join(keysDir, 'distribution');
}

function keyFile(keysDir: string, keyId: string): string {
  return join(distributionKeysDir(keysDir), `${keyId}.json`);
}

function readStored(file: string): StoredKey {
  try {
    return storedKeySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new SigningKeyError(`${file} is not a readable distribution key`);
  }
}

function save(keysDir: string, stored: StoredKey): void {
  writeFileAtomically(keyFile(keysDir, stored.keyId), `${JSON.stringify(stored, null, 1)}\n`);
}

function storedKeys(keysDir: string): StoredKey[] {
  const dir = distributionKeysDir(keysDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^[0-9a-f]{16}\.json$/.test(name))
    .map((name) => readStored(join(dir, name)))
    .sort((a, b) => a.serial - b.serial);
}

function asKey(stored: StoredKey): DistributionKey {
  try {
    return distributionKey(stored.keyId, Buffer.from(stored.key, 'hex'));
  } catch (error) {
    throw new SigningKeyError((error as Error).message);
  }
}

/** A new current distribution key; the previous ones stay until no served target needs them. */
export function createDistributionKey(keysDir: string, now: Date): DistributionKey {
  ensurePrivateDir(keysDir);
  ensurePrivateDir(distributionKeysDir(keysDir));
  const fresh = newDistributionKey();
  const serial = (storedKeys(keysDir).at(-1)?.serial ?? 0) + 1;
  save(keysDir, {
    keyId: fresh.keyId,
    key: fresh.key.toString('hex'),
    serial,
    createdAt: now.toISOString(),
    wrappedFor: [],
  });
  return fresh;
}

export function currentDistributionKey(keysDir: string): DistributionKey | null {
  const current = storedKeys(keysDir).at(-1);
  return current ? asKey(current) : null;
}

/** The key with this id, current or kept from before; null when the county no longer has it. */
export function distributionKeyById(keysDir: string, keyId: string): DistributionKey | null {
  const file = keyFile(keysDir, keyId);
  return existsSync(file) ? asKey(readStored(file)) : null;
}

/** The token hashes of the terminals allowed to read published data: every terminal not revoked. */
export function readingTerminals(db: MasterDatabase): string[] {
  return db
    .prepare('SELECT token_sha256 FROM terminals WHERE revoked_at IS NULL ORDER BY id')
    .pluck()
    .all() as string[];
}

export interface Distribution {
  key: DistributionKey;
  document: DistributionKeysDocument;
  recipients: number;
  /** `created`: the keys directory had no distribution key (a county publishing for the first time since
   * targets are encrypted); `rotated`: a terminal the key was given to may read no more. */
  change: 'created' | 'rotated' | null;
}

/**
 * The key this publish encrypts with and distribution-keys.json for `tokenSha256s`. The slots are recorded
 * with the key before the document can go live, so a later revocation is never missed.
 */
export function prepareDistribution(
  keysDir: string,
  tokenSha256s: readonly string[],
  now: Date,
): Distribution {
  const slots = tokenSha256s.map((sha) => recipientOf(sha).slot);
  let stored = storedKeys(keysDir).at(-1);
  let change: Distribution['change'] = null;
  if (!stored) change = 'created';
  else {
    const reading = new Set(slots);
    if (stored.wrappedFor.some((slot) => !reading.has(slot))) change = 'rotated';
  }
  if (change !== null) {
    createDistributionKey(keysDir, now);
    stored = storedKeys(keysDir).at(-1)!;
  }
  const current = stored!;
  const wrappedFor = [...new Set([...current.wrappedFor, ...slots])].sort();
  if (wrappedFor.length !== current.wrappedFor.length) save(keysDir, { ...current, wrappedFor });
  const key = asKey(current);
  return {
    key,
    document: buildDistributionDocument(tokenSha256s, [key]),
    recipients: tokenSha256s.length,
    change,
  };
}

/** Removes the keys no served target is encrypted under, except the current one. */
export function pruneDistributionKeys(keysDir: string, inUse: ReadonlySet<string>): string[] {
  const keys = storedKeys(keysDir);
  const removed: string[] = [];
  for (const stored of keys.slice(0, -1)) {
    if (inUse.has(stored.keyId)) continue;
    rmSync(keyFile(keysDir, stored.keyId));
    removed.push(stored.keyId);
  }
  return removed;
}
