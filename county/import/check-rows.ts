/**
 * Reads and checks every row of one department file and decides what each good row does to the master
 * database (create the resident, insert the payment, update it, or nothing), without writing: the decisions
 * come out in batches (payment-batch.ts) for the writer. It runs in a worker thread beside the writing one
 * (check-worker.ts), or in the writer's own thread for small files; the code is the same.
 *
 * Reads of residents and payments must see the database as it was before this import: in a worker the
 * reading connection is another one, so the writer's uncommitted rows are invisible to it; in the writer's
 * thread, rows written by this import are never looked up (the caches answer for them first).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { LocalDate } from '../../domain/dates';
import { mask } from '../../domain/masking';
import { isSamePersonName } from '../../domain/person-name';
import type { MasterDatabase } from '../master/open-master';
import { detectEncoding, type TextEncodingName } from './decode-text';
import { importT, type ImportKey } from './import-i18n';
import { locateColumns, requiredFields, type ColumnMapping, type Field } from './mapping';
import { loadLookups, programKey } from './master-lookups';
import { BatchEncoder, type PaymentBatch, type PaymentKey } from './payment-batch';
import type { ProblemKind, RowProblem } from './problems';
import { CsvRowSource, XlsxRowSource, type RowSource } from './row-source';
import { cellText, RowValidator, type Cell } from './validate-row';

/** A problem with the file as a whole, as an i18n key of the importer and its values. */
export interface FileProblem {
  key: ImportKey;
  params: Record<string, string | number>;
}

/** What the checker needs; plain data, so it can be handed to a worker thread. */
export interface CheckInput {
  file: string;
  mapping: ColumnMapping;
  encoding?: TextEncodingName;
  sheet?: string;
  skipBad: boolean;
  keepRejects: boolean;
  today: LocalDate;
}

export interface Reject {
  line: number;
  cells: string[];
  problems: RowProblem[];
}

export interface CheckCounts {
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  personsCreated: number;
}

export type CheckMessage =
  | { type: 'refused'; problem: FileProblem }
  | {
      type: 'header';
      header: string[];
      cardColumn: number | undefined;
      format: 'csv' | 'xlsx';
      encoding: TextEncodingName | null;
      sheet: string | null;
    }
  | { type: 'batch'; batch: PaymentBatch }
  | { type: 'end'; counts: CheckCounts; problems: RowProblem[]; rejects: Reject[] };

const HEADER_SEARCH_ROWS = 10;
const BATCH_ROWS = 8192;

function isXlsx(file: string, bytes: Buffer): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return true;
  if (ext === '.csv' || ext === '.txt') return false;
  return bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
}

interface HeaderFound {
  header: string[];
  columns: Partial<Record<Field, number>>;
}

/** The header is the first of the first rows holding every required column (exports often open with a title). */
function findHeader(source: RowSource, mapping: ColumnMapping, fileName: string): HeaderFound | FileProblem {
  const required = requiredFields(mapping);
  let best: HeaderFound | null = null;
  let bestCount = 0;
  for (let i = 0; i < HEADER_SEARCH_ROWS && source.next(); i++) {
    const header = source.cells.map((c) => cellText(c));
    const columns = locateColumns(mapping, header);
    const found = required.filter((f) => columns[f] !== undefined).length;
    if (found === required.length) return { header, columns };
    if (found > bestCount) {
      best = { header, columns };
      bestCount = found;
    }
  }
  const t = importT('zh-CN');
  if (best === null) {
    return {
      key: 'file.noHeader',
      params: {
        file: fileName,
        rows: HEADER_SEARCH_ROWS,
        mapping: mapping.name,
        columns: required.map((f) => mapping.columns[f]?.[0] ?? t(`field.${f}`)).join(', '),
      },
    };
  }
  const missing = required.filter((f) => best.columns[f] === undefined);
  return {
    key: 'file.missingColumns',
    params: {
      file: fileName,
      mapping: mapping.name,
      columns: missing.map((f) => mapping.columns[f]?.[0] ?? f).join(', '),
      synonyms: missing.map((f) => (mapping.columns[f] ?? []).join('/')).join('; '),
    },
  };
}

// Spreadsheets save emptied rows as a line of bare commas; they are not data.
function isBlankRow(cells: readonly Cell[]): boolean {
  for (const cell of cells) {
    if (cell !== null && cell !== '' && !(typeof cell === 'string' && cell.trim() === '')) return false;
  }
  return true;
}

