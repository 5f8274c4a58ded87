import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquirePassLock, passLockFile } from './pass-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huimin-pass-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('acquirePassLock', () => {
  it('refuses a second pass while the first holds the lock, and allows it after release', () => {
    const first = acquirePassLock(dir);
    expect(first).not.toBeNull();
    expect(readFileSync(passLockFile(dir), 'utf8').trim()).toBe(String(process.pid));
    expect(acquirePassLock(dir)).toBeNull();
    first!.release();
    expect(existsSync(passLockFile(dir))).toBe(false);
    const second = acquirePassLock(dir);
    expect(second).not.toBeNull();
    second!.release();
  });

  it('takes over a lock left by a process that is gone', async () => {
    writeFileSync(passLockFile(dir), `${await deadPid()}\n`);
    const lock = acquirePassLock(dir);
    expect(lock).not.toBeNull();
    expect(readFileSync(passLockFile(dir), 'utf8').trim()).toBe(String(process.pid));
    lock!.release();
  });

  it('leaves a lock held by a live process alone', () => {
    // pid 1 is always alive (and not ours).
    writeFileSync(passLockFile(dir), '1\n');
    expect(acquirePassLock(dir)).toBeNull();
    expect(readFileSync(passLockFile(dir), 'utf8').trim()).toBe('1');
  });
});
