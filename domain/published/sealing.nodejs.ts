/**
 * Sealing a resident's own record in the replica (see ARCHITECTURE.md, "Privacy of the replica", and
 * docs/adr/0001-record-key.md).
 *
 * scrypt(normalized ID number and name, county salt) gives a master secret; HKDF splits it into a lookup tag
 * (the row's key in `sealed_records`) and an AES-256-GCM key. Whoever holds the card, or the number with the
 * name, derives both and opens exactly one row; whoever holds only the file pays one scrypt per guessed pair.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { normalizeIdNumber } from '../id-number';
import { recordKeyName } from '../person-name';
import {
  kdfParamsSchema,
  sealedPayloadSchema,
  type KdfCost,
  type KdfParams,
  type RecordKeyScheme,
  type SealedPayload,
} from './replica-format';

export interface RecordKeys {
  /** 32 bytes: the row's primary key, safe to compare and store. */
  tag: Buffer;
  /** 32 bytes: the AES-256-GCM key. Never stored. */
  key: Buffer;
}

export interface SealedRow {
  tag: Buffer;
  nonce: Buffer;
  ciphertext: Buffer;
}

const NONCE_BYTES = 12;
const AUTH_TAG_BYTES = 16;
// Plaintexts are padded to a multiple of this, so a row's size says little about how many payments it holds.
const PAD_BLOCK = 256;
const LENGTH_BYTES = 4;
// A payload that inflates beyond this is not one the county wrote (a record holds years of payments, not MBs).
const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
// Each scheme has its own HKDF labels, so keys of one can never be mistaken for keys of the other.
const SUBKEY_INFO: Record<RecordKeyScheme, { tag: string; key: string }> = {
  'id-number': { tag: 'huimin-kiosk/replica/v1/tag', key: 'huimin-kiosk/replica/v1/key' },
  'id-number+name': { tag: 'huimin-kiosk/replica/v2/tag', key: 'huimin-kiosk/replica/v2/key' },
};

/** The scheme the county seals with (replica schema 3). */
const CURRENT_SCHEME: RecordKeyScheme = 'id-number+name';

/** Who a record belongs to, as the card, the keypad or the county's master gives it. */
export interface RecordIdentity {
  idNumber: string;
  name: string;
}

/**
 * The KDF's password. NUL cannot occur in a normalised ID number or name, so no two identities share one.
 * `id-number` is the key of schema-2 replicas, read only until every terminal holds a schema-3 one.
 * The county's key cache fingerprints it, so a change here re-derives every cached key.
 */
export function kdfPassword(identity: RecordIdentity, scheme: RecordKeyScheme = CURRENT_SCHEME): string {
  const idNumber = normalizeIdNumber(identity.idNumber);
  return scheme === 'id-number' ? idNumber : `${idNumber}\u0000${recordKeyName(identity.name)}`;
}

/** Fresh parameters for a county: the salt stays with the county so cached keys remain valid across publishes. */
export function createKdfParams(cost: KdfCost): KdfParams {
  return kdfParamsSchema.parse({ algorithm: 'scrypt', ...cost, salt: randomBytes(16).toString('base64') });
}

function scryptAsync(password: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; twice that leaves room without opening the door to absurd settings.
  const maxmem = 256 * kdf.N * kdf.r;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, derived) =>
      error ? reject(error) : resolve(derived),
    );
  });
}

/** Slow on purpose; runs on libuv's thread pool, so several can be awaited at once. */
export async function deriveRecordKeys(
  identity: RecordIdentity,
  kdf: KdfParams,
  scheme: RecordKeyScheme = CURRENT_SCHEME,
): Promise<RecordKeys> {
  const params = kdfParamsSchema.parse(kdf);
  const master = await scryptAsync(kdfPassword(identity, scheme), Buffer.from(params.salt, 'base64'), params);
  const info = SUBKEY_INFO[scheme];
  const subkey = (label: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), label, 32));
  return { tag: subkey(info.tag), key: subkey(info.key) };
}

/**
 * The plaintext: the payload's JSON, deflated (a county's records shrink about threefold, and so does every
 * terminal's replica), behind its 4-byte length, then zero-padded to a whole number of blocks.
 */
function framed(json: string): Buffer {
  const body = deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 });
  const size = Math.ceil((LENGTH_BYTES + body.length) / PAD_BLOCK) * PAD_BLOCK;
  const plaintext = Buffer.alloc(size);
  plaintext.writeUInt32BE(body.length, 0);
  body.copy(plaintext, LENGTH_BYTES);
  return plaintext;
}

function unframed(plaintext: Buffer): string | null {
  if (plaintext.length < LENGTH_BYTES) return null;
  const length = plaintext.readUInt32BE(0);
  if (LENGTH_BYTES + length > plaintext.length) return null;
  try {
    const body = plaintext.subarray(LENGTH_BYTES, LENGTH_BYTES + length);
    return inflateRawSync(body, { maxOutputLength: MAX_PAYLOAD_BYTES }).toString('utf8');
  } catch {
    return null;
  }
}

export function sealRecord(keys: RecordKeys, payload: SealedPayload): SealedRow {
  const plaintext = framed(JSON.stringify(sealedPayloadSchema.parse(payload)));
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.key, nonce, { authTagLength: AUTH_TAG_BYTES });
  // The tag as associated data binds the ciphertext to its row: moved under another tag it no longer opens.
  cipher.setAAD(keys.tag);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { tag: Buffer.from(keys.tag), nonce, ciphertext };
}

/** The record, or null when the keys do not open it (wrong ID, tampered row) or it is not a valid record. */
export function openRecord(
  keys: RecordKeys,
  row: { nonce: Uint8Array; ciphertext: Uint8Array },
): SealedPayload | null {
  if (row.nonce.length !== NONCE_BYTES || row.ciphertext.length < AUTH_TAG_BYTES) return null;
  const body = row.ciphertext.subarray(0, row.ciphertext.length - AUTH_TAG_BYTES);
  const authTag = row.ciphertext.subarray(row.ciphertext.length - AUTH_TAG_BYTES);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.key, row.nonce, { authTagLength: AUTH_TAG_BYTES });
    decipher.setAAD(keys.tag);
    decipher.setAuthTag(authTag);
    plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
  const text = unframed(plaintext);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = sealedPayloadSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
