import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../domain/id-number';
import { createFixtureMaster } from './fixture-master';
import { importPayments, type ImportOutcome, type ImportRequest } from './import-payments';
import { loadMapping } from './mapping';

const HEADER =
  '序号,乡镇,村,姓名,身份证号,项目名称,所属期,标准,发放金额,计划发放日期,发放日期,状态,银行账号,批次';
// Past the 4 MiB a CSV is decoded at a time, so rows are read across pieces.
const FILE_BYTES = 5 * 1024 * 1024;
const BOUNDARY = 4 * 1024 * 1024;

function idNumber(n: number): string {
  const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(n / 900) * 86_400_000);
  const first17 = `359901${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(100 + (n % 900))}`;
  return first17 + checkDigitOf(first17);
}

function line(n: number, person: number, month: number, overrides: { amount?: string; batch?: string } = {}) {
  const mm = String(month).padStart(2, '0');
  const amount = overrides.amount ?? (person % 2 === 0 ? '810.00' : '"1,053.00"');
  return (
    `${n},梅山乡,竹林村,${person % 3 === 0 ? '欧阳·建国' : '李秀英'},${idNumber(person)},城乡低保,2025-${mm},` +
    `810.00,${amount},2025-${mm}-10,2025/${month}/12,已发放,6217001234567${String(person).padStart(6, '0')},` +
    `${overrides.batch ?? `第${month}批`}`
  );
}

interface Built {
  text: string;
  /** Physical line numbers of the planted rows. */
  multiLine: number;
  badCheckDigit: number;
  duplicate: number;
  duplicateOf: number;
  goodRows: number;
}

/**
 * About 5 MiB of rows, six months per resident, with a quoted two-line batch cell that straddles the first
 * 4 MiB piece, and after it a bad ID number and a row given twice.
 */
function buildFile(change: (person: number) => string | undefined = () => undefined): Built {
  const lines = [HEADER];
  let bytes = Buffer.byteLength(HEADER) + 2;
  let physical = 1;
  let person = 0;
  const built = { multiLine: 0, badCheckDigit: 0, duplicate: 0, duplicateOf: 0, goodRows: 0 };
  const push = (text: string) => {
    lines.push(text);
    bytes += Buffer.byteLength(text) + 2;
    physical += 1 + (text.match(/\n/g)?.length ?? 0);
  };
  while (bytes < FILE_BYTES) {
    for (let month = 1; month <= 6; month++) {
      const n = lines.length;
      const next = line(n, person, month, { amount: change(person) });
      if (built.multiLine === 0 && bytes + Buffer.byteLength(next) + 40 > BOUNDARY) {
        built.multiLine = physical + 1;
        // The cell's line break falls past the boundary, where the first piece is cut.
        push(
          line(n, person, month, {
            amount: change(person),
            batch: `"第${month}批${'补'.repeat(20)}\r\n（补发）"`,
          }),
        );
      } else push(next);
      built.goodRows++;
    }
    person++;
  }
  built.badCheckDigit = physical + 1;
  const good = idNumber(person + 1);
  const wrong = good.endsWith('0') ? '1' : '0';
  push(line(lines.length, person + 1, 1).replace(good, good.slice(0, 17) + wrong));
  built.duplicateOf = 2;
  built.duplicate = physical + 1;
  push(line(lines.length, 0, 1));
  return { text: `${lines.join('\r\n')}\r\n`, ...built };
}

