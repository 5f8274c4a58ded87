/**
 * The county's distribution keys on this terminal (docs/adr/0002-target-encryption.md). Data targets are
 * encrypted; the key that opens them comes in distribution-keys.json, a target signed like the others,
 * wrapped under a key only this terminal's token gives. Unwrapped keys are kept in `<state>/keys.json`
 * (0600, in a 0700 directory), never in the kiosk config, and fetched again only when the county starts
 * using a key this terminal does not hold (the first sync after the upgrade, or a rotation).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import {
  DISTRIBUTION_KEYS_TARGET,
  distributionKeyIdSchema,
  distributionKeysSchema,
  publishedTargetCustomSchema,
} from '../../domain/published/publish-format';
import {
  distributionKey,
  openDistributionDocument,
  type DistributionKey,
} from '../../domain/published/target-encryption.nodejs';
import type { SignedTarget } from './choose-target';
import { DownloadHTTPError, DownloadLengthMismatchError } from 'tuf-js/dist/error';
import { CountyFetcher, type FetchFunction } from './county-fetcher';
import { refused, SyncError } from './sync-error';

const keyStoreSchema = z.strictObject({
  v: z.literal(1),
  keys: z.array(z.strictObject({ keyId: distributionKeyIdSchema, key: z.string().regex(/^[0-9a-f]{64}$/) })),
});

export function keyStoreFile(stateDir: string): string {
  return join(stateDir, 'keys.json');
}

/** The keys held; none when the store is missing or unreadable (they are fetched again then). */
function readKeyStore(stateDir: string): DistributionKey[] {
  const file = keyStoreFile(stateDir);
  if (!existsSync(file)) return [];
  try {
    const store = keyStoreSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return store.keys.map((k) => distributionKey(k.keyId, Buffer.from(k.key, 'hex')));
  } catch {
    return [];
  }
}

function writeKeyStore(stateDir: string, keys: readonly DistributionKey[]): void {
  ensurePrivateDir(stateDir);
  const store = { v: 1, keys: keys.map((k) => ({ keyId: k.keyId, key: k.key.toString('hex') })) };
  writeFileAtomically(keyStoreFile(stateDir), `${JSON.stringify(store)}\n`);
}

/** At most `maxLength` bytes from `url`; an HTTP error, like a network one, is worth trying again later. */
async function downloadSmall(url: string, maxLength: number, fetch: FetchFunction): Promise<Buffer> {
  try {
    return Buffer.from(await new CountyFetcher(fetch).downloadBytes(url, maxLength));
  } catch (error) {
    if (error instanceof SyncError) throw error;
    if (error instanceof DownloadHTTPError)
      throw new SyncError('unreachable', error.message, { cause: error });
    if (error instanceof DownloadLengthMismatchError)
      throw refused(`${url} is longer than its signed length`);
    throw error;
  }
}

/** The verified distribution-keys.json of this version, downloaded and parsed. */
async function fetchDistributionDocument(options: {
  targetsBaseUrl: string;
  targets: ReadonlyMap<string, SignedTarget>;
  fetch: FetchFunction;
}): Promise<z.infer<typeof distributionKeysSchema>> {
  const signed = options.targets.get(DISTRIBUTION_KEYS_TARGET);
  if (!signed) throw refused(`the county's targets name no ${DISTRIBUTION_KEYS_TARGET}`);
  const sha256 = signed.hashes['sha256'] ?? '';
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw refused(`${DISTRIBUTION_KEYS_TARGET} has no SHA-256`);
  const custom = publishedTargetCustomSchema.safeParse(signed.unrecognizedFields['custom']);
  if (!custom.success || custom.data.kind !== 'distribution-keys') {
    throw refused(`${DISTRIBUTION_KEYS_TARGET} has unreadable custom fields`);
  }
  // Small (a few hundred bytes a terminal): fetched in memory, so a resumable data download in progress is
  // left alone; bounded by its signed length and checked against its signed hash.
  const url = `${options.targetsBaseUrl}${sha256}.${DISTRIBUTION_KEYS_TARGET}`;
  const bytes = await downloadSmall(url, signed.length, options.fetch);
  if (bytes.length !== signed.length || createHash('sha256').update(bytes).digest('hex') !== sha256) {
    throw refused(`${DISTRIBUTION_KEYS_TARGET} does not match its signed length and SHA-256`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refused(`${DISTRIBUTION_KEYS_TARGET} is not JSON`);
  }
  const parsed = distributionKeysSchema.safeParse(json);
  if (!parsed.success) throw refused(`${DISTRIBUTION_KEYS_TARGET} is not a distribution-keys document`);
  return parsed.data;
}

/**
 * The distribution key `keyId`, from the store or else from this version's distribution-keys.json opened
 * with `token`. Refuses (and changes nothing) when the county did not give this terminal the key.
 */
export async function distributionKeyFor(options: {
  stateDir: string;
  keyId: string;
  token: string;
  targetsBaseUrl: string;
  targets: ReadonlyMap<string, SignedTarget>;
  fetch: FetchFunction;
}): Promise<DistributionKey> {
  const held = readKeyStore(options.stateDir).find((k) => k.keyId === options.keyId);
  if (held) return held;
  const document = await fetchDistributionDocument(options);
  const opened = openDistributionDocument(document, options.token);
  if (opened.kind === 'not-listed') {
    throw refused(
      '县里发布的数据没有发给本终端：终端未登记、已停用，或配置里的令牌不对；新登记的终端从县里下一次发布起才能取数。' +
        '请县里核对 huimin-county terminals list。' +
        ' (This terminal is not among those the county gave the data key to: it is not registered, it is revoked, ' +
        'or the accessToken in its config is wrong; a terminal registered after the last publish can read from the next one.)',
    );
  }
  // The slot and the wrapping key both come from the token, so a wrong token is "not listed": an entry that
  // does not open is a damaged document, which TUF's signature makes the county's own doing.
  if (opened.kind === 'unwrap-failed') {
    throw refused(
      '县里发布的数据密钥文件有损坏，本终端打不开给它的那一份，请县里重新发布。' +
        ` (The entry of ${DISTRIBUTION_KEYS_TARGET} for this terminal is damaged: the county should publish again.)`,
    );
  }
  const key = opened.keys.find((k) => k.keyId === options.keyId);
  if (!key) throw refused(`${DISTRIBUTION_KEYS_TARGET} does not carry distribution key ${options.keyId}`);
  writeKeyStore(options.stateDir, opened.keys);
  return key;
}
