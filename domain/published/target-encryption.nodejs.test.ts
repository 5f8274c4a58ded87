import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { distributionKeysSchema } from './publish-format';
import {
  ENCRYPTED_HEADER_BYTES,
  TargetDecryptionError,
  buildDistributionDocument,
  decryptingStream,
  encryptedTargetKeyId,
  encryptedLength,
  encryptingStream,
  newDistributionKey,
  openDistributionDocument,
  terminalTokenSha256,
  type DistributionKey,
} from './target-encryption.nodejs';

/** Feeds `bytes` through `stream` in pieces of `piece` bytes, so header and tag straddle chunk boundaries. */
async function through(stream: NodeJS.ReadWriteStream, bytes: Buffer, piece = 1000): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece) pieces.push(bytes.subarray(at, at + piece));
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from(pieces), stream, sink);
  return Buffer.concat(out);
}

const encrypt = (key: DistributionKey, plain: Buffer) => through(encryptingStream(key), plain);
const decrypt = (key: DistributionKey, sealed: Buffer, piece?: number) =>
  through(decryptingStream(key), sealed, piece);

describe('encrypted targets', () => {
  const key = newDistributionKey();
  const plain = randomBytes(200_000);

  it('decrypt what was encrypted, however the bytes arrive, for any length', async () => {
    const sealed = await encrypt(key, plain);
    expect(sealed.length).toBe(encryptedLength(plain.length));
    expect(encryptedTargetKeyId(sealed)).toBe(key.keyId);
    for (const piece of [7, 16, 20, 4096, 65_536 + 16, sealed.length]) {
      expect((await decrypt(key, sealed, piece)).equals(plain)).toBe(true);
    }
    // Empty, one byte, exactly one and two chunks, one byte over.
    for (const length of [0, 1, 65_536, 131_072, 131_073]) {
      const bytes = randomBytes(length);
      const encrypted = await encrypt(key, bytes);
      expect(encrypted.length).toBe(encryptedLength(length));
      expect((await decrypt(key, encrypted, 5000)).equals(bytes)).toBe(true);
    }
  });

  it('look like noise and differ every time, even for the same content', async () => {
    const zeros = Buffer.alloc(100_000);
    const [a, b] = [await encrypt(key, zeros), await encrypt(key, zeros)];
    expect(a.equals(b)).toBe(false);
    // A gzip member would start 1f 8b, a SQLite file with its header string; neither survives.
    expect(a.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(a.subarray(25).includes(Buffer.from([0x1f, 0x8b, 0x08]))).toBe(false);
  });

  it('refuse another key, a changed byte anywhere, a truncated file and what is no encrypted target', async () => {
    const sealed = await encrypt(key, plain);
    const other = newDistributionKey();
    await expect(decrypt(other, sealed)).rejects.toThrow(/encrypted under distribution key/);
    // Another key under the same id (a forged header) fails the tag.
    await expect(decrypt({ keyId: key.keyId, key: other.key }, sealed)).rejects.toThrow(/does not verify/);
    for (const at of [0, 4, 6, 15, 19, 100, 70_000, sealed.length - 20, sealed.length - 1]) {
      const flipped = Buffer.from(sealed);
      flipped[at]! ^= 0x01;
      await expect(decrypt(key, flipped)).rejects.toBeInstanceOf(TargetDecryptionError);
    }
    const sealedChunk = 65_536 + 16;
    const [c0, c1] = [0, 1].map((i) =>
      sealed.subarray(
        ENCRYPTED_HEADER_BYTES + i * sealedChunk,
        ENCRYPTED_HEADER_BYTES + (i + 1) * sealedChunk,
      ),
    );
    const rest = sealed.subarray(ENCRYPTED_HEADER_BYTES + 2 * sealedChunk);
    const head = sealed.subarray(0, ENCRYPTED_HEADER_BYTES);
    const reordered = Buffer.concat([head, c1!, c0!, rest]);
    await expect(decrypt(key, reordered)).rejects.toThrow(/does not verify/);
    // Cut off after a whole chunk: that chunk was not sealed as the last one.
    await expect(decrypt(key, Buffer.concat([head, c0!]))).rejects.toThrow(/does not verify/);
    await expect(decrypt(key, sealed.subarray(0, sealed.length - 1))).rejects.toThrow(/does not verify/);
    await expect(decrypt(key, sealed.subarray(0, 30))).rejects.toThrow(/truncated/);
    await expect(decrypt(key, Buffer.from('SQLite format 3\0'.repeat(4)))).rejects.toThrow(
      /not an encrypted/,
    );
  });

  it('pass on only bytes whose chunk verified', async () => {
    const sealed = await encrypt(key, plain);
    const spoiled = Buffer.from(sealed);
    spoiled[spoiled.length - 100]! ^= 0x01;
    const received: Buffer[] = [];
    const stream = decryptingStream(key);
    stream.on('data', (chunk: Buffer) => received.push(chunk));
    const failed = new Promise((resolve) => stream.on('error', resolve));
    stream.end(spoiled);
    expect(await failed).toBeInstanceOf(TargetDecryptionError);
    const passed = Buffer.concat(received);
    // At most the three whole chunks before the spoiled last one, exactly as encrypted; nothing of the last.
    expect(passed.length).toBe(3 * 65_536);
    expect(passed.equals(plain.subarray(0, passed.length))).toBe(true);

    const one = decryptingStream(key);
    one.end(await encrypt(key, Buffer.from('x')));
    expect((await buffer(one)).toString()).toBe('x');
  });
});

describe('distribution keys for terminals', () => {
  const tokens = ['a'.repeat(43), 'b'.repeat(43), 'c'.repeat(43)];
  const keys = [newDistributionKey(), newDistributionKey()];

  it('open for each listed token, and for no other', () => {
    const document = distributionKeysSchema.parse(
      JSON.parse(
        JSON.stringify(buildDistributionDocument(tokens.slice(0, 2).map(terminalTokenSha256), keys)),
      ),
    );
    expect(document.recipients).toHaveLength(2);
    for (const token of tokens.slice(0, 2)) {
      const opened = openDistributionDocument(document, token);
      expect(opened.kind).toBe('opened');
      if (opened.kind === 'opened') expect(opened.keys).toEqual(keys);
    }
    expect(openDistributionDocument(document, tokens[2]!)).toEqual({ kind: 'not-listed' });
  });

  it('name no terminal and no token, and refuse an entry moved to another slot', () => {
    const document = buildDistributionDocument(tokens.map(terminalTokenSha256), keys);
    const text = JSON.stringify(document);
    for (const token of tokens) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(terminalTokenSha256(token));
    }
    const [first, second, third] = document.recipients;
    const swapped = {
      ...document,
      recipients: [
        { slot: first!.slot, keys: second!.keys },
        { slot: second!.slot, keys: first!.keys },
        third!,
      ],
    };
    // The AAD binds each wrapped key to its slot: the two terminals whose entries moved open nothing.
    const results = tokens.map((t) => openDistributionDocument(swapped, t).kind).sort();
    expect(results).toEqual(['opened', 'unwrap-failed', 'unwrap-failed']);
  });
});
