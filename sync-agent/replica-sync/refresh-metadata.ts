/**
 * Brings the terminal's trusted TUF metadata up to date with tuf-js's Updater, which enforces root rotation,
 * rollback, freeze (expiry), mix-and-match and metadata length limits. The trusted copy lives in
 * `<state>/metadata/`; the Updater works on a scratch copy and only verified files are promoted back, each by
 * an atomic rename, so a kill at any instant leaves a usable trusted root.
 */
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetFile } from '@tufjs/models';
import { Updater } from 'tuf-js';
import { BadVersionError, DownloadLengthMismatchError, ExpiredMetadataError } from 'tuf-js/dist/error';
import { CountyFetcher, type FetchFunction } from './county-fetcher';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';
import { SyncError, refused } from './sync-error';
import { pinnedHexKeys, verifyFirstRoot, type PinnedKeys } from './trust-bootstrap';

/** Root first: the others are checked against it when next loaded. */
const METADATA_FILES = ['root.json', 'timestamp.json', 'snapshot.json', 'targets.json'] as const;
const ROOT_MAX_BYTES = 512_000;

export interface VerifiedMetadata {
  /** The version of the verified targets.json, which is the data version it publishes. */
  targetsVersion: number;
  timestampExpires: string;
  targets: ReadonlyMap<string, TargetFile>;
}

export interface RefreshOptions {
  stateDir: string;
  /** `<county>/publish/`, ending in a slash. */
  metadataBaseUrl: string;
  pinned: PinnedKeys;
  fetch: FetchFunction;
  now: Date;
}

// tuf-js keeps these private; the agent reads the verified targets and sets the clock tuf-js checks expiry
// against (it takes `new Date()` otherwise), and checks the shape at run time in case tuf-js changes.
interface UpdaterInternals {
  trustedSet: {
    referenceTime: Date;
    targets?: { signed: { version: number; targets: Record<string, TargetFile> } };
    timestamp?: { signed: { expires: string } };
  };
}

function internals(updater: Updater): UpdaterInternals['trustedSet'] {
  const trustedSet = (updater as unknown as Partial<UpdaterInternals>).trustedSet;
  if (!trustedSet || !(trustedSet.referenceTime instanceof Date)) {
    throw new Error(
      'this version of tuf-js keeps its trusted metadata differently; update refresh-metadata.ts',
    );
  }
  return trustedSet;
}

function trustedDir(stateDir: string): string {
  return join(stateDir, 'metadata');
}

function pinsFile(stateDir: string): string {
  return join(stateDir, 'metadata', 'pinned-keys.json');
}

/**
 * Trust starts from version 1 of the county's root, checked against the pinned keys, when there is no trusted
 * root yet or the kiosk config now pins other keys than those the trusted root was accepted with.
 */
async function bootstrapIfNeeded(options: RefreshOptions, fetcher: CountyFetcher): Promise<void> {
  const dir = trustedDir(options.stateDir);
  const pins = JSON.stringify(pinnedHexKeys(options.pinned));
  const current = existsSync(pinsFile(options.stateDir))
    ? readFileSync(pinsFile(options.stateDir), 'utf8')
    : null;
  if (existsSync(join(dir, 'root.json')) && current === pins) return;
  const bytes = await fetcher.downloadBytes(`${options.metadataBaseUrl}1.root.json`, ROOT_MAX_BYTES);
  verifyFirstRoot(bytes, options.pinned);
  rmSync(dir, { recursive: true, force: true });
  ensurePrivateDir(dir);
  writeFileAtomically(join(dir, 'root.json'), bytes);
  writeFileAtomically(pinsFile(options.stateDir), pins);
}

function classify(error: unknown, fetcher: CountyFetcher): SyncError {
  if (error instanceof SyncError) return error;
  if (fetcher.lastFailure !== null)
    return new SyncError('unreachable', fetcher.lastFailure, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  // tuf-js wraps some of its errors in a RuntimeError that keeps only the message.
  if (error instanceof ExpiredMetadataError || /is expired/.test(message)) {
    return new SyncError(
      'stale',
      `the county's publication has expired (${message}); keeping the data held`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof DownloadLengthMismatchError || /Max length reached/.test(message)) {
    return new SyncError('refused', `a metadata file is longer than allowed (${message})`, { cause: error });
  }
  if (error instanceof BadVersionError || /version/i.test(message)) {
    return new SyncError('refused', `rollback or version mismatch refused (${message})`, { cause: error });
  }
  return new SyncError('refused', `the county's metadata failed verification (${message})`, { cause: error });
}

export async function refreshMetadata(options: RefreshOptions): Promise<VerifiedMetadata> {
  const fetcher = new CountyFetcher(options.fetch);
  const trusted = trustedDir(options.stateDir);
  const work = join(options.stateDir, 'metadata.work');
  try {
    await bootstrapIfNeeded(options, fetcher);
    rmSync(work, { recursive: true, force: true });
    ensurePrivateDir(work);
    for (const name of METADATA_FILES) {
      if (existsSync(join(trusted, name))) copyFileSync(join(trusted, name), join(work, name));
    }
    const updater = new Updater({
      metadataDir: work,
      metadataBaseUrl: options.metadataBaseUrl,
      fetcher,
      config: { fetchRetry: 0 },
    });
    const trustedSet = internals(updater);
    trustedSet.referenceTime = options.now;
    await updater.refresh();
    const targets = trustedSet.targets;
    const timestamp = trustedSet.timestamp;
    if (!targets || !timestamp) throw refused('the county published no targets');
    for (const name of METADATA_FILES) {
      if (existsSync(join(work, name)))
        writeFileAtomically(join(trusted, name), readFileSync(join(work, name)));
    }
    return {
      targetsVersion: targets.signed.version,
      timestampExpires: timestamp.signed.expires,
      targets: new Map(Object.entries(targets.signed.targets)),
    };
  } catch (error) {
    throw classify(error, fetcher);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
