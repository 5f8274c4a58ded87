/**
 * Files that hold personal data or secrets — the county's master database and key cache, the terminal's
 * replica, outbox, config, sync state and receipts, the demo's people list — are readable by their owner
 * only: 0600 files in 0700 folders, whatever the process umask. Files made by earlier versions with 0644 are
 * tightened when they are opened again.
 *
 * SQLite gives the -journal, -wal and -shm files it creates the mode of the main database file, so a database
 * made private before SQLite opens it keeps its companions private too.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_DIR_MODE = 0o700;

/** SQLite's companion files, which may outlive a crash beside the database. */
const SQLITE_COMPANIONS = ['-journal', '-wal', '-shm'] as const;

/**
 * Sets `mode` on what exists at `path` when it is wider. A file of another owner (EPERM) is left as it is:
 * reading it is that owner's decision, and refusing to open it would help no one.
 */
function tighten(path: string, mode: number): void {
  let current: number;
  try {
    current = statSync(path).mode & 0o777;
  } catch {
    return;
  }
  if ((current & ~mode) === 0) return;
  try {
    chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}

/** Creates `dir` (missing parents too) as 0700, or tightens it when it exists. Parents that exist are not touched. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/** Tightens an existing file to 0600 (files written by earlier versions); a missing file is no error. */
export function tightenPrivateFile(file: string): void {
  tighten(file, PRIVATE_FILE_MODE);
}

/** Writes `file` as 0600 (an existing file is tightened first, so no byte is ever readable by others). */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  tightenPrivateFile(file);
  writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
}

/**
 * Call before opening an SQLite database for writing: creates the file empty as 0600 when it is missing (an
 * empty file is an empty database to SQLite) and tightens it and any companion files that exist.
 */
export function preparePrivateDatabase(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  tightenPrivateFile(file);
  for (const suffix of SQLITE_COMPANIONS) tightenPrivateFile(`${file}${suffix}`);
}
