import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../domain/id-number';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { runCountyCli } from '../cli';
import { captureOutput } from '../cli/capture-output';
import type { DemoAnomaly } from '../demo/model';
import { readCounty, readKdf } from '../master/county-settings';
import { openMaster, type MasterDatabase } from '../master/open-master';

const dir = mkdtempSync(join(tmpdir(), 'county-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = '2025-06-10';

async function demo(file: string, ...extra: string[]) {
  const io = captureOutput();
  const code = await runCountyCli(
    ['demo', '--db', file, '--residents', '2500', '--today', TODAY, '--kdf-cost', 'test', ...extra],
    io,
  );
  return { code, io };
}

/** Every row of every table the demo fills, except the random salt and the creation time. */
function digest(file: string): string {
  const db = openMaster(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const queries = [
      'SELECT code, name, hotline FROM county',
      "SELECT key, CASE key WHEN 'kdf' THEN json_remove(value, '$.salt') ELSE value END FROM settings ORDER BY key",
      'SELECT * FROM regions ORDER BY code',
      'SELECT * FROM households ORDER BY id',
      'SELECT * FROM persons ORDER BY id',
      'SELECT * FROM programs ORDER BY code',
      'SELECT * FROM program_aliases ORDER BY alias',
      'SELECT * FROM payments ORDER BY id',
      'SELECT * FROM rosters ORDER BY id',
      'SELECT * FROM roster_entries ORDER BY roster_id, person_id',
      'SELECT * FROM village_finances ORDER BY id',
      'SELECT * FROM cadres ORDER BY id',
      'SELECT * FROM cadre_relatives ORDER BY cadre_id, person_id',
      'SELECT * FROM service_items ORDER BY code',
      'SELECT * FROM micro_powers ORDER BY code',
      'SELECT * FROM micro_power_steps ORDER BY power_code, step_no',
    ];
    for (const sql of queries) {
      for (const row of db.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

interface AnomalyFile {
  synthetic: boolean;
  anomalies: DemoAnomaly[];
}

describe('huimin-county demo', () => {
  const file = join(dir, 'county.db');
  let db: MasterDatabase;
  let anomalies: DemoAnomaly[];
  let summary: { counts: { residents: number; payments: number }; anomaliesFile: string };
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;

  beforeAll(async () => {
    const { code, io } = await demo(file, '--seed', '7', '--json');
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    summary = JSON.parse(io.stdout.join(''));
    anomalies = (JSON.parse(readFileSync(`${file}.anomalies.json`, 'utf8')) as AnomalyFile).anomalies;
    db = openMaster(file, { readonly: true });
  });
  afterAll(() => db?.close());

  it('fills every table of the county with references that all hold', () => {
    expect(summary.counts.residents).toBe(2500);
    expect(summary.anomaliesFile).toBe(`${file}.anomalies.json`);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(readdirSync(dir).filter((f) => f.includes('.building'))).toEqual([]);
    expect(readCounty(db)).toEqual({ code: '359901', name: '岚溪县', hotline: '12345' });
    expect(readKdf(db)).toMatchObject({ N: TEST_KDF_COST.N, algorithm: 'scrypt' });
    for (const table of [
      'households',
      'program_aliases',
      'roster_entries',
      'village_finances',
      'cadre_relatives',
      'micro_power_steps',
    ]) {
      // prettier-ignore
      expect(one(`SELECT count(*) FROM ${table}`), table).toBeGreaterThan(0);
    }
    expect(one('SELECT count(*) FROM persons')).toBe(2500);
    expect(one('SELECT count(*) FROM payments')).toBe(summary.counts.payments);
    expect(one('SELECT count(*) FROM programs')).toBe(15);
    expect(one('SELECT count(*) FROM service_items')).toBe(64);
    expect(one('SELECT count(*) FROM micro_powers')).toBe(36);
    expect(
      all<{ level: string }>('SELECT DISTINCT level FROM regions ORDER BY level').map((r) => r.level),
    ).toEqual(['county', 'group', 'township', 'village']);
    expect(one("SELECT count(*) FROM regions WHERE code NOT LIKE '3599%'")).toBe(0);
    expect(one("SELECT count(*) FROM regions WHERE level = 'group' AND length(code) <> 15")).toBe(0);
    expect(one("SELECT count(*) FROM programs WHERE phone <> '12345'")).toBe(0);
    expect(one("SELECT count(*) FROM service_items WHERE phone <> '12345'")).toBe(0);
    expect(one('SELECT count(*) FROM households WHERE group_code IS NULL')).toBe(0);
  });

  it('issues valid ID numbers and stores relations, deaths and 4-digit card tails', () => {
    for (const { id_number } of all<{ id_number: string }>('SELECT id_number FROM persons')) {
      expect(parseIdNumber(id_number, TODAY).ok).toBe(true);
    }
    const relations = all<{ relation: string }>('SELECT DISTINCT relation FROM persons ORDER BY 1');
    expect(relations.map((r) => r.relation)).toEqual(['child', 'head', 'other', 'parent', 'spouse']);
    expect(one('SELECT count(*) FROM persons WHERE deceased_on IS NOT NULL')).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM payments WHERE card_tail IS NULL OR card_tail NOT GLOB '[0-9][0-9][0-9][0-9]'")).toBe(0); // prettier-ignore
    expect(one("SELECT count(*) FROM payments WHERE batch NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-*-[0-9][0-9]'")).toBe(0); // prettier-ignore
  });

  it('pays every program, in every status, with quantities for the per-mu programs', () => {
    expect(one('SELECT count(*) FROM programs WHERE code NOT IN (SELECT program_code FROM payments)')).toBe(
      0,
    );
    const statuses = all<{ status: string }>('SELECT DISTINCT status FROM payments ORDER BY 1');
    expect(statuses.map((s) => s.status)).toEqual(['failed', 'paid', 'pending']);
    expect(one(`SELECT count(*) FROM payments WHERE status = 'pending' AND planned_date < '${TODAY}'`)).toBeGreaterThan(0); // prettier-ignore
    expect(one('SELECT count(*) FROM payments WHERE paid_date > planned_date')).toBeGreaterThan(0);
    expect(one("SELECT count(*) FROM payments WHERE program_code = 'farmland-fertility' AND quantity_milli IS NULL")).toBe(0); // prettier-ignore
    expect(
      one("SELECT count(*) FROM payments WHERE period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'"),
    ).toBeGreaterThan(0);
  });

  const listed = (kind: DemoAnomaly['kind'], which: (ids: string[]) => string[] = (ids) => ids) =>
    anomalies
      .filter((a) => a.kind === kind)
      .flatMap((a) => which(a.idNumbers).flatMap((id) => a.periods.map((p) => `${id}|${a.programCode}|${p}`)))
      .sort();
  const keys = (sql: string) => all<{ k: string }>(sql).map((r) => r.k).sort(); // prettier-ignore
  const KEY = "p.id_number || '|' || y.program_code || '|' || y.period AS k";

  it('lists planted anomalies of every kind, with valid ID numbers and a reason', () => {
    expect(new Set(anomalies.map((a) => a.kind))).toEqual(
      new Set(['deceased-paid', 'cadre-relative-dibao', 'paid-twice', 'over-standard', 'shared-card-tail']),
    );
    for (const a of anomalies) {
      expect(a.why.length).toBeGreaterThan(10);
      for (const id of a.idNumbers)
        expect(one(`SELECT count(*) FROM persons WHERE id_number = '${id}'`)).toBe(1);
    }
  });

  it('pays nobody after their death except the planted deceased-paid cases, exactly as listed', () => {
    const after = keys(
      `SELECT DISTINCT ${KEY} FROM payments y JOIN persons p ON p.id = y.person_id
       WHERE y.status = 'paid' AND (y.planned_date > p.deceased_on OR y.paid_date > p.deceased_on)`,
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after).toEqual(listed('deceased-paid'));
  });

  it('finds 低保 for cadre relatives exactly where planted', () => {
    const found = keys(
      `SELECT DISTINCT ${KEY} FROM payments y JOIN persons p ON p.id = y.person_id
       WHERE y.program_code = 'dibao' AND (
         y.person_id IN (SELECT person_id FROM cadre_relatives) OR
         p.household_id IN (SELECT h.household_id FROM cadres c JOIN persons h ON h.id = c.person_id))`,
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(listed('cadre-relative-dibao', (ids) => ids.slice(0, 1)));
    for (const a of anomalies.filter((x) => x.kind === 'cadre-relative-dibao')) {
      const [relative, cadre] = a.idNumbers;
      expect(
        one(`SELECT count(*) FROM cadre_relatives r JOIN cadres c ON c.id = r.cadre_id
             JOIN persons rp ON rp.id = r.person_id JOIN persons cp ON cp.id = c.person_id
             WHERE rp.id_number = '${relative}' AND cp.id_number = '${cadre}'`),
      ).toBe(1);
    }
  });

  it('finds double payments and amounts over the standard exactly where planted', () => {
    const twice = keys(
      `SELECT ${KEY} FROM payments y JOIN persons p ON p.id = y.person_id WHERE y.status = 'paid'
       GROUP BY y.person_id, y.program_code, y.period HAVING count(*) > 1`,
    );
    expect(twice.length).toBeGreaterThan(0);
    expect(twice).toEqual(listed('paid-twice'));
    const over = keys(
      `SELECT ${KEY} FROM payments y JOIN persons p ON p.id = y.person_id
       WHERE y.standard_fen IS NOT NULL AND y.amount_fen * 1000 > y.standard_fen * coalesce(y.quantity_milli, 1000)`,
    );
    expect(over.length).toBeGreaterThan(0);
    expect(over).toEqual(listed('over-standard'));
  });

  it('finds the card tail shared by more than five payees of one village exactly where planted', () => {
    const shared = all<{ village: string; tail: string; ids: string }>(
      `SELECT p.village_code AS village, y.card_tail AS tail, group_concat(DISTINCT p.id_number) AS ids
       FROM payments y JOIN persons p ON p.id = y.person_id
       GROUP BY p.village_code, y.card_tail HAVING count(DISTINCT y.person_id) > 5`,
    );
    const planted = anomalies.filter((a) => a.kind === 'shared-card-tail');
    expect(planted.length).toBeGreaterThan(0);
    expect(shared.map((s) => `${s.village}|${s.tail}`).sort()).toEqual(
      planted.map((a) => `${a.villageCode}|${a.cardTail}`).sort(),
    );
    for (const a of planted) {
      const row = shared.find((s) => s.tail === a.cardTail && s.village === a.villageCode);
      expect(row?.ids.split(',')).toEqual(expect.arrayContaining(a.idNumbers));
      const households = one(
        `SELECT count(DISTINCT household_id) FROM persons WHERE id_number IN (${a.idNumbers.map((id) => `'${id}'`).join(',')})`,
      );
      expect(households).toBe(a.idNumbers.length);
    }
  });

  it('posts rosters before and after disbursement whose entries are persons with a payment for them', () => {
    expect(
      all<{ stage: string }>('SELECT DISTINCT stage FROM rosters ORDER BY 1').map((r) => r.stage),
    ).toEqual(['after', 'before']);
    const orphans = one(
      `SELECT count(*) FROM roster_entries e JOIN rosters r ON r.id = e.roster_id
       WHERE NOT EXISTS (SELECT 1 FROM payments y WHERE y.person_id = e.person_id
         AND y.program_code = r.program_code AND y.period = r.period)`,
    );
    expect(orphans).toBe(0);
    expect(one("SELECT count(*) FROM rosters WHERE stage = 'before' AND objections_until <= posted_on")).toBe(
      0,
    );
    expect(one(`SELECT count(*) FROM rosters WHERE posted_on > '${TODAY}'`)).toBe(0);
  });

  it('records cadres with their posts, the service guide and the micro powers in order', () => {
    const posts = all<{ post: string }>('SELECT DISTINCT post FROM cadres').map((r) => r.post);
    for (const post of ['村党组织书记', '村民委员会主任', '村民委员会委员', '村务监督委员会主任']) {
      expect(posts).toContain(post);
    }
    for (const item of all<{ materials: string; steps: string }>(
      'SELECT materials, steps FROM service_items',
    )) {
      expect((JSON.parse(item.materials) as string[]).length).toBeGreaterThan(0);
      expect((JSON.parse(item.steps) as string[]).length).toBeGreaterThan(2);
    }
    const steps = all<{ n: number; top: number }>(
      'SELECT count(*) AS n, max(step_no) AS top FROM micro_power_steps GROUP BY power_code',
    );
    expect(steps).toHaveLength(36);
    for (const s of steps) {
      expect(s.n).toBe(s.top);
      expect(s.n).toBeGreaterThanOrEqual(4);
      expect(s.n).toBeLessThanOrEqual(8);
    }
  });

  it('gives the same rows for the same seed and day, and other rows for another seed', async () => {
    const again = join(dir, 'again.db');
    const other = join(dir, 'other.db');
    expect((await demo(again, '--seed', '7')).code).toBe(0);
    expect((await demo(other, '--seed', '8')).code).toBe(0);
    expect(digest(again)).toBe(digest(file));
    expect(digest(other)).not.toBe(digest(file));
  });
});

describe('huimin-county demo, files and refusals', () => {
  it('refuses a database that holds data unless --replace, then builds it afresh', async () => {
    const file = join(dir, 'initialised.db');
    const init = await runCountyCli(
      ['init', '--db', file, '--county-code', '359902', '--county-name', '别县', '--kdf-cost', 'test'],
      captureOutput(),
    );
    expect(init).toBe(0);
    const refused = await demo(file);
    expect(refused.code).toBe(3);
    expect(refused.io.stderr.join('\n')).toContain('--replace');
    const kept = openMaster(file, { readonly: true });
    expect(readCounty(kept)?.code).toBe('359902');
    kept.close();
    expect(existsSync(`${file}.anomalies.json`)).toBe(false);

    const replaced = await demo(file, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.io.stdout.join('\n')).toContain('2500 residents');
    const db = openMaster(file, { readonly: true });
    expect(readCounty(db)?.code).toBe('359901');
    expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(2500);
    db.close();
  });

  it('writes the people sample only when asked, and the anomaly list where asked', async () => {
    const file = join(dir, 'files.db');
    const people = join(dir, 'sample.json');
    const list = join(dir, 'planted.json');
    const { code } = await demo(file, '--people', people, '--anomalies', list, '--residents', '1200');
    expect(code).toBe(0);
    expect(existsSync(`${file}.anomalies.json`)).toBe(false);
    expect((JSON.parse(readFileSync(list, 'utf8')) as AnomalyFile).synthetic).toBe(true);
    const sample = JSON.parse(readFileSync(people, 'utf8')) as {
      people: { idNumber: string; name: string }[];
    };
    expect(sample.people).toHaveLength(1000);
    expect(sample.people.every((p) => parseIdNumber(p.idNumber, TODAY).ok && p.name !== '')).toBe(true);

    const plain = join(dir, 'plain.db');
    expect((await demo(plain, '--residents', '30')).code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('plain.db'))).toEqual([
      'plain.db',
      'plain.db.anomalies.json',
    ]);
  });

  it.each([
    [['--residents', '0']],
    [['--residents', '2000001']],
    [['--today', '2025-02-30']],
    [['--kdf-cost', 'low']],
    [['--seed', '-1']],
  ])('exits 2 with the usage for %j', async (extra) => {
    const { code, io } = await demo(join(dir, 'unused.db'), ...extra);
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toContain('Usage: huimin-county demo');
    expect(existsSync(join(dir, 'unused.db'))).toBe(false);
  });
});
