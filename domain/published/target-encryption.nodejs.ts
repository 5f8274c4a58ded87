/**
 * Published data targets encrypted for terminals (docs/adr/0002-target-encryption.md). Anyone may fetch the
 * publish directory; only a terminal the county registered can read the replica in it.
 *
 * - A county distribution key (32 random bytes, named by a key id) encrypts every data target with
 *   AES-256-GCM in chunks of 64 KiB (the STREAM construction): a header (magic, format version, key id, a
 *   random nonce prefix), then each chunk's ciphertext and 16-byte tag. A chunk's nonce is the prefix, its
 *   index and whether it is the last, and the header is every chunk's additional data, so chunks cannot be
 *   changed, reordered, dropped or cut off unnoticed. Decryption checks each chunk's tag before it hands on
 *   a byte of it, and streams: a replica of hundreds of megabytes is never held in memory.
 * - The key reaches each terminal wrapped (AES-256-GCM) under a key derived from that terminal's bearer
 *   token, which the county knows only as its SHA-256. The wrapped keys travel in a signed TUF target, listed
 *   by a recipient slot that is derived from the token too, so the list names no terminal.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { DistributionKeysDocument, WrappedDistributionKey } from './publish-format';

const DISTRIBUTION_KEY_BYTES = 32;
const MAGIC = Buffer.from('HMKE', 'ascii');
const FORMAT_VERSION = 1;
const KEY_ID_BYTES = 8;
const NONCE_PREFIX_BYTES = 7;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const CHUNK_BYTES = 64 * 1024;
const MAX_CHUNKS = 2 ** 32;
/** magic, format version, key id, nonce prefix. */
export const ENCRYPTED_HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES + NONCE_PREFIX_BYTES;

/** The length of the encrypted target of `plainLength` bytes. */
export function encryptedLength(plainLength: number): number {
  const chunks = Math.max(1, Math.ceil(plainLength / CHUNK_BYTES));
  return ENCRYPTED_HEADER_BYTES + plainLength + chunks * TAG_BYTES;
}

const SLOT_INFO = 'huimin-kiosk/distribution/v1/slot';
const WRAP_INFO = 'huimin-kiosk/distribution/v1/wrap';
const WRAP_AAD = 'huimin-kiosk/distribution/v1';

export interface DistributionKey {
  /** 16 hex digits: the first 8 bytes of the key's SHA-256. */
  keyId: string;
  key: Buffer;
}

/** Decryption failed: another key, a truncated file, or bytes changed after encryption. */
export class TargetDecryptionError extends Error {
  override name = 'TargetDecryptionError';
}

export function distributionKeyId(key: Uint8Array): string {
  return createHash('sha256')
    .update(key)
    .digest('hex')
    .slice(0, KEY_ID_BYTES * 2);
}

export function newDistributionKey(): DistributionKey {
  const key = randomBytes(DISTRIBUTION_KEY_BYTES);
  return { keyId: distributionKeyId(key), key };
}

/** A key read from storage, checked against the id it is stored under. */
export function distributionKey(keyId: string, key: Buffer): DistributionKey {
  if (key.length !== DISTRIBUTION_KEY_BYTES || distributionKeyId(key) !== keyId) {
    throw new TargetDecryptionError(`the stored distribution key ${keyId} is damaged`);
  }
  return { keyId, key };
}

function header(keyId: string, noncePrefix: Buffer): Buffer {
  return Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION]), Buffer.from(keyId, 'hex'), noncePrefix]);
}

/** The key id an encrypted target names in its header, or null when the bytes are no encrypted target. */
export function encryptedTargetKeyId(start: Uint8Array): string | null {
  const bytes = Buffer.from(start.buffer, start.byteOffset, start.byteLength);
  if (bytes.length < ENCRYPTED_HEADER_BYTES) return null;
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes[MAGIC.length] !== FORMAT_VERSION) return null;
  return bytes.subarray(MAGIC.length + 1, MAGIC.length + 1 + KEY_ID_BYTES).toString('hex');
}

