import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../domain/id-number';
import { runCountyCli } from '../cli';
import { captureOutput } from '../cli/capture-output';
import { createFixtureMaster } from '../import/fixture-master';
import { openMaster } from '../master/open-master';

const HEADER = [
  '序号',
  '乡镇',
  '村',
  '姓名',
  '身份证号',
  '项目名称',
  '所属期',
  '标准',
  '发放金额',
  '计划发放日期',
  '发放日期',
  '状态',
  '银行账号',
  '批次',
];
type Row = Record<(typeof HEADER)[number], string>;

/** A valid number of the fixture county's unassigned region, born on `birth` (YYYYMMDD). */
function idNumber(birth: string, sequence: number): string {
  const first17 = `359901${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + checkDigitOf(first17);
}

const ZHANG = idNumber('19480312', 101); // male: odd sequence
const LI = idNumber('19560708', 202); // female
const WANG = idNumber('19391130', 303);
const CARD = '6217001234567890123';

function row(overrides: Partial<Row> = {}): Row {
  return {
    序号: '1',
    乡镇: '梅山乡',
    村: '竹林村',
    姓名: '张建国',
    身份证号: ZHANG,
    项目名称: '城乡低保',
    所属期: '2026-03',
    标准: '810.00',
    发放金额: '810.00',
    计划发放日期: '2026-03-10',
    发放日期: '2026/3/12',
    状态: '已发放',
    银行账号: CARD,
    批次: '2026年第3批',
    ...overrides,
  };
}

function csv(rows: readonly Row[], eol = '\r\n'): string {
  const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
  return (
    [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => quote(r[h] ?? '')).join(','))].join(eol) + eol
  );
}

const GOOD_ROWS: readonly Row[] = [
  row(),
  row({
    序号: '2',
    所属期: '2026年4月',
    计划发放日期: '2026年4月10日',
    发放日期: '20260412',
    发放金额: '1,234.50',
  }),
  row({
    序号: '3',
    姓名: '李秀英',
    身份证号: LI,
    项目名称: '低保金',
    发放金额: '¥605.5',
    状态: '',
    银行账号: '6217****4321',
  }),
  row({
    序号: '4',
    姓名: '王大山',
    身份证号: WANG,
    项目名称: '高龄津贴',
    发放金额: '100.00元',
    状态: '待发放',
    发放日期: '',
    村: '',
    乡镇: '',
  }),
];

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-import-'));
  db = join(dir, 'county.db');
  createFixtureMaster(db).close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function runImport(path: string, ...extra: string[]) {
  const io = captureOutput();
  const code = await runCountyCli(
    ['import', '--db', db, '--mapping', 'civil-affairs-payments', ...extra, path],
    io,
  );
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function importJson(path: string, ...extra: string[]) {
  const result = await runImport(path, '--json', ...extra);
  return {
    code: result.code,
    json: JSON.parse(result.out) as Record<string, unknown> & { problems: Problem[] },
  };
}

interface Problem {
  line: number;
  column: number;
  header: string;
  cell: string | null;
  kind: string;
  message: string;
}

function query<T>(sql: string, ...params: unknown[]): T[] {
  const master = openMaster(db, { readonly: true });
  try {
    return master.prepare(sql).all(...params) as T[];
  } finally {
    master.close();
  }
}

const paymentCount = () => query<{ n: number }>('SELECT count(*) AS n FROM payments')[0]?.n;

describe('huimin-county import of a CSV', () => {
  it('passes over the 合计 line under the table, but still refuses a row that has an ID number', async () => {
    const totals = {
      ...row(),
      序号: '合计',
      乡镇: '',
      村: '',
      姓名: '',
      身份证号: '',
      项目名称: '',
      所属期: '',
      标准: '',
      发放金额: '3,750.00',
      计划发放日期: '',
      发放日期: '',
      状态: '',
      银行账号: '',
      批次: '',
    };
    const path = file('民政-合计.csv', `\uFEFF${csv([...GOOD_ROWS, totals])}`);
    const { code } = await runImport(path);
    expect(code).toBe(0);
    expect(paymentCount()).toBe(GOOD_ROWS.length);

    const labelled = file('民政-合计-有号.csv', `\uFEFF${csv([row({ 序号: '合计', 发放金额: 'abc' })])}`);
    expect((await runImport(labelled)).code).toBe(3);
  });

  it('imports a good UTF-8 file: residents created from their numbers, amounts in fen, only card tails kept', async () => {
    const path = file('民政-2026-03.csv', `\uFEFF${csv(GOOD_ROWS)}`);
    const { code, out } = await runImport(path);
    expect(code).toBe(0);
    expect(out).toContain('共 4 行，新增 4，更新 0，未变 0，拒收 0；新建居民 3 人');

    const persons = query<{
      id_number: string;
      name: string;
      sex: string;
      birth_date: string;
      village_code: string | null;
    }>('SELECT id_number, name, sex, birth_date, village_code FROM persons ORDER BY id_number');
    expect(persons).toContainEqual({
      id_number: ZHANG,
      name: '张建国',
      sex: 'male',
      birth_date: '1948-03-12',
      village_code: '359901200201',
    });
    expect(persons).toContainEqual({
      id_number: LI,
      name: '李秀英',
      sex: 'female',
      birth_date: '1956-07-08',
      village_code: '359901200201',
    });
    expect(persons).toContainEqual({
      id_number: WANG,
      name: '王大山',
      sex: 'male',
      birth_date: '1939-11-30',
      village_code: null,
    });

    const payments = query<Record<string, unknown>>(
      `SELECT program_code, period, amount_fen, standard_fen, planned_date, paid_date, status, card_tail, batch, source_line
       FROM payments ORDER BY source_line`,
    );
    expect(payments).toEqual([
      {
        program_code: 'dibao',
        period: '2026-03',
        amount_fen: 81000,
        standard_fen: 81000,
        planned_date: '2026-03-10',
        paid_date: '2026-03-12',
        status: 'paid',
        card_tail: '0123',
        batch: '2026年第3批',
        source_line: 2,
      },
      {
        program_code: 'dibao',
        period: '2026-04',
        amount_fen: 123450,
        standard_fen: 81000,
        planned_date: '2026-04-10',
        paid_date: '2026-04-12',
        status: 'paid',
        card_tail: '0123',
        batch: '2026年第3批',
        source_line: 3,
      },
      {
        program_code: 'dibao',
        period: '2026-03',
        amount_fen: 60550,
        standard_fen: 81000,
        planned_date: '2026-03-10',
        paid_date: '2026-03-12',
        status: 'paid',
        card_tail: '4321',
        batch: '2026年第3批',
        source_line: 4,
      },
      {
        program_code: 'elderly-allowance',
        period: '2026-03',
        amount_fen: 10000,
        standard_fen: 81000,
        planned_date: '2026-03-10',
        paid_date: null,
        status: 'pending',
        card_tail: '0123',
        batch: '2026年第3批',
        source_line: 5,
      },
    ]);
    const files = query<Record<string, unknown>>(
      'SELECT file_name, mapping, rows_total, rows_inserted, rows_rejected FROM import_files',
    );
    expect(files).toEqual([
      {
        file_name: '民政-2026-03.csv',
        mapping: 'civil-affairs-payments',
        rows_total: 4,
        rows_inserted: 4,
        rows_rejected: 0,
      },
    ]);
    expect(
      query<{ n: number }>('SELECT count(*) AS n FROM payments WHERE source_file_id IS NULL')[0]?.n,
    ).toBe(0);
    // The full card number is nowhere in the database files.
    for (const f of [db, `${db}-wal`]) {
      if (existsSync(f)) expect(readFileSync(f).includes(Buffer.from(CARD))).toBe(false);
    }
  });

  it('reads a GB18030 file (as Chinese Excel saves it), names outside GBK included, detected or forced', async () => {
    const rows = [row({ 姓名: '王䶮', 身份证号: WANG }), row({ 序号: '2', 姓名: '欧阳·娜', 身份证号: LI })];
    const path = file('gb.csv', iconv.encode(csv(rows), 'gb18030'));
    const { code, json } = await importJson(path);
    expect(code).toBe(0);
    expect(json['encoding']).toBe('gb18030');
    expect(query<{ name: string }>('SELECT name FROM persons ORDER BY name').map((p) => p.name)).toEqual([
      '欧阳·娜',
      '王䶮',
    ]);

    const forced = await importJson(path, '--encoding', 'utf-8', '--dry-run', '--reimport');
    expect(forced.code).toBe(3);
  });

  it('reports an undecodable row by line and column, and imports nothing', async () => {
    const good = Buffer.from(csv([row()]), 'utf8');
    const broken = Buffer.from(`2,梅山乡,竹林村,`, 'utf8');
    const rest = Buffer.from(`,${LI},城乡低保,2026-03,810,810,2026-03-10,2026-03-12,已发放,,\r\n`, 'utf8');
    const path = file('damaged.csv', Buffer.concat([good, broken, Buffer.from([0xff, 0xfe]), rest]));
    const { code, json } = await importJson(path);
    expect(code).toBe(3);
    expect(json['encoding']).toBe('utf-8');
    expect(json.problems.map((p) => [p.line, p.column, p.kind])).toEqual([[3, 4, 'undecodable']]);
    expect(paymentCount()).toBe(0);
  });
});

describe('bad rows', () => {
  // Each case: one bad row (line 3, after a good row on line 2), the column reported and the kind.
  const cases: [string, Partial<Row> | string, number, string, string][] = [
    ['missing name', { 姓名: '' }, 4, 'missing', '必填项为空'],
    ['ID number too short', { 身份证号: '35990119480312101' }, 5, 'idLength', '身份证号有 17 位，应为 18 位'],
    [
      'letter inside the ID number',
      { 身份证号: `3599011948A312${ZHANG.slice(14)}` },
      5,
      'idCharacters',
      '第 11 位不是数字',
    ],
    ['impossible birth date', { 身份证号: idNumber('19480230', 101) }, 5, 'idBirthDate', '1948-02-30'],
    [
      'wrong check digit',
      { 身份证号: ZHANG.slice(0, 17) + (ZHANG.endsWith('0') ? '1' : '0') },
      5,
      'idCheckDigit',
      `最后一位应为 ${ZHANG.at(-1)}`,
    ],
    ['unknown program', { 项目名称: '发财补贴' }, 6, 'programUnknown', '未知的资金项目“发财补贴”'],
    ['unreadable amount', { 发放金额: '12,34.5' }, 9, 'amountUnreadable', '金额“12,34.5”无法识别'],
    ['negative amount', { 发放金额: '-810.00' }, 9, 'amountNegative', '为负数'],
    ['too many decimals', { 发放金额: '810.005' }, 9, 'amountDecimals', '小数位过多'],
    ['unreadable date', { 计划发放日期: '下月初' }, 10, 'dateUnreadable', '日期“下月初”无法识别'],
    ['impossible date', { 发放日期: '2026-02-30' }, 11, 'dateImpossible', '日期“2026-02-30”不存在'],
    ['malformed period', { 所属期: '2026-13' }, 7, 'periodMalformed', '所属期“2026-13”无法识别'],
    ['unknown status', { 状态: '已审核' }, 12, 'statusUnknown', '状态“已审核”无法识别'],
    ['paid without a paid date', { 发放日期: '' }, 12, 'paidWithoutDate', '没有发放日期'],
    ['unknown township', { 乡镇: '火星乡' }, 2, 'townshipUnknown', '没有名为“火星乡”的乡镇'],
    ['unknown village', { 村: '月亮村' }, 3, 'villageUnknown', '梅山乡没有名为“月亮村”的村'],
    ['ambiguous village', { 乡镇: '', 村: '新村' }, 3, 'villageAmbiguous', '多个名为“新村”'],
    ['unreadable card number', { 银行账号: '待补' }, 13, 'cardUnreadable', '卡号无法识别'],
    ['the same payment twice', {}, 5, 'duplicate', '与第 2 行是同一笔发放'],
    ['wrong number of columns', '2,梅山乡,竹林村,张建国', 5, 'columnCount', '本行有 4 列，表头有 14 列'],
  ];

  it.each(cases)(
    '%s: reported as file:line:column, nothing imported',
    async (_name, bad, column, kind, text) => {
      const badLine = typeof bad === 'string' ? bad : csv([row({ 序号: '2', ...bad })]).split('\r\n')[1];
      const content = `${csv([row()])}${badLine}\r\n`;
      const path = file('bad.csv', content);
      const { code, err } = await runImport(path);
      expect(code).toBe(3);
      expect(err).toContain(`${path}:3:${column}: `);
      expect(err).toContain(text);
      expect(err).toContain('1 行有错误，全部未导入');
      expect(paymentCount()).toBe(0);
      expect(query('SELECT * FROM persons')).toEqual([]);

      const { json } = await importJson(path);
      expect(json.problems.map((p) => [p.line, p.column, p.kind])).toContainEqual([3, column, kind]);
    },
  );

  it('reports a name that differs from the one on record, masked', async () => {
    expect((await runImport(file('first.csv', csv([row()])))).code).toBe(0);
    const { code, err } = await runImport(
      file('second.csv', csv([row({ 姓名: '张建军', 所属期: '2026-05' })])),
    );
    expect(code).toBe(3);
    expect(err).toContain('second.csv:2:4: 姓名: 姓名（张*军）与该身份证号已登记的姓名（张*国）不一致');
    expect(err).not.toContain('张建军');
  });

  it('reports a quote that is never closed and a paid date on a pending row', async () => {
    const content = `${csv([row({ 状态: '待发放' })])}2,梅山乡,"竹林村\r\n`;
    const { json } = await importJson(file('quote.csv', content));
    expect(json.problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'pendingWithPaidDate'],
      [3, 'unclosedQuote'],
    ]);
  });

  it('speaks English with --lang en', async () => {
    const path = file(
      'bad.csv',
      csv([row({ 身份证号: ZHANG.slice(0, 17) + (ZHANG.endsWith('0') ? '1' : '0') })]),
    );
    const { code, err } = await runImport(path, '--lang', 'en');
    expect(code).toBe(3);
    expect(err).toContain(
      `${path}:2:5: 身份证号: ID number check digit is wrong: the last digit should be ${ZHANG.at(-1)}`,
    );
    expect(err).toContain('1 bad rows, nothing imported');
  });

  it('refuses a file without the mapped columns, and a broken mapping file', async () => {
    const noId = file('no-id.csv', '姓名,所属期,发放金额,发放日期\r\n张建国,2026-03,810,2026-03-12\r\n');
    const missing = await runImport(noId);
    expect(missing.code).toBe(3);
    expect(missing.err).toContain('表头缺少 身份证号, 项目名称 列');

    const mapping = file('bad-mapping.json', '{"name": "x"}');
    const io = captureOutput();
    expect(await runCountyCli(['import', '--db', db, '--mapping', mapping, noId], io)).toBe(3);
    expect(io.stderr.join('\n')).toContain('is not valid');
  });
});

