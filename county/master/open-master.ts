/**
 * Opens the county master database (SQLite), bringing its schema up to date with the numbered migrations.
 * One process writes at a time (WAL lets the server keep reading while an import or publish writes).
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { preparePrivateDatabase } from '../../domain/private-files.nodejs';
import { MIGRATIONS, type Migration } from './migrations';

export type MasterDatabase = Database.Database;

export class MasterDatabaseError extends Error {}

export interface OpenMasterOptions {
  /** Create the file when it is missing (only `init` and the demo do); otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
}

function applyMigrations(db: MasterDatabase, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new MasterDatabaseError(
      `the master database is at schema version ${current}, newer than this program knows (${latest}); ` +
        'use a newer huimin-county',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export function openMaster(file: string, options: OpenMasterOptions = {}): MasterDatabase {
  if (!options.create && !existsSync(file)) {
    throw new MasterDatabaseError(`no master database at ${file}; run 'huimin-county init' first`);
  }
  // The master holds every resident's full record and the sealing-key cache: owner-only, companions too.
  if (!options.readonly) preparePrivateDatabase(file);
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      applyMigrations(db, MIGRATIONS);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `work` in one write transaction taken at its start, so concurrent writers queue instead of failing. */
export function inWriteTransaction<T>(db: MasterDatabase, work: () => T): T {
  return db.transaction(work).immediate();
}