/** Chunk `index`'s nonce: the file's prefix, the index, and 1 for the last chunk (so a cut-off file fails). */
function chunkNonce(head: Buffer, index: number, last: boolean): Buffer {
  if (index >= MAX_CHUNKS) throw new TargetDecryptionError('the target is too large to encrypt');
  const nonce = Buffer.alloc(NONCE_BYTES);
  head.copy(nonce, 0, ENCRYPTED_HEADER_BYTES - NONCE_PREFIX_BYTES, ENCRYPTED_HEADER_BYTES);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  nonce[NONCE_BYTES - 1] = last ? 1 : 0;
  return nonce;
}

function sealChunk(key: DistributionKey, head: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key.key, chunkNonce(head, index, last));
  cipher.setAAD(head);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(key: DistributionKey, head: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  const body = sealed.subarray(0, sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.key, chunkNonce(head, index, last));
  decipher.setAAD(head);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new TargetDecryptionError(
      `the encrypted target does not verify under distribution key ${key.keyId} (chunk ${index})`,
    );
  }
}

/** Bytes received and not yet used, joined only when enough have arrived (so small writes cost no copying). */
class ByteQueue {
  #parts: Buffer[] = [];
  length = 0;

  push(bytes: Buffer): void {
    this.#parts.push(bytes);
    this.length += bytes.length;
  }

  /** The first `count` bytes, removed from the queue. */
  take(count: number): Buffer {
    const all = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts);
    this.#parts = all.length > count ? [all.subarray(count)] : [];
    this.length = all.length - count;
    return all.subarray(0, count);
  }
}