describe('importPayments in a worker thread and in the calling thread', () => {
  let dir: string;
  let file: string;
  let changed: string;
  let planted: Built;
  const mapping = loadMapping('civil-affairs-payments');
  const now = new Date('2026-03-20T02:00:00Z');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'huimin-import-worker-'));
    file = join(dir, 'civil-affairs.csv');
    planted = buildFile();
    writeFileSync(file, planted.text);
    changed = join(dir, 'civil-affairs-changed.csv');
    // Every tenth resident's amounts change; every other row stays as it is.
    writeFileSync(changed, buildFile((person) => (person % 10 === 0 ? '800.00' : undefined)).text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function both(
    name: string,
    steps: readonly Omit<ImportRequest, 'mapping' | 'now' | 'checkInWorker'>[],
  ): Promise<{ outcomes: ImportOutcome[][]; counts: number[][]; rejects: string[] }> {
    const outcomes: ImportOutcome[][] = [];
    const counts: number[][] = [];
    const rejects: string[] = [];
    for (const checkInWorker of [true, false]) {
      const db = createFixtureMaster(join(dir, `${name}-${checkInWorker ? 'worker' : 'inline'}.db`));
      try {
        const results: ImportOutcome[] = [];
        for (const [i, step] of steps.entries()) {
          const rejectsFile = step.rejectsFile?.replace('.csv', `-${String(checkInWorker)}-${i}.csv`);
          results.push(await importPayments(db, { ...step, rejectsFile, mapping, now, checkInWorker }));
          if (rejectsFile !== undefined) rejects.push(readFileSync(rejectsFile, 'utf8'));
        }
        outcomes.push(results);
        counts.push([
          db.prepare('SELECT count(*) FROM payments').pluck().get() as number,
          db.prepare('SELECT count(*) FROM persons').pluck().get() as number,
          db.prepare("SELECT count(*) FROM payments WHERE batch LIKE '%（补发）'").pluck().get() as number,
        ]);
      } finally {
        db.close();
      }
    }
    return { outcomes, counts, rejects };
  }

  it('refuses the whole file for its bad rows, at the same lines, across the decoded pieces', async () => {
    const { outcomes, counts } = await both('refused', [{ file }]);
    expect(outcomes[0]).toEqual(outcomes[1]);
    const outcome = outcomes[0]?.[0];
    if (outcome?.kind !== 'rows-refused') throw new Error(`expected rows-refused, got ${outcome?.kind}`);
    const { problems, rowsTotal, rejected, inserted } = outcome.summary;
    expect(problems.map((p) => [p.line, p.column, p.kind, p.params])).toEqual([
      [
        planted.badCheckDigit,
        5,
        'idCheckDigit',
        expect.objectContaining({ actual: expect.stringMatching(/^[01]$/) }),
      ],
      [planted.duplicate, 5, 'duplicate', { line: planted.duplicateOf }],
    ]);
    expect([rowsTotal, rejected, inserted]).toEqual([planted.goodRows + 2, 2, 0]);
    expect(counts).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('with --skip-bad writes the same rows and rejects, and a changed file updates only what changed', async () => {
    const { outcomes, counts, rejects } = await both('skip-bad', [
      { file, skipBad: true, rejectsFile: join(dir, 'rejects.csv') },
      { file: changed, skipBad: true },
      { file, skipBad: true, reimport: true },
    ]);
    const strip = (o: ImportOutcome) => (o.kind === 'imported' ? { ...o.summary, rejectsFile: null } : o);
    expect(outcomes[0]?.map(strip)).toEqual(outcomes[1]?.map(strip));
    const summaries = (outcomes[0] ?? []).map((o) => (o.kind === 'imported' ? o.summary : null));
    const persons = Math.ceil(planted.goodRows / 6);
    expect(summaries.map((s) => [s?.inserted, s?.updated, s?.unchanged, s?.personsCreated])).toEqual([
      [planted.goodRows, 0, 0, persons],
      [0, Math.ceil(persons / 10) * 6, planted.goodRows - Math.ceil(persons / 10) * 6, 0],
      [0, Math.ceil(persons / 10) * 6, planted.goodRows - Math.ceil(persons / 10) * 6, 0],
    ]);
    expect(counts).toEqual([
      [planted.goodRows, persons, 1],
      [planted.goodRows, persons, 1],
    ]);
    expect(rejects[0]).toBe(rejects[1]);
    const rejected = rejects[0]?.split('\r\n').slice(1, 3) ?? [];
    expect(rejected[0]).toContain(`,${planted.badCheckDigit},`);
    expect(rejected[1]).toContain(`,${planted.duplicate},`);
  });
});
