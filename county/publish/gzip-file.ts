/** Streams a file through gzip, hashing both sides, into a temporary file beside the destination. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

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

/** Gzips `source` into `target`; returns the digests of the plain and the compressed bytes. */
export async function gzipFile(source: string, target: string): Promise<{ plain: Digest; gzipped: Digest }> {
  const plain = { hash: createHash('sha256'), length: 0 };
  const gzipped = { hash: createHash('sha256'), length: 0 };
  await pipeline(
    createReadStream(source),
    hashing(plain),
    createGzip({ level: 6 }),
    hashing(gzipped),
    createWriteStream(target, { flags: 'wx' }),
  );
  return {
    plain: { length: plain.length, sha256: plain.hash.digest('hex') },
    gzipped: { length: gzipped.length, sha256: gzipped.hash.digest('hex') },
  };
}

export async function gunzipFile(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createGunzip(), createWriteStream(target));
}
