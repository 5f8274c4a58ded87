/**
 * Imports one department file (CSV or XLSX) of payments into the master database, in one write transaction:
 * every row is validated; by default any bad row means nothing is written; with `skipBad` the good rows are
 * written and the bad ones can go to a rejects CSV. Residents are found by ID number (a new number creates
 * the resident), payments are upserted by (resident, program, period, batch) and counted as inserted, updated
 * or unchanged, so importing the same content again changes nothing. Each imported file is recorded in
 * import_files with its SHA-256; the very same file is recognised before any work is done.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { shanghaiDate, shanghaiDateTime } from '../../domain/dates';
import { mask } from '../../domain/masking';
import { isSamePersonName } from '../../domain/person-name';
import { inWriteTransaction, type MasterDatabase } from '../master/open-master';
import { decodeCsvBytes, REPLACEMENT_CHARACTER, type TextEncodingName } from './decode-text';
import { importT, type ImportKey, type ImportLanguage } from './import-i18n';
import { locateColumns, requiredFields, type ColumnMapping, type Field } from './mapping';
import { loadLookups, programKey } from './master-lookups';
import { describeProblem, type ProblemKind, type RowProblem } from './problems';
import { CsvRowSource, XlsxRowSource, type RowSource } from './row-source';
import { cellText, RowValidator, type Cell } from './validate-row';

export interface ImportRequest {
  file: string;
  mapping: ColumnMapping;
  /** Forces the CSV text encoding instead of detecting it. */
  encoding?: TextEncodingName;
  /** The XLSX sheet to read (default: the first). */
  sheet?: string;
  /** Import the good rows even when some are bad. */
  skipBad?: boolean;
  /** Validate and count only; nothing is written. */
  dryRun?: boolean;
  /** Import even a file whose exact bytes were imported before. */
  reimport?: boolean;
  /** Where to write the bad rows (UTF-8 CSV with BOM, so Excel opens it). */
  rejectsFile?: string;
  /** Language of the reasons in the rejects file. */
  language?: ImportLanguage;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportSummary {
  file: string;
  sha256: string;
  mapping: string;
  format: 'csv' | 'xlsx';
  encoding: TextEncodingName | null;
  sheet: string | null;
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  personsCreated: number;
  /** The import_files row, or null when nothing was written. */
  fileId: number | null;
  dryRun: boolean;
  problems: RowProblem[];
  rejectsFile: string | null;
}

/** A problem with the file as a whole, as an i18n key of the importer and its values. */
export interface FileProblem {
  key: ImportKey;
  params: Record<string, string | number>;
}

export type ImportOutcome =
  | { kind: 'already-imported'; file: string; sha256: string; importedAt: string }
  | { kind: 'file-refused'; problem: FileProblem }
  | { kind: 'rows-refused'; summary: ImportSummary }
  | { kind: 'imported'; summary: ImportSummary };

const HEADER_SEARCH_ROWS = 10;
const PROGRESS_EVERY = 4096;

class RollBack extends Error {}

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

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

interface Reject {
  line: number;
  cells: string[];
  problems: RowProblem[];
}

