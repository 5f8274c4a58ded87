/**
 * One pass at a time per terminal: `<state>/pass.lock`, created exclusively with the holder's pid inside. A
 * lock whose holder is gone (killed, power cut) is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';

export interface PassLock {
  release(): void;
}

export function passLockFile(stateDir: string): string {
  return join(stateDir, 'pass.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock, or null when a live process holds it. */
export function acquirePassLock(stateDir: string): PassLock | null {
  ensurePrivateDir(stateDir);
  const file = passLockFile(stateDir);
  if (!tryCreate(file)) {
    const holder = holderOf(file);
    // A file without a pid may be one being written this instant: treated as held.
    if (holder === null || isAlive(holder)) return null;
    rmSync(file, { force: true });
    if (!tryCreate(file)) return null;
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      if (holderOf(file) === process.pid) rmSync(file, { force: true });
    },
  };
}
