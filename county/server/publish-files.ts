/**
 * Serves the publish directory under /publish/ the way any good static host would, so terminals see the same
 * thing here as behind nginx or a CDN: strong ETags, Last-Modified, conditional GET (304), one byte range
 * (206/416) guarded by If-Range, immutable caching for content-addressed and versioned files, no directory
 * listing. Each file is read through one open descriptor, so a publish that renames a new file over an old one
 * mid-request cannot mix their bytes or their validators.
 */
import { createHash } from 'node:crypto';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLISH_PATH_PREFIX } from '../../domain/county-api';
import { CountyApiError } from './api-errors';
import { parseByteRange, type ByteRange } from './byte-range';
import { announcedSha256, cacheControlFor, contentTypeFor, isServableName } from './publish-names';

const NOT_FOUND_MESSAGE = 'there is no such file in the publish directory';

async function openInside(root: string, name: string): Promise<{ handle: FileHandle; stat: Stats } | null> {
  let handle: FileHandle | undefined;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, name));
    // A symbolic link inside the directory must not lead out of it.
    if (!real.startsWith(realRoot + sep)) return null;
    handle = await open(real, 'r');
    const stat = await handle.stat();
    if (stat.isFile()) return { handle, stat };
  } catch (error) {
    if (
      !['ENOENT', 'ENOTDIR', 'EISDIR', 'ELOOP', 'ENAMETOOLONG'].includes(
        (error as NodeJS.ErrnoException).code ?? '',
      )
    ) {
      await handle?.close();
      throw error;
    }
  }
  await handle?.close();
  return null;
}

async function sha256Of(handle: FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(64 * 1024);
  for (let position = 0; position < size;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

/** Strong ETags: the SHA-256 of the bytes, taken from a content-addressed name or computed once per file. */
function etagMaker(): (name: string, handle: FileHandle, stat: Stats) => Promise<string> {
  const computed = new Map<string, string>();
  return async (name, handle, stat) => {
    const announced = announcedSha256(name);
    if (announced) return `"${announced}"`;
    const key = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    let etag = computed.get(key);
    if (etag === undefined) {
      etag = `"${await sha256Of(handle, stat.size)}"`;
      if (computed.size >= 1000) computed.clear();
      computed.set(key, etag);
    }
    return etag;
  };
}

function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}

/** RFC 9110 §13.1.2–3: If-None-Match compares weakly; If-Modified-Since counts only without it. */
function notModified(request: FastifyRequest, etag: string, modified: Date): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && wholeSeconds(modified) <= since;
}

/** RFC 9110 §13.1.5: a range is honoured only if If-Range (when sent) still names this very file. */
function rangeFor(request: FastifyRequest, etag: string, stat: Stats): ByteRange {
  const range = parseByteRange(request.headers.range, stat.size);
  const ifRange = request.headers['if-range'];
  if (range.kind === 'whole' || ifRange === undefined) return range;
  const validator = String(ifRange).trim();
  const fresh = validator.startsWith('"')
    ? validator === etag
    : Date.parse(validator) === wholeSeconds(stat.mtime);
  return fresh ? range : { kind: 'whole' };
}

async function sendPublishFile(
  request: FastifyRequest,
  reply: FastifyReply,
  root: string,
  etagOf: ReturnType<typeof etagMaker>,
): Promise<FastifyReply> {
  const name = (request.params as { '*': string })['*'];
  const file = isServableName(name) ? await openInside(root, name) : null;
  if (!file) throw new CountyApiError('not-found', NOT_FOUND_MESSAGE);
  const { handle, stat } = file;
  let streaming = false;
  try {
    const etag = await etagOf(name, handle, stat);
    const validators = {
      etag,
      'last-modified': stat.mtime.toUTCString(),
      'cache-control': cacheControlFor(name),
    };
    if (notModified(request, etag, stat.mtime)) return await reply.code(304).headers(validators).send();

    const range = rangeFor(request, etag, stat);
    if (range.kind === 'unsatisfiable') {
      reply.header('content-range', `bytes */${stat.size}`);
      throw new CountyApiError('range-not-satisfiable', `the file has ${stat.size} bytes`);
    }
    const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, stat.size - 1];
    reply
      .code(range.kind === 'part' ? 206 : 200)
      .headers(validators)
      .header('accept-ranges', 'bytes')
      .header('content-type', contentTypeFor(name))
      .header('content-length', String(end - start + 1));
    if (range.kind === 'part') reply.header('content-range', `bytes ${start}-${end}/${stat.size}`);
    if (request.method === 'HEAD' || stat.size === 0) return await reply.send('');
    streaming = true;
    return await reply.send(handle.createReadStream({ start, end, autoClose: true }));
  } finally {
    if (!streaming) await handle.close();
  }
}

export function registerPublishFiles(app: FastifyInstance, publishDir: string): void {
  const etagOf = etagMaker();
  app.route({
    method: ['GET', 'HEAD'],
    url: `${PUBLISH_PATH_PREFIX}*`,
    exposeHeadRoute: false,
    handler: (request, reply) => sendPublishFile(request, reply, publishDir, etagOf),
  });
}