interface KnownPerson {
  id: number;
  name: string;
  /** In the database before this import, so its payments may already be there. */
  existed: boolean;
}

/** Lines of the rows seen so far, by program › period › batch › resident id: finds a row given twice. */
class SeenPayments {
  // Keyed by string-table indices: small integers hash and compare faster than the strings.
  private readonly byProgram = new Map<number, Map<number, Map<number, Map<number, number>>>>();

  /** The line of an earlier row with the same key, else records this one and returns undefined. */
  check(personId: number, key: PaymentKey, line: number): number | undefined {
    let byPeriod = this.byProgram.get(key.program);
    if (byPeriod === undefined) this.byProgram.set(key.program, (byPeriod = new Map()));
    let byBatch = byPeriod.get(key.period);
    if (byBatch === undefined) byPeriod.set(key.period, (byBatch = new Map()));
    let lines = byBatch.get(key.batch);
    if (lines === undefined) byBatch.set(key.batch, (lines = new Map()));
    const earlier = lines.get(personId);
    if (earlier === undefined) lines.set(personId, line);
    return earlier;
  }
}

/**
 * Checks the file: first a 'header' (or 'refused') message, then, as the caller pulls on, 'batch' messages and
 * one 'end'. Residents and payments are read only after the 'header' has been pulled past, so a caller that
 * takes the write lock in between reads the state its writes start from.
 */