describe('idempotent re-import', () => {
  it('recognises the same file, changes nothing on a forced re-import or the same rows in another file', async () => {
    const first = file('march.csv', csv(GOOD_ROWS));
    expect((await runImport(first)).code).toBe(0);
    const before = query('SELECT * FROM payments ORDER BY id');

    const again = await runImport(first);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/march\.csv 已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 导入过/);

    const forced = await importJson(first, '--reimport');
    expect(forced.json).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });

    // Same rows, other bytes: LF line ends, a title row above the header, a blank line.
    const copy = file('march-copy.csv', `2026年3月民政发放明细,,,,,,,,,,,,,\n${csv(GOOD_ROWS, '\n')}\n`);
    const other = await importJson(copy);
    expect(other.json).toMatchObject({ rows: 4, inserted: 0, updated: 0, unchanged: 4, personsCreated: 0 });
    expect(query('SELECT * FROM payments ORDER BY id')).toEqual(before);

    const corrected = await importJson(file('march-fix.csv', csv([row({ 发放金额: '820.00' })])));
    expect(corrected.json).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(query<{ n: number }>('SELECT count(*) AS n FROM payments')[0]?.n).toBe(4);
  });

  it('writes nothing on --dry-run but says what would happen', async () => {
    const { code, json } = await importJson(file('dry.csv', csv(GOOD_ROWS)), '--dry-run');
    expect(code).toBe(0);
    expect(json).toMatchObject({ status: 'dry-run', inserted: 4, fileId: null });
    expect(paymentCount()).toBe(0);
    expect(query('SELECT * FROM import_files')).toEqual([]);
  });
});

