/**
 * Imports one department file (CSV or XLSX) of payments into the master database, in one write transaction:
 * every row is validated; by default any bad row means nothing is written; with `skipBad` the good rows are
 * written and the bad ones can go to a rejects CSV. Residents are found by ID number (a new number creates
 * the resident), payments are upserted by (resident, program, period, batch) and counted as inserted, updated
 * or unchanged, so importing the same content again changes nothing. Each imported file is recorded in
 * import_files with its SHA-256; the very same file is recognised before any work is done.
 *
 * Checking (check-rows.ts) and writing (payment-batch.ts) overlap: for a large file the rows are checked in a
 * worker thread while this thread writes the batches it has already checked.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { shanghaiDate, shanghaiDateTime } from '../../domain/dates';
import { mask } from '../../domain/masking';
import { writePrivateFile } from '../../domain/private-files.nodejs';
import type { MasterDatabase } from '../master/open-master';
import { checkInThisThread, checkInWorker, type CheckSession } from './check-session';
import type { FileProblem, Reject } from './check-rows';
import type { TextEncodingName } from './decode-text';
import { importT, type ImportLanguage } from './import-i18n';
import type { ColumnMapping } from './mapping';
import { BatchWriter } from './payment-batch';
import { describeProblem, type RowProblem } from './problems';

export type { FileProblem } from './check-rows';

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
  /** Check the rows in a worker thread while this one writes (default: for files from 1 MiB). */
  checkInWorker?: boolean;
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

export type ImportOutcome =
  | { kind: 'already-imported'; file: string; sha256: string; importedAt: string }
  | { kind: 'file-refused'; problem: FileProblem }
  | { kind: 'rows-refused'; summary: ImportSummary }
  | { kind: 'imported'; summary: ImportSummary };

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
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
  // Rejected rows carry residents' names and ID numbers as the department sent them: owner-only.
  writePrivateFile(file, `\uFEFF${lines.join('\r\n')}\r\n`);
}

/** From this size on, rows are checked in a worker thread while this one writes. */
const WORKER_FROM_BYTES = 1024 * 1024;

async function importChecked(
  db: MasterDatabase,
  request: ImportRequest,
  session: CheckSession,
  now: Date,
): Promise<ImportOutcome> {
  const sha256 = createHash('sha256').update(readFileSync(request.file)).digest('hex');
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

  const opened = await session.next();
  if (opened.type === 'refused') return { kind: 'file-refused', problem: opened.problem };
  if (opened.type !== 'header') throw new Error(`the row checker sent ${opened.type} before the header`);

  const summary: ImportSummary = {
    file: request.file,
    sha256,
    mapping: request.mapping.name,
    format: opened.format,
    encoding: opened.encoding,
    sheet: opened.sheet,
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
  let rejects: Reject[] | undefined;

  // Every reference the import writes comes from the checker's own lookups, and every CHECK of persons and
  // payments is a rule the checker applies to each row (and more strictly); SQLite checking them again costs
  // a third of the writing (its IN lists are rebuilt for every statement). Both are switched off for this
  // transaction only; foreign_keys cannot change inside one.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const ignoreChecks = db.pragma('ignore_check_constraints', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const fileId = Number(
        db
          .prepare(
            `INSERT INTO import_files (sha256, file_name, mapping, imported_at, rows_total, rows_inserted,
               rows_updated, rows_unchanged, rows_rejected) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0)`,
          )
          .run(sha256, basename(request.file), request.mapping.name, now.toISOString()).lastInsertRowid,
      );
      const writer = new BatchWriter(db, fileId);
      session.go();
      for (;;) {
        const message = await session.next();
        if (message.type === 'batch') {
          writer.write(message.batch);
          session.written();
          request.onProgress?.(message.batch.done, message.batch.total);
          continue;
        }
        if (message.type !== 'end') throw new Error(`the row checker sent ${message.type} among the rows`);
        Object.assign(summary, message.counts);
        summary.problems = message.problems;
        rejects = message.rejects;
        break;
      }
      if ((summary.rejected > 0 && request.skipBad !== true) || summary.dryRun) {
        db.exec('ROLLBACK');
      } else {
        db.prepare(
          `UPDATE import_files SET rows_total = ?, rows_inserted = ?, rows_updated = ?, rows_unchanged = ?,
             rows_rejected = ? WHERE id = ?`,
        ).run(
          summary.rowsTotal,
          summary.inserted,
          summary.updated,
          summary.unchanged,
          summary.rejected,
          fileId,
        );
        db.exec('COMMIT');
        summary.fileId = fileId;
      }
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys === 1 ? 'ON' : 'OFF'}`);
    db.pragma(`ignore_check_constraints = ${ignoreChecks === 1 ? 'ON' : 'OFF'}`);
  }

  const refused = summary.rejected > 0 && request.skipBad !== true;
  if (refused) {
    summary.inserted = summary.updated = summary.unchanged = summary.personsCreated = 0;
  }
  if (request.rejectsFile !== undefined) {
    writeRejects(
      request.rejectsFile,
      opened.header,
      opened.cardColumn,
      rejects ?? [],
      request.language ?? 'zh-CN',
    );
  }
  return refused ? { kind: 'rows-refused', summary } : { kind: 'imported', summary };
}

export async function importPayments(db: MasterDatabase, request: ImportRequest): Promise<ImportOutcome> {
  const now = request.now ?? new Date();
  const input = {
    file: request.file,
    mapping: request.mapping,
    encoding: request.encoding,
    sheet: request.sheet,
    skipBad: request.skipBad === true,
    keepRejects: request.rejectsFile !== undefined,
    today: shanghaiDate(now),
  };
  const inWorker = request.checkInWorker ?? (!db.memory && statSync(request.file).size >= WORKER_FROM_BYTES);
  // The worker starts reading the file while this thread hashes it.
  const session = inWorker ? checkInWorker(db.name, input) : checkInThisThread(db, input);
  try {
    return await importChecked(db, request, session, now);
  } finally {
    await session.close();
  }
}