function writeRejects(
  file: string,
  header: readonly string[],
  cardColumn: number | undefined,
  rejects: readonly Reject[],
  language: ImportLanguage,
): void {
  const t = importT(language);
  const separator = language === 'zh-CN' ? '；' : '; ';
  const lines = [[...header, t('rejects.line'), t('rejects.reason')].map(csvField).join(',')];
  for (const reject of rejects) {
    const cells = reject.cells.map((cell, i) =>
      i === cardColumn && cell !== '' ? mask('cardNumber', cell) : cell,
    );
    const reasons = reject.problems.map(
      (p) => `${p.header === '' ? '' : `${p.header}: `}${describeProblem(p, t)}`,
    );
    lines.push([...cells, String(reject.line), reasons.join(separator)].map(csvField).join(','));
  }
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function importPayments(db: MasterDatabase, request: ImportRequest): Promise<ImportOutcome> {
  const { mapping } = request;
  const now = request.now ?? new Date();
  const today = shanghaiDate(now);
  const fileName = basename(request.file);
  const bytes = readFileSync(request.file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  if (!request.reimport) {
    const earlier = db
      .prepare('SELECT imported_at FROM import_files WHERE sha256 = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(sha256) as string | undefined;
    if (earlier !== undefined) {
      return {
        kind: 'already-imported',
        file: request.file,
        sha256,
        importedAt: shanghaiDateTime(new Date(earlier)),
      };
    }
  }

  let source: RowSource;
  let encoding: TextEncodingName | null = null;
  let sheet: string | null = null;
  let mayHoldUndecodable = false;
  const xlsx = isXlsx(request.file, bytes);
  if (xlsx) {
    const opened = await XlsxRowSource.open(bytes, request.sheet);
    if ('missing' in opened) {
      return {
        kind: 'file-refused',
        problem: {
          key: 'file.noSheet',
          params: { file: fileName, sheet: request.sheet ?? '', sheets: opened.missing.join(', ') },
        },
      };
    }
    source = opened;
    sheet = opened.sheetName;
  } else {
    const decoded = decodeCsvBytes(bytes, request.encoding);
    encoding = decoded.encoding;
    mayHoldUndecodable = decoded.text.includes(REPLACEMENT_CHARACTER);
    source = new CsvRowSource(decoded.text);
  }

  const found = findHeader(source, mapping, fileName);
  if ('key' in found) return { kind: 'file-refused', problem: found };
  const { header, columns } = found;
  if (columns.plannedDate === undefined && columns.paidDate === undefined) {
    const t = importT('zh-CN');
    return {
      kind: 'file-refused',
      problem: {
        key: 'file.missingColumns',
        params: {
          file: fileName,
          mapping: mapping.name,
          columns: mapping.columns.plannedDate?.[0] ?? t('field.plannedDate'),
          synonyms: [...(mapping.columns.plannedDate ?? []), ...(mapping.columns.paidDate ?? [])].join('/'),
        },
      },
    };
  }

  const lookups = loadLookups(db);
  let fixedProgramCode: string | null = null;
  if (mapping.program !== undefined) {
    fixedProgramCode = lookups.programs.get(programKey(mapping.program)) ?? null;
    if (fixedProgramCode === null) {
      return {
        kind: 'file-refused',
        problem: {
          key: 'file.mappingProgramUnknown',
          params: { mapping: mapping.name, program: mapping.program },
        },
      };
    }
  }

  const validator = new RowValidator({
    mapping,
    columns,
    header,
    lookups,
    fixedProgramCode,
    today,
    strictWidth: !xlsx,
    mayHoldUndecodable,
    encoding: encoding ?? 'xlsx',
    cellName: (line, column) => source.cellName(line, column),
  });

  const summary: ImportSummary = {
    file: request.file,
    sha256,
    mapping: mapping.name,
    format: xlsx ? 'xlsx' : 'csv',
    encoding,
    sheet,
    rowsTotal: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    personsCreated: 0,
    fileId: null,
    dryRun: request.dryRun === true,
    problems: [],
    rejectsFile: request.rejectsFile ?? null,
  };
  const rejects: Reject[] = [];
  const keepRejects = request.rejectsFile !== undefined;
  const skipBad = request.skipBad === true;

  const problemAt = (line: number, at: number | undefined, kind: ProblemKind, params = {}): RowProblem => ({
    line,
    column: (at ?? 0) + 1,
    header: header[at ?? 0] ?? '',
    cell: source.cellName(line, (at ?? 0) + 1),
    kind,
    params,
  });

  const selectPerson = db.prepare('SELECT id, name FROM persons WHERE id_number = ?').raw();
  const insertPerson = db.prepare(
    'INSERT INTO persons (id_number, name, sex, birth_date, village_code) VALUES (?, ?, ?, ?, ?)',
  );
  const selectPayment = db
    .prepare(
      `SELECT id, quantity_milli, standard_fen, amount_fen, planned_date, paid_date, status, card_tail
       FROM payments WHERE person_id = ? AND program_code = ? AND period = ? AND batch = ?`,
    )
    .raw();
  const insertPayment = db.prepare(
    `INSERT INTO payments (person_id, program_code, period, quantity_milli, standard_fen, amount_fen,
       planned_date, paid_date, status, card_tail, batch, source_file_id, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updatePayment = db.prepare(
    `UPDATE payments SET quantity_milli = ?, standard_fen = ?, amount_fen = ?, planned_date = ?, paid_date = ?,
       status = ?, card_tail = ?, source_file_id = ?, source_line = ? WHERE id = ?`,
  );

  interface KnownPerson {
    id: number;
    name: string;
    /** In the database before this import, so its payments may already be there. */
    existed: boolean;
  }
  const persons = new Map<string, KnownPerson>();
  const paymentLines = new Map<string, number>();

  const work = () => {
    const fileId = Number(
      db
        .prepare(
          `INSERT INTO import_files (sha256, file_name, mapping, imported_at, rows_total, rows_inserted,
             rows_updated, rows_unchanged, rows_rejected) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0)`,
        )
        .run(sha256, fileName, mapping.name, now.toISOString()).lastInsertRowid,
    );
    // After the first bad row of an all-or-nothing import, rows are still checked but no longer written.
    let writing = true;
    const p = validator.payment;
    const problems = summary.problems;
    while (source.next()) {
      const cells = source.cells;
      const line = source.line;
      if (isBlankRow(cells)) continue;
      summary.rowsTotal++;
      if ((summary.rowsTotal & (PROGRESS_EVERY - 1)) === 0) request.onProgress?.(source.done, source.total);
      const before = problems.length;

      let good: boolean;
      if (source.unclosedQuote) {
        problems.push(problemAt(line, cells.length - 1, 'unclosedQuote'));
        good = false;
      } else {
        good = validator.validate(cells, line, problems);
      }
      let person: KnownPerson | undefined;
      let key = '';
      if (good) {
        person = persons.get(p.idNumber);
        if (person === undefined) {
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
          key = `${p.idNumber}\t${p.programCode}\t${p.period}\t${p.batch}`;
          const earlier = paymentLines.get(key);
          if (earlier !== undefined) {
            problems.push(problemAt(line, columns.idNumber, 'duplicate', { line: earlier }));
            good = false;
          }
        }
      }

      if (!good) {
        summary.rejected++;
        if (!skipBad) writing = false;
        if (keepRejects) {
          rejects.push({ line, cells: cells.map((c) => cellText(c)), problems: problems.slice(before) });
        }
        continue;
      }
      paymentLines.set(key, line);
      if (person === undefined) {
        const id = writing
          ? Number(insertPerson.run(p.idNumber, p.name, p.sex, p.birthDate, p.villageCode).lastInsertRowid)
          : -1;
        person = { id, name: p.name, existed: false };
        persons.set(p.idNumber, person);
        summary.personsCreated++;
      }
      if (!writing) continue;
      const existing = person.existed
        ? (selectPayment.get(person.id, p.programCode, p.period, p.batch) as unknown[] | undefined)
        : undefined;
      if (existing === undefined) {
        insertPayment.run(
          person.id,
          p.programCode,
          p.period,
          p.quantityMilli,
          p.standardFen,
          p.amountFen,
          p.plannedDate,
          p.paidDate,
          p.status,
          p.cardTail,
          p.batch,
          fileId,
          line,
        );
        summary.inserted++;
      } else if (
        existing[1] === p.quantityMilli &&
        existing[2] === p.standardFen &&
        existing[3] === p.amountFen &&
        existing[4] === p.plannedDate &&
        existing[5] === p.paidDate &&
        existing[6] === p.status &&
        existing[7] === p.cardTail
      ) {
        summary.unchanged++;
      } else {
        updatePayment.run(
          p.quantityMilli,
          p.standardFen,
          p.amountFen,
          p.plannedDate,
          p.paidDate,
          p.status,
          p.cardTail,
          fileId,
          line,
          existing[0],
        );
        summary.updated++;
      }
    }
    request.onProgress?.(source.total, source.total);
    if (summary.rejected > 0 && !skipBad) throw new RollBack();
    db.prepare(
      `UPDATE import_files SET rows_total = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?,
         rows_rejected = ? WHERE id = ?`,
    ).run(summary.rowsTotal, summary.inserted, summary.updated, summary.unchanged, summary.rejected, fileId);
    if (summary.dryRun) throw new RollBack();
    summary.fileId = fileId;
  };

  let refused = false;
  try {
    inWriteTransaction(db, work);
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    refused = summary.rejected > 0 && !skipBad;
  }
  if (refused) {
    summary.inserted = summary.updated = summary.unchanged = summary.personsCreated = 0;
  }
  if (request.rejectsFile !== undefined) {
    writeRejects(request.rejectsFile, header, columns.card, rejects, request.language ?? 'zh-CN');
  }
  return refused ? { kind: 'rows-refused', summary } : { kind: 'imported', summary };
}
