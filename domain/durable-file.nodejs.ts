/**
 * Writes that survive a crash or power cut at any instant: a file is complete under its final name or not
 * there at all. Rename is atomic on POSIX file systems; the fsyncs make the data and the rename durable.
 * The county's publisher and the terminal's sync agent both rely on it for the published data.
 */
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PRIVATE_FILE_MODE } from './private-files.nodejs';

export function fsyncPath(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Renames `from` over `to` durably: the data first, then the directory entry. */
export function durableRename(from: string, to: string): void {
  fsyncPath(from);
  renameSync(from, to);
  try {
    fsyncPath(dirname(to));
  } catch {
    // Some platforms cannot open a directory to sync it; the rename itself is still atomic there.
  }
}

/** Readable by everyone: only for what is published anyway (the publish directory). */
export const PUBLIC_FILE_MODE = 0o644;

/** Owner-only (0600) unless `mode` says otherwise: most of what is written this way is someone's data. */
export function writeFileAtomically(
  file: string,
  bytes: string | Uint8Array,
  mode = PRIVATE_FILE_MODE,
): void {
  const temp = `${file}.${process.pid}.tmp`;
  // A temp file left by a crash keeps its old mode through writeFileSync: start afresh.
  rmSync(temp, { force: true });
  writeFileSync(temp, bytes, { mode });
  durableRename(temp, file);
}

/**
 * Creates `file` whole or not at all, and never over an existing one (EEXIST): a crash at any instant leaves no
 * half-written file under the final name for the next run to trip over.
 */
export function createFileAtomically(
  file: string,
  bytes: string | Uint8Array,
  mode = PRIVATE_FILE_MODE,
): void {
  const temp = `${file}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  writeFileSync(temp, bytes, { mode });
  try {
    fsyncPath(temp);
    linkSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  try {
    fsyncPath(dirname(file));
  } catch {
    // As in durableRename: the link itself is atomic even where a directory cannot be synced.
  }
}
