/**
 * `<state>/state.json`: what the last sync attempt did, for `status`, heartbeats and the UI's staleness
 * warning. Versions, times and reasons only — never anything about a person.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';

export const SYNC_OUTCOMES = ['updated', 'current', 'stale', 'refused', 'unreachable'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

const syncStateSchema = z.object({
  lastAttemptAt: z.string(),
  lastOutcome: z.enum(SYNC_OUTCOMES),
  /** Why the last attempt failed; null after a success. */
  lastError: z.string().nullable(),
  /** The last attempt that ended with the replica holding the newest verified version. */
  lastSuccessAt: z.string().nullable(),
  dataVersion: z.number().int().nonnegative().nullable(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export function syncStateFile(stateDir: string): string {
  return join(stateDir, 'state.json');
}

/** The recorded state, or null before the first attempt (or if the file is unreadable). */
export function readSyncState(stateDir: string): SyncState | null {
  const file = syncStateFile(stateDir);
  if (!existsSync(file)) return null;
  try {
    const parsed = syncStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeSyncState(stateDir: string, state: SyncState): void {
  ensurePrivateDir(stateDir);
  writeFileAtomically(syncStateFile(stateDir), `${JSON.stringify(state, null, 1)}\n`);
}
