/**
 * Writes that survive a crash or power cut at any instant: a file is complete under its final name or not
 * there at all. Rename is atomic on POSIX file systems; the fsyncs make the data and the rename durable.
 * The county's publisher and the terminal's sync agent both rely on it for the published data.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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

export function writeFileAtomically(file: string, bytes: string | Uint8Array, mode = 0o644): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, bytes, { mode });
  durableRename(temp, file);
}