export async function* checkRows(db: MasterDatabase, input: CheckInput): AsyncGenerator<CheckMessage> {
  const { mapping } = input;
  const fileName = basename(input.file);
  const bytes = readFileSync(input.file);

  let source: RowSource;
  let encoding: TextEncodingName | null = null;
  let sheet: string | null = null;
  const xlsx = isXlsx(input.file, bytes);
  if (xlsx) {
    const opened = await XlsxRowSource.open(bytes, input.sheet);
    if ('missing' in opened) {
      const params = { file: fileName, sheet: input.sheet ?? '', sheets: opened.missing.join(', ') };
      yield { type: 'refused', problem: { key: 'file.noSheet', params } };
      return;
    }
    source = opened;
    sheet = opened.sheetName;
  } else {
    encoding = input.encoding ?? detectEncoding(bytes);
    source = new CsvRowSource(bytes, encoding);
  }

  const found = findHeader(source, mapping, fileName);
  if ('key' in found) {
    yield { type: 'refused', problem: found };
    return;
  }
  const { header, columns } = found;
  if (columns.plannedDate === undefined && columns.paidDate === undefined) {
    const t = importT('zh-CN');
    const params = {
      file: fileName,
      mapping: mapping.name,
      columns: mapping.columns.plannedDate?.[0] ?? t('field.plannedDate'),
      synonyms: [...(mapping.columns.plannedDate ?? []), ...(mapping.columns.paidDate ?? [])].join('/'),
    };
    yield { type: 'refused', problem: { key: 'file.missingColumns', params } };
    return;
  }

  const lookups = loadLookups(db);
  let fixedProgramCode: string | null = null;
  if (mapping.program !== undefined) {
    fixedProgramCode = lookups.programs.get(programKey(mapping.program)) ?? null;
    if (fixedProgramCode === null) {
      const params = { mapping: mapping.name, program: mapping.program };
      yield { type: 'refused', problem: { key: 'file.mappingProgramUnknown', params } };
      return;
    }
  }

  yield {
    type: 'header',
    header,
    cardColumn: columns.card,
    format: xlsx ? 'xlsx' : 'csv',
    encoding,
    sheet,
  };

  const validator = new RowValidator({
    mapping,
    columns,
    header,
    lookups,
    fixedProgramCode,
    today: input.today,
    strictWidth: !xlsx,
    mayHoldUndecodable: () => source.mayHoldUndecodable,
    encoding: encoding ?? 'xlsx',
    cellName: (line, column) => source.cellName(line, column),
  });
  const problemAt = (line: number, at: number | undefined, kind: ProblemKind, params = {}): RowProblem => ({
    line,
    column: (at ?? 0) + 1,
    header: header[at ?? 0] ?? '',
    cell: source.cellName(line, (at ?? 0) + 1),
    kind,
    params,
  });

  const selectPerson = db.prepare('SELECT id, name FROM persons WHERE id_number = ?').raw();
  const selectPayment = db
    .prepare(
      `SELECT id, quantity_milli, standard_fen, amount_fen, planned_date, paid_date, status, card_tail
       FROM payments WHERE person_id = ? AND program_code = ? AND period = ? AND batch = ?`,
    )
    .raw();
  // New residents get the ids SQLite would give them; the writer holds the write lock, so no one else can.
  const maxPersonId = db.prepare('SELECT max(id) FROM persons').pluck().get() as number | null;
  let nextPersonId = (maxPersonId ?? 0) + 1;
  // A county's first import finds nobody to look up.
  const anyPersons = maxPersonId !== null;

  const counts: CheckCounts = {
    rowsTotal: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    personsCreated: 0,
  };
  const problems: RowProblem[] = [];
  const rejects: Reject[] = [];
  const persons = new Map<string, KnownPerson>();
  const seen = new SeenPayments();
  const encoder = new BatchEncoder(BATCH_ROWS);
  // After the first bad row of an all-or-nothing import, rows are still checked but no longer written.
  let writing = true;
  const p = validator.payment;
  const key: PaymentKey = { program: 0, period: 0, batch: 0 };

  while (source.next()) {
    const cells = source.cells;
    const line = source.line;
    if (isBlankRow(cells) || validator.isTotalsRow(cells)) continue;
    counts.rowsTotal++;
    const before = problems.length;

    let good: boolean;
    if (source.unclosedQuote) {
      problems.push(problemAt(line, cells.length - 1, 'unclosedQuote'));
      good = false;
    } else {
      good = validator.validate(cells, line, problems);
    }
    let person: KnownPerson | undefined;
    if (good) {
      person = persons.get(p.idNumber);
      if (person === undefined && anyPersons) {
        const row = selectPerson.get(p.idNumber) as [number, string] | undefined;
        if (row !== undefined) {
          person = { id: row[0], name: row[1], existed: true };
          persons.set(p.idNumber, person);
        }
      }
      if (person !== undefined && person.name !== p.name && !isSamePersonName(p.name, person.name)) {
        problems.push(
          problemAt(line, columns.name, 'nameDiffers', {
            given: mask('name', p.name),
            recorded: mask('name', person.name),
          }),
        );
        good = false;
      } else {
        // A resident first seen on this row has no earlier row; the id it will get keys its payments.
        const personId = person?.id ?? nextPersonId;
        key.program = encoder.intern(p.programCode);
        key.period = encoder.intern(p.period);
        key.batch = encoder.intern(p.batch);
        const earlier = seen.check(personId, key, line);
        if (earlier !== undefined) {
          problems.push(problemAt(line, columns.idNumber, 'duplicate', { line: earlier }));
          good = false;
        }
      }
    }

    if (!good) {
      counts.rejected++;
      if (!input.skipBad) writing = false;
      if (input.keepRejects) {
        rejects.push({ line, cells: cells.map((c) => cellText(c)), problems: problems.slice(before) });
      }
      continue;
    }
    if (person === undefined) {
      person = { id: nextPersonId++, name: p.name, existed: false };
      persons.set(p.idNumber, person);
      counts.personsCreated++;
      if (writing) encoder.addPerson(person.id, p);
    }
    const existing = person.existed
      ? (selectPayment.get(person.id, p.programCode, p.period, p.batch) as unknown[] | undefined)
      : undefined;
    if (existing === undefined) {
      counts.inserted++;
      if (writing) encoder.addPayment(null, person.id, p, line, key);
    } else if (
      existing[1] === p.quantityMilli &&
      existing[2] === p.standardFen &&
      existing[3] === p.amountFen &&
      existing[4] === p.plannedDate &&
      existing[5] === p.paidDate &&
      existing[6] === p.status &&
      existing[7] === p.cardTail
    ) {
      counts.unchanged++;
    } else {
      counts.updated++;
      if (writing) encoder.addPayment(existing[0] as number, person.id, p, line, key);
    }
    if (encoder.full) yield { type: 'batch', batch: encoder.take(source.done, source.total) };
  }
  yield { type: 'batch', batch: encoder.take(source.total, source.total) };
  yield { type: 'end', counts, problems, rejects };
}
