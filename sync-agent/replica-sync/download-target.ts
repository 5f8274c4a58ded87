/**
 * Downloads one signed target into `<state>/downloads/<sha256>.<path>.part`, resuming with an HTTP Range
 * request after an interruption (within this call and across restarts), never accepting more bytes than the
 * signed length, and checking length and SHA-256 before anyone uses the file. Anything that fails the checks
 * is deleted.
 */
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ChosenTarget } from './choose-target';
import type { FetchFunction } from './county-fetcher';
import { SyncError, refused } from './sync-error';
import { sha256File } from '../../domain/file-digest.nodejs';
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '../../domain/private-files.nodejs';

/** What a download needs of a signed target: its name, length and SHA-256. */
export type DownloadableTarget = Pick<ChosenTarget, 'path' | 'length' | 'sha256'>;

/** A download that receives nothing for this long is abandoned (and resumed at the next attempt). */
const IDLE_TIMEOUT_MS = 30_000;
const ATTEMPTS = 3;

export interface DownloadedTarget {
  file: string;
  /** Bytes received over the network in this call. */
  bytes: number;
}

export function downloadsDir(stateDir: string): string {
  return join(stateDir, 'downloads');
}

function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

function discard(file: string, reason: string): SyncError {
  rmSync(file, { force: true });
  return refused(reason);
}

/** The start and total of a 206's Content-Range, or null when it is not one we understand. */
function contentRange(header: string | null): { start: number; total: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header ?? '');
  return match ? { start: Number(match[1]), total: Number(match[3]) } : null;
}

/** One request; returns normally when the body ended, throws SyncError('unreachable') to retry. */
async function fetchOnce(
  url: string,
  part: string,
  target: DownloadableTarget,
  fetchFunction: FetchFunction,
  counted: { bytes: number },
): Promise<void> {
  let have = sizeOf(part);
  const controller = new AbortController();
  let idle = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
  const headers: Record<string, string> = have > 0 ? { range: `bytes=${have}-` } : {};
  let response: Response;
  try {
    response = await fetchFunction(url, { headers, signal: controller.signal });
  } catch (error) {
    clearTimeout(idle);
    throw new SyncError('unreachable', `cannot reach ${url} (${(error as Error).message})`, { cause: error });
  }
  try {
    if (response.status === 206) {
      const range = contentRange(response.headers.get('content-range'));
      if (!range || range.start !== have || range.total !== target.length) {
        await response.body?.cancel();
        throw discard(part, `${target.path}: the server's byte range does not fit the signed length`);
      }
    } else if (response.status === 200) {
      have = 0;
    } else if (response.status === 416) {
      throw discard(part, `${target.path} on the server is shorter than its signed length`);
    } else {
      await response.body?.cancel();
      throw new SyncError('unreachable', `${url} answered HTTP ${response.status}`);
    }
    const room = target.length - have;
    const announced = Number(response.headers.get('content-length') ?? NaN);
    if (announced > room) {
      await response.body?.cancel();
      throw discard(part, `${target.path} is longer than its signed length of ${target.length} bytes`);
    }
    if (!response.body) throw discard(part, `${target.path}: the server sent no body`);

    const fd = openSync(part, have === 0 ? 'w' : 'a', PRIVATE_FILE_MODE);
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw new SyncError('unreachable', `the download of ${target.path} broke off`, { cause: error });
        }
        if (chunk.done) break;
        clearTimeout(idle);
        idle = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
        counted.bytes += chunk.value.length;
        // Endless data: never store a byte beyond the signed length.
        if (received + chunk.value.length > room) {
          await reader.cancel();
          throw discard(part, `${target.path} is longer than its signed length of ${target.length} bytes`);
        }
        writeSync(fd, chunk.value);
        received += chunk.value.length;
      }
    } finally {
      closeSync(fd);
    }
    if (received < room) {
      throw discard(part, `${target.path} on the server is shorter than its signed length`);
    }
  } finally {
    clearTimeout(idle);
  }
}

export async function downloadTarget(options: {
  stateDir: string;
  /** `<county>/publish/targets/`, ending in a slash. */
  targetsBaseUrl: string;
  target: DownloadableTarget;
  fetch: FetchFunction;
}): Promise<DownloadedTarget> {
  const { target } = options;
  const dir = downloadsDir(options.stateDir);
  ensurePrivateDir(dir);
  const name = `${target.sha256}.${target.path}`;
  const part = join(dir, `${name}.part`);
  // Parts of targets no longer wanted (an older version, the other kind) only take room.
  for (const other of readdirSync(dir))
    if (other !== `${name}.part`) rmSync(join(dir, other), { force: true });
  if (sizeOf(part) > target.length) rmSync(part);

  const counted = { bytes: 0 };
  for (let attempt = 1; sizeOf(part) < target.length; attempt++) {
    try {
      await fetchOnce(`${options.targetsBaseUrl}${name}`, part, target, options.fetch, counted);
    } catch (error) {
      if (!(error instanceof SyncError) || error.kind !== 'unreachable' || attempt >= ATTEMPTS) throw error;
    }
  }
  if (sizeOf(part) !== target.length || (await sha256File(part)) !== target.sha256) {
    throw discard(part, `${target.path} does not match its signed length and SHA-256`);
  }
  return { file: part, bytes: counted.bytes };
}
