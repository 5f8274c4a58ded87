/**
 * One sync pass: refresh the county's signed metadata, choose the delta or the full replica, make sure the
 * distribution key it is encrypted under is held, download it with resume, verify, decrypt and apply it
 * atomically, and record the outcome in `<state>/state.json`.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncStateDir } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';
import { PUBLISH_PATH_PREFIX } from '../../domain/county-api';
import { ensurePrivateDir, tightenPrivateFile } from '../../domain/private-files.nodejs';
import { applyTarget, heldVersion, removeStaleTemps } from './apply-replica';
import { chooseTarget } from './choose-target';
import { distributionKeyFor } from './distribution-keys';
import type { FetchFunction } from './county-fetcher';
import { downloadTarget } from './download-target';
import { refreshMetadata } from './refresh-metadata';
import { SyncError } from './sync-error';
import { readSyncState, writeSyncState, type SyncOutcome } from './sync-state';

export interface SyncOptions {
  /** Defaults to Node's global fetch. */
  fetch?: FetchFunction;
  /** The clock metadata expiry is checked against; defaults to now. */
  now?: Date;
}

export interface SyncResult {
  outcome: SyncOutcome;
  /** The data version the replica held before, null when there was none. */
  fromVersion: number | null;
  /** The data version the replica holds after this pass. */
  toVersion: number | null;
  /** Bytes of target data received over the network. */
  bytes: number;
  /** Milliseconds spent putting the downloaded target into service (unpack, apply, checks, sync to disk). */
  applyMs?: number;
  /** Why the pass did not end with the replica current. */
  reason?: string;
}

function publishUrl(config: KioskConfig): string {
  return `${config.county.baseUrl.replace(/\/+$/, '')}${PUBLISH_PATH_PREFIX}`;
}

export async function syncOnce(config: KioskConfig, options: SyncOptions = {}): Promise<SyncResult> {
  const now = options.now ?? new Date();
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const stateDir = syncStateDir(config);
  const replica = config.paths.replica;
  // The terminal's data and the agent's state are its own: 0700 folders, and a replica made 0644 by an
  // earlier version is tightened.
  ensurePrivateDir(dirname(replica));
  ensurePrivateDir(stateDir);
  tightenPrivateFile(replica);
  removeStaleTemps(replica);
  const fromVersion = heldVersion(replica);
  let bytes = 0;
  let result: SyncResult;
  try {
    const metadata = await refreshMetadata({
      stateDir,
      metadataBaseUrl: publishUrl(config),
      pinned: config.trust.publicKeys,
      fetch: fetchFunction,
      now,
    });
    const choice = chooseTarget(metadata.targetsVersion, metadata.targets, fromVersion);
    if (choice.kind === 'current') {
      result = { outcome: 'current', fromVersion, toVersion: fromVersion, bytes };
    } else {
      const targetsBaseUrl = `${publishUrl(config)}targets/`;
      // Before the download: a terminal the county gave no key need not fetch hundreds of megabytes.
      const key = await distributionKeyFor({
        stateDir,
        keyId: choice.target.custom.encryption.keyId,
        token: config.accessToken,
        targetsBaseUrl,
        targets: metadata.targets,
        fetch: fetchFunction,
      });
      const downloaded = await downloadTarget({
        stateDir,
        targetsBaseUrl,
        target: choice.target,
        fetch: fetchFunction,
      });
      bytes = downloaded.bytes;
      const applyStart = performance.now();
      try {
        await applyTarget({
          replica,
          downloaded: downloaded.file,
          target: choice.target,
          base: fromVersion,
          key,
        });
      } finally {
        // Verified but unusable, or applied: either way it is not needed again.
        rmSync(downloaded.file, { force: true });
      }
      const applyMs = performance.now() - applyStart;
      result = { outcome: 'updated', fromVersion, toVersion: heldVersion(replica), bytes, applyMs };
    }
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    result = {
      outcome: error.kind,
      fromVersion,
      toVersion: heldVersion(replica),
      bytes,
      reason: error.message,
    };
  }
  const previous = readSyncState(stateDir);
  const succeeded = result.outcome === 'updated' || result.outcome === 'current';
  writeSyncState(stateDir, {
    lastAttemptAt: now.toISOString(),
    lastOutcome: result.outcome,
    lastError: result.reason ?? null,
    lastSuccessAt: succeeded ? now.toISOString() : (previous?.lastSuccessAt ?? null),
    dataVersion: result.toVersion,
  });
  return result;
}
