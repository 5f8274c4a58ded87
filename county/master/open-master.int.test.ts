import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { MasterDatabaseError, openMaster } from './open-master';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'master-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openMaster', () => {
  it('creates the schema once and reopens without redoing it', () => {
    const file = join(dir, 'county.db');
    const db = openMaster(file, { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    db.prepare("INSERT INTO regions (code, level, name) VALUES ('359901', 'county', '岚溪县')").run();
    db.close();

    const again = openMaster(file);
    expect(again.prepare('SELECT name FROM regions').pluck().get()).toBe('岚溪县');
    again.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expect(() => openMaster(join(dir, 'missing.db'))).toThrow(MasterDatabaseError);
  });

  it('refuses a database written by a newer program', () => {
    const file = join(dir, 'county.db');
    const db = openMaster(file, { create: true });
    db.pragma('user_version = 999');
    db.close();
    expect(() => openMaster(file)).toThrow(/schema version 999/);
  });

  it('keeps amounts, statuses and card tails honest at the database level', () => {
    const db = openMaster(join(dir, 'county.db'), { create: true });
    db.exec(`
      INSERT INTO regions (code, level, name) VALUES ('359901', 'county', '岚溪县');
      INSERT INTO persons (id, id_number, name, sex, birth_date) VALUES (1, '35990119500101001X', '张三', 'male', '1950-01-01');
      INSERT INTO programs VALUES ('p', '项目', 'Program', 'c', 'd', 'b', 100, 'u', 'u', 'yearly', 'e', 'p', 'm', '12345');
    `);
    const insert = db.prepare(
      `INSERT INTO payments (person_id, program_code, period, amount_fen, planned_date, paid_date, status, card_tail)
       VALUES (1, 'p', ?, 100, '2026-01-05', ?, ?, ?)`,
    );
    expect(() => insert.run('2026', null, 'paid', '1234')).toThrow(/CHECK/);
    expect(() => insert.run('2026', '2026-01-05', 'paid', '12345')).toThrow(/CHECK/);
    expect(() => insert.run('2026', '2026-01-05', 'paid', '12a4')).toThrow(/CHECK/);
    insert.run('2026', '2026-01-05', 'paid', '1234');
    expect(() => insert.run('2026', '2026-01-05', 'paid', '1234')).toThrow(/UNIQUE/);
    db.close();
  });
});
