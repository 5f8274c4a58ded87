import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileAtomically, writeFileAtomically } from './durable-file.nodejs';
import {
  ensurePrivateDir,
  preparePrivateDatabase,
  tightenPrivateFile,
  writePrivateFile,
} from './private-files.nodejs';

let dir: string;
let umask: number;

const modeOf = (path: string) => statSync(path).mode & 0o777;

beforeAll(() => {
  // The usual umask of a login shell or a service: without care, new files are 0644 and folders 0755.
  umask = process.umask(0o022);
  dir = mkdtempSync(join(tmpdir(), 'private-files-'));
});

afterAll(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

describe('private folders and files under umask 022', () => {
  it('creates folders 0700, missing parents included, and tightens one made 0755 before', () => {
    const nested = join(dir, 'a', 'b');
    ensurePrivateDir(nested);
    expect(modeOf(join(dir, 'a'))).toBe(0o700);
    expect(modeOf(nested)).toBe(0o700);

    const old = join(dir, 'old');
    mkdirSync(old, { mode: 0o755 });
    ensurePrivateDir(old);
    expect(modeOf(old)).toBe(0o700);
  });

  it('writes files 0600 and tightens a file left 0644 before writing into it', () => {
    const file = join(dir, 'people.json');
    writePrivateFile(file, '{}');
    expect(modeOf(file)).toBe(0o600);
    chmodSync(file, 0o644);
    writePrivateFile(file, '{"again":true}');
    expect(modeOf(file)).toBe(0o600);

    tightenPrivateFile(join(dir, 'missing')); // no error
  });

  it('writes durable files 0600 unless told otherwise, and creates files whole without replacing one', () => {
    const state = join(dir, 'state.json');
    writeFileAtomically(state, '{}');
    expect(modeOf(state)).toBe(0o600);
    const key = join(dir, 'root.pem');
    createFileAtomically(key, 'secret');
    expect(modeOf(key)).toBe(0o600);
    expect(() => createFileAtomically(key, 'other')).toThrow(/EEXIST/);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('SQLite databases made private before they are opened', () => {
  it('keeps the database and the -wal and -shm files SQLite creates 0600', () => {
    const file = join(dir, 'outbox.db');
    preparePrivateDatabase(file);
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
      expect(modeOf(`${file}-shm`)).toBe(0o600);
    } finally {
      db.close();
    }
  });

  it('keeps the rollback journal 0600 while a transaction writes', () => {
    const file = join(dir, 'county.db');
    preparePrivateDatabase(file);
    const db = new Database(file);
    try {
      db.exec('CREATE TABLE t (x)');
      db.transaction(() => {
        db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
        expect(existsSync(`${file}-journal`)).toBe(true);
        expect(modeOf(`${file}-journal`)).toBe(0o600);
      })();
    } finally {
      db.close();
    }
  });

  it('tightens a database and companions an earlier version left 0644, and keeps their data', () => {
    const file = join(dir, 'replica.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (42)');
    // Left open: its -wal and -shm stay, as after a crash.
    for (const path of [file, `${file}-wal`, `${file}-shm`]) chmodSync(path, 0o644);
    writeFileSync(`${file}-journal`, '');
    chmodSync(`${file}-journal`, 0o644);
    try {
      preparePrivateDatabase(file);
      for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
        expect(modeOf(path), path).toBe(0o600);
      rmSync(`${file}-journal`);
      const reader = new Database(file, { readonly: true });
      expect(reader.prepare('SELECT x FROM t').pluck().get()).toBe(42);
      reader.close();
    } finally {
      db.close();
    }
  });
});
