/**
 * Streams a file through gzip and the target encryption, hashing both ends, into a temporary file beside the
 * destination; and back. Nothing is held in memory whole, so a replica of hundreds of megabytes costs buffers.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { PRIVATE_FILE_MODE } from '../../domain/private-files.nodejs';
import {
  ENCRYPTED_HEADER_BYTES,
  decryptingStream,
  encryptedTargetKeyId,
  encryptingStream,
  type DistributionKey,
} from '../../domain/published/target-encryption.nodejs';

export interface Digest {
  length: number;
  sha256: string;
}

function hashing(digest: { hash: ReturnType<typeof createHash>; length: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      digest.hash.update(chunk);
      digest.length += chunk.length;
      done(null, chunk);
    },
  });
}

/**
 * Gzips `source` and encrypts it under `key` into `target`; returns the digests of the plain bytes and of the
 * file written (what TUF signs).
 */
export async function gzipEncryptFile(
  source: string,
  target: string,
  key: DistributionKey,
): Promise<{ plain: Digest; encrypted: Digest }> {
  const plain = { hash: createHash('sha256'), length: 0 };
  const encrypted = { hash: createHash('sha256'), length: 0 };
  await pipeline(
    createReadStream(source),
    hashing(plain),
    createGzip({ level: 6 }),
    encryptingStream(key),
    hashing(encrypted),
    createWriteStream(target, { flags: 'wx' }),
  );
  return {
    plain: { length: plain.length, sha256: plain.hash.digest('hex') },
    encrypted: { length: encrypted.length, sha256: encrypted.hash.digest('hex') },
  };
}

/** The distribution key id in an encrypted target's header; null for a plain gzip file of an older publisher. */
export function targetKeyId(file: string): string | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_HEADER_BYTES);
    return encryptedTargetKeyId(head.subarray(0, readSync(fd, head, 0, head.length, 0)));
  } finally {
    closeSync(fd);
  }
}

/** Decrypts and gunzips a published target into `target` (owner-only: it is a plain replica). */
export async function openTargetFile(source: string, target: string, key: DistributionKey): Promise<void> {
  await pipeline(
    createReadStream(source),
    decryptingStream(key),
    createGunzip(),
    createWriteStream(target, { mode: PRIVATE_FILE_MODE }),
  );
}