/** A stream that encrypts what passes through it under `key`, with a fresh random nonce prefix. */
export function encryptingStream(key: DistributionKey): Transform {
  const head = header(key.keyId, randomBytes(NONCE_PREFIX_BYTES));
  const pending = new ByteQueue();
  let index = 0;
  let started = false;
  const start = (stream: Transform) => {
    if (!started) stream.push(head);
    started = true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      start(this);
      pending.push(chunk);
      try {
        // A chunk goes out only once more data follows it: the last one is sealed as the last, in flush.
        while (pending.length > CHUNK_BYTES) {
          this.push(sealChunk(key, head, index++, false, pending.take(CHUNK_BYTES)));
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      start(this);
      try {
        done(null, sealChunk(key, head, index, true, pending.take(pending.length)));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/**
 * A stream that decrypts an encrypted target under `key`. Each chunk's tag is checked before any of its bytes
 * are passed on; the stream fails on another key, any changed byte, a reordered chunk or a file cut short.
 */
export function decryptingStream(key: DistributionKey): Transform {
  let head: Buffer | null = null;
  const pending = new ByteQueue();
  let index = 0;
  const sealedChunk = CHUNK_BYTES + TAG_BYTES;

  function readHeader(): void {
    const bytes = pending.take(ENCRYPTED_HEADER_BYTES);
    const keyId = encryptedTargetKeyId(bytes);
    if (keyId === null) throw new TargetDecryptionError('this is not an encrypted target');
    if (keyId !== key.keyId) {
      throw new TargetDecryptionError(`encrypted under distribution key ${keyId}, not ${key.keyId}`);
    }
    head = Buffer.from(bytes);
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending.push(chunk);
      try {
        if (head === null) {
          if (pending.length < ENCRYPTED_HEADER_BYTES) {
            done();
            return;
          }
          readHeader();
        }
        // A full chunk with more bytes after it is not the last one.
        while (pending.length > sealedChunk) {
          this.push(openChunk(key, head!, index++, false, pending.take(sealedChunk)));
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (head === null || pending.length < TAG_BYTES) {
        done(new TargetDecryptionError('the encrypted target is truncated'));
        return;
      }
      try {
        done(null, openChunk(key, head, index, true, pending.take(pending.length)));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** A terminal's bearer token as the county stores it (`county/server/terminal-tokens.ts`). */
export function terminalTokenSha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface Recipient {
  /** 32 hex digits naming the terminal's entry in distribution-keys.json; says nothing without the token. */
  slot: string;
  wrapKey: Buffer;
}

/** The slot and wrapping key of the terminal whose token has this SHA-256 (hex). */
export function recipientOf(tokenSha256: string): Recipient {
  if (!/^[0-9a-f]{64}$/.test(tokenSha256)) throw new Error('a token SHA-256 is 64 hex digits');
  const ikm = Buffer.from(tokenSha256, 'hex');
  const derive = (info: string, length: number) =>
    Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, length));
  return { slot: derive(SLOT_INFO, 16).toString('hex'), wrapKey: derive(WRAP_INFO, 32) };
}

function wrapAad(slot: string, keyId: string): Buffer {
  return Buffer.from(`${WRAP_AAD}|${slot}|${keyId}`, 'utf8');
}

function wrapDistributionKey(recipient: Recipient, key: DistributionKey): WrappedDistributionKey {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', recipient.wrapKey, nonce);
  cipher.setAAD(wrapAad(recipient.slot, key.keyId));
  const wrapped = Buffer.concat([cipher.update(key.key), cipher.final(), cipher.getAuthTag()]);
  return { keyId: key.keyId, nonce: nonce.toString('hex'), wrapped: wrapped.toString('hex') };
}

/** The key inside `wrapped`, or null when it was not wrapped for this recipient or was changed. */
function unwrapDistributionKey(
  recipient: Recipient,
  wrapped: WrappedDistributionKey,
): DistributionKey | null {
  const bytes = Buffer.from(wrapped.wrapped, 'hex');
  if (bytes.length !== DISTRIBUTION_KEY_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', recipient.wrapKey, Buffer.from(wrapped.nonce, 'hex'));
    decipher.setAAD(wrapAad(recipient.slot, wrapped.keyId));
    decipher.setAuthTag(bytes.subarray(DISTRIBUTION_KEY_BYTES));
    const key = Buffer.concat([decipher.update(bytes.subarray(0, DISTRIBUTION_KEY_BYTES)), decipher.final()]);
    return distributionKeyId(key) === wrapped.keyId ? { keyId: wrapped.keyId, key } : null;
  } catch {
    return null;
  }
}

/** distribution-keys.json for these terminals (by token SHA-256): each gets every key, wrapped for it alone. */
export function buildDistributionDocument(
  tokenSha256s: readonly string[],
  keys: readonly DistributionKey[],
): DistributionKeysDocument {
  const recipients = tokenSha256s.map(recipientOf);
  return {
    v: 1,
    // By slot, so the order says nothing about when terminals were registered.
    recipients: recipients
      .sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0))
      .map((recipient) => ({
        slot: recipient.slot,
        keys: keys.map((key) => wrapDistributionKey(recipient, key)),
      })),
  };
}

export type OpenedDistribution =
  { kind: 'opened'; keys: DistributionKey[] } | { kind: 'not-listed' } | { kind: 'unwrap-failed' };

/** The keys a terminal holding `token` finds for itself in distribution-keys.json. */
export function openDistributionDocument(
  document: DistributionKeysDocument,
  token: string,
): OpenedDistribution {
  const recipient = recipientOf(terminalTokenSha256(token));
  const entry = document.recipients.find((r) => r.slot === recipient.slot);
  if (!entry) return { kind: 'not-listed' };
  const keys: DistributionKey[] = [];
  for (const wrapped of entry.keys) {
    const key = unwrapDistributionKey(recipient, wrapped);
    if (key === null) return { kind: 'unwrap-failed' };
    keys.push(key);
  }
  return { kind: 'opened', keys };
}
