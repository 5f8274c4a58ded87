/**
 * Import throughput: a realistic civil-affairs export of `rows` payments (valid ID numbers of the unassigned
 * region 3599xx, names, four programs, grouped amounts, Chinese status words, full card numbers) is loaded
 * in the same run by the sqlite3 CLI's `.import` (no checks at all: every column as text into one table
 * without indexes, rollback journal), by the same `.import` followed by an INSERT … SELECT into a WAL table
 * shaped like `payments` (its UNIQUE key and second index, no checks), and by `huimin-county import` (every
 * row validated, residents created, payments upserted into a fresh master database, in WAL). The goal of the
 * issue is measured against the first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPayments } from '../../county/import/import-payments';
import { createFixtureMaster } from '../../county/import/fixture-master';
import { loadMapping } from '../../county/import/mapping';
import { checkDigitOf } from '../../domain/id-number';
import { timeMs, type BenchRow } from './bench-row';

const SQLITE3 = '/usr/bin/sqlite3';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '林', '郑', '欧阳', '司马'];
const GIVEN = [
  '伟',
  '芳',
  '秀英',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '桂兰',
  '䶮',
];
const PLACES = [
  ['城关镇', '上坪村'],
  ['城关镇', '城东社区'],
  ['梅山乡', '梅山村'],
  ['梅山乡', '竹林村'],
  ['白沙乡', '白沙村'],
] as const;
const PROGRAMS = [
  ['城乡低保', '810.00', '810.00'],
  ['低保金', '810.00', '605.50'],
  ['特困人员救助供养', '1,053.00', '1,053.00'],
  ['高龄津贴', '100.00', '100.00'],
] as const;
const PAYMENTS_PER_PERSON = 6;

/** A small deterministic generator, so every run measures the same file. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writeDepartmentCsv(file: string, rows: number): void {
  const random = generator(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const lines = [
    '序号,乡镇,村,姓名,身份证号,项目名称,所属期,标准,发放金额,计划发放日期,发放日期,状态,银行账号,批次',
  ];
  let person = 0;
  for (let row = 0; row < rows; person++) {
    // Distinct (birth date, sequence) pairs, so every resident gets a number of their own.
    const birth = new Date(Date.UTC(1930, 0, 1) + ((Math.floor(person / 1000) * 97) % 27000) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const first17 = `3599${String(1 + (person % 3)).padStart(2, '0')}${birth}${String(person % 1000).padStart(3, '0')}`;
    const idNumber = first17 + checkDigitOf(first17);
    const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.5 ? pick(GIVEN) : '');
    const [township, village] = pick(PLACES);
    const [program, standard, amount] = pick(PROGRAMS);
    const card = `62170${String(Math.floor(random() * 1e13)).padStart(14, '0')}`;
    for (let month = 1; month <= PAYMENTS_PER_PERSON && row < rows; month++, row++) {
      const mm = String(month).padStart(2, '0');
      const quotedAmount = amount.includes(',') ? `"${amount}"` : amount;
      const quotedStandard = standard.includes(',') ? `"${standard}"` : standard;
      lines.push(
        `${row + 1},${township},${village},${name},${idNumber},${program},2025-${mm},${quotedStandard},${quotedAmount},` +
          `2025-${mm}-10,2025/${month}/12,已发放,${card},2025年第${month}批`,
      );
    }
  }
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
}

// The payments table's natural key and program index, with the raw text columns (no residents, no checks).
const SHAPED_PAYMENTS = `CREATE TABLE payments (id INTEGER PRIMARY KEY, person TEXT NOT NULL, program TEXT NOT NULL,
  period TEXT NOT NULL, standard TEXT, amount TEXT, planned_date TEXT, paid_date TEXT, status TEXT, card TEXT,
  batch TEXT NOT NULL, UNIQUE (person, program, period, batch));
CREATE INDEX payments_program_period ON payments(program, period);
INSERT INTO payments (person, program, period, standard, amount, planned_date, paid_date, status, card, batch)
  SELECT 身份证号, 项目名称, 所属期, 标准, 发放金额, 计划发放日期, 发放日期, 状态, 银行账号, 批次 FROM payments_raw;`;

/** Runs the sqlite3 CLI on `db` with these commands: how many seconds it took, or NaN if it failed. */
async function sqliteSeconds(db: string, commands: readonly string[]): Promise<number> {
  let status: number | null = null;
  const ms = await timeMs(() => {
    status = spawnSync(SQLITE3, [db, ...commands], { stdio: 'ignore' }).status;
  });
  return status === 0 ? ms / 1000 : Number.NaN;
}

export async function importBench(options: { rows: number }): Promise<BenchRow[]> {
  const { rows } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-import-bench-'));
  try {
    const csv = path.join(dir, 'civil-affairs.csv');
    writeDepartmentCsv(csv, rows);
    const size = `${rows} rows, ${(statSync(csv).size / 2 ** 20).toFixed(1)} MiB CSV`;
    const result: BenchRow[] = [];

    let sqliteRate: number | null = null;
    if (existsSync(SQLITE3)) {
      const raw = await sqliteSeconds(path.join(dir, 'raw.db'), ['.mode csv', `.import ${csv} payments_raw`]);
      sqliteRate = Number.isNaN(raw) ? null : rows / raw;
      result.push({
        measure: 'sqlite3 .import (peer: text table, no indexes, no checks)',
        value: rows / raw,
        unit: 'rows/s',
        data: size,
      });
      const shaped = await sqliteSeconds(path.join(dir, 'shaped.db'), [
        'PRAGMA journal_mode = WAL;',
        'PRAGMA synchronous = NORMAL;',
        '.mode csv',
        `.import ${csv} payments_raw`,
        SHAPED_PAYMENTS,
      ]);
      result.push({
        measure: 'sqlite3 .import + INSERT … SELECT into a payments-shaped WAL table (peer)',
        value: rows / shaped,
        unit: 'rows/s',
        data: size,
      });
    } else {
      result.push({
        measure: `sqlite3 CLI not found at ${SQLITE3}`,
        value: Number.NaN,
        unit: 'rows/s',
        data: size,
      });
    }

    const master = createFixtureMaster(path.join(dir, 'master.db'));
    try {
      const mapping = loadMapping('civil-affairs-payments');
      let inserted = 0;
      const ms = await timeMs(async () => {
        const outcome = await importPayments(master, { file: csv, mapping });
        if (outcome.kind !== 'imported')
          throw new Error(
            `bench import was refused: ${outcome.kind} ${JSON.stringify(outcome.kind === 'rows-refused' ? outcome.summary.problems.slice(0, 3) : outcome)}`,
          );
        inserted = outcome.summary.inserted;
      });
      if (inserted !== rows) throw new Error(`bench import inserted ${inserted} of ${rows} rows`);
      const ours = rows / (ms / 1000);
      result.push({
        measure: 'huimin-county import (full validation; checking and writing threads)',
        value: ours,
        unit: 'rows/s',
        data: size,
      });
      if (sqliteRate !== null) {
        result.push({
          measure: 'import ÷ sqlite3 .import (goal ≥ 0.5)',
          value: ours / sqliteRate,
          unit: '×',
          data: size,
        });
      }
    } finally {
      master.close();
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