describe('--skip-bad with a rejects file', () => {
  it('imports the good rows and writes the bad ones, with line and reason, for Excel', async () => {
    const rows = [
      row(),
      row({ 序号: '2', 发放金额: 'abc' }),
      row({ 序号: '3', 姓名: '李秀英', 身份证号: LI }),
    ];
    const rejects = join(dir, 'rejects.csv');
    const { code, json } = await importJson(file('mixed.csv', csv(rows)), '--skip-bad', '--rejects', rejects);
    expect(code).toBe(0);
    expect(json).toMatchObject({ status: 'imported', inserted: 2, rejected: 1 });
    expect(paymentCount()).toBe(2);
    expect(query('SELECT rows_total, rows_inserted, rows_rejected FROM import_files')).toEqual([
      { rows_total: 3, rows_inserted: 2, rows_rejected: 1 },
    ]);

    const bytes = readFileSync(rejects);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(`${HEADER.join(',')},行号,原因`);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',****0123,2026年第3批,3,发放金额: 金额“abc”无法识别');
    expect(bytes.includes(Buffer.from(CARD))).toBe(false);
    // It names residents by ID number: readable by its owner only, whatever the umask.
    expect(statSync(rejects).mode & 0o777).toBe(0o600);
  });
});

describe('huimin-county import of an XLSX workbook', () => {
  async function workbook(
    build: (sheet: ExcelJS.Worksheet) => void,
    sheetName = '发放明细',
  ): Promise<string> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['本表由县农业农村局导出']);
    build(book.addWorksheet(sheetName));
    const path = join(dir, 'farmland.xlsx');
    await book.xlsx.writeFile(path);
    return path;
  }

  it('reads serial-date, date and number cells from the named sheet, and names bad cells like Excel', async () => {
    const path = await workbook((sheet) => {
      sheet.addRow(['2026年耕地地力保护补贴发放清册']);
      sheet.addRow([
        '姓名',
        '身份证号',
        '年度',
        '面积(亩)',
        '标准(元/亩)',
        '补贴金额(元)',
        '计划发放日期',
        '发放日期',
        '一卡通账号',
      ]);
      sheet.addRow(['张建国', ZHANG, 2026, 3.5, 112.5, 393.75, 46086, new Date(Date.UTC(2026, 2, 12)), CARD]);
      sheet.addRow(['李秀英', LI, '2026', 2, '112.50', 225, '2026-03-10', 46093, '']);
    });
    const io = captureOutput();
    const code = await runCountyCli(
      ['import', '--db', db, '--mapping', 'agriculture-payments', '--sheet', '发放明细', '--json', path],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ format: 'xlsx', sheet: '发放明细', inserted: 2 });
    expect(
      query(
        'SELECT program_code, period, quantity_milli, standard_fen, amount_fen, planned_date, paid_date, status, card_tail FROM payments ORDER BY source_line',
      ),
    ).toEqual([
      {
        program_code: 'farmland-fertility',
        period: '2026',
        quantity_milli: 3500,
        standard_fen: 11250,
        amount_fen: 39375,
        planned_date: '2026-03-05',
        paid_date: '2026-03-12',
        status: 'paid',
        card_tail: '0123',
      },
      {
        program_code: 'farmland-fertility',
        period: '2026',
        quantity_milli: 2000,
        standard_fen: 11250,
        amount_fen: 22500,
        planned_date: '2026-03-10',
        paid_date: '2026-03-12',
        status: 'paid',
        card_tail: null,
      },
    ]);
    expect(
      query<{ source_line: number }>('SELECT source_line FROM payments ORDER BY source_line').map(
        (p) => p.source_line,
      ),
    ).toEqual([3, 4]);
  });

  it('reports bad cells with row, column and cell name, and a missing sheet', async () => {
    const path = await workbook((sheet) => {
      sheet.addRow(['姓名', '身份证号', '年度', '补贴金额(元)', '发放日期']);
      sheet.addRow(['张建国', ZHANG, 2026, 12.345, 46086]);
      sheet.addRow(['李秀英', LI, 2026, 225, 'soon']);
    });
    const io = captureOutput();
    expect(
      await runCountyCli(
        ['import', '--db', db, '--mapping', 'agriculture-payments', '--sheet', '发放明细', path],
        io,
      ),
    ).toBe(3);
    const err = io.stderr.join('\n');
    expect(err).toContain(`${path}:2:4: 补贴金额(元) (发放明细!D2): 金额“12.345”的小数位过多`);
    expect(err).toContain(`${path}:3:5: 发放日期 (发放明细!E3): 日期“soon”无法识别`);
    expect(paymentCount()).toBe(0);

    const none = captureOutput();
    expect(
      await runCountyCli(
        ['import', '--db', db, '--mapping', 'agriculture-payments', '--sheet', '汇总', path],
        none,
      ),
    ).toBe(3);
    expect(none.stderr.join('\n')).toContain('没有名为“汇总”的工作表（有：说明, 发放明细）');
  });
});
