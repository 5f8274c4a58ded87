/** What `huimin-sync status` shows: the replica's version and age, the last attempt, and the outbox. */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { replicaMetaSchema } from '../../domain/published/replica-format';
import { syncStateDir } from '../../kiosk-config/load-config';
import type { KioskConfig } from '../../kiosk-config/schema';
import { openOutbox } from '../outbox/open-outbox';
import { readSyncState, type SyncState } from '../replica-sync/sync-state';

export interface TerminalStatus {
  dataVersion: number | null;
  dataAsOf: string | null;
  lastSync: SyncState | null;
  outbox: {
    depth: number;
    /** Set aside: the county refused them for good. Keys and reasons only, never a body. */
    failed: { clientKey: string; createdAt: string; lastError: string | null }[];
  };
}

function replicaMeta(file: string): { dataVersion: number; dataAsOf: string } | null {
  if (!existsSync(file)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const parsed = replicaMetaSchema.safeParse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
    return parsed.success ? { dataVersion: parsed.data.dataVersion, dataAsOf: parsed.data.dataAsOf } : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export function readTerminalStatus(config: KioskConfig): TerminalStatus {
  const meta = replicaMeta(config.paths.replica);
  const outbox = openOutbox(config.paths.outbox);
  try {
    return {
      dataVersion: meta?.dataVersion ?? null,
      dataAsOf: meta?.dataAsOf ?? null,
      lastSync: readSyncState(syncStateDir(config)),
      outbox: {
        depth: outbox.depth(),
        failed: outbox.failedItems().map((item) => ({
          clientKey: item.clientKey,
          createdAt: item.createdAt,
          lastError: item.lastError,
        })),
      },
    };
  } finally {
    outbox.close();
  }
}
