/**
 * Rows of a department file, whatever its format: CSV text (cells are strings, `line` is the physical line a
 * record starts on) or the chosen sheet of an XLSX workbook (cells may be numbers or dates, `line` is the row
 * number, and cells are named like Sheet1!C12 in messages).
 */
import type ExcelJS from 'exceljs';
import { CsvReader } from './csv-reader';
import { decodePiece, REPLACEMENT_CHARACTER, type TextEncodingName } from './decode-text';
import type { Cell } from './validate-row';

export interface RowSource {
  /** Advances to the next row that is not blank; false at the end. */
  next(): boolean;
  /** The current row's cells (reused between rows: copy what you keep). */
  readonly cells: readonly Cell[];
  readonly line: number;
  /** A CSV record that ran to the end of the file inside a quote. */
  readonly unclosedQuote: boolean;
  /** Whether the current row's text may hold U+FFFD, the mark of bytes that did not decode. */
  readonly mayHoldUndecodable: boolean;
  /** How far the reading has come, out of `total`, for progress. */
  readonly done: number;
  readonly total: number;
  /** 'Sheet1!C12'-style name of a cell, or null where the format has none (CSV). */
  cellName(line: number, column: number): string | null;
}

/** Bytes decoded at a time: the first rows are checked (and written) while the rest is still undecoded. */
const PIECE_BYTES = 4 * 1024 * 1024;
const LF = 0x0a;

/**
 * A CSV file's rows, decoded piece by piece. Pieces end at a line feed (a byte that is never part of a
 * multi-byte character in UTF-8 or GB18030); a record whose quoted cell runs on past its piece is read
 * again with the rest of the file appended, so the rows are exactly those of the whole text.
 */
export class CsvRowSource implements RowSource {
  private reader: CsvReader;
  private pieceStart = 0;
  private pieceEnd = 0;
  private pieceText = '';
  private pieceUndecodable = false;

  constructor(
    private readonly bytes: Buffer,
    private readonly encoding: TextEncodingName,
  ) {
    this.reader = this.readPiece('', 1, PIECE_BYTES);
  }

  private readPiece(carried: string, firstLine: number, size: number): CsvReader {
    const { bytes } = this;
    const start = this.pieceEnd;
    let end = start + size >= bytes.length ? bytes.length : bytes.indexOf(LF, start + size) + 1;
    if (end === 0) end = bytes.length;
    const text = carried + decodePiece(bytes.subarray(start, end), this.encoding, start);
    this.pieceStart = start;
    this.pieceEnd = end;
    this.pieceText = text;
    this.pieceUndecodable = text.includes(REPLACEMENT_CHARACTER);
    return new CsvReader(text, firstLine);
  }

  next(): boolean {
    for (;;) {
      const { reader } = this;
      const more = this.pieceEnd < this.bytes.length;
      if (reader.next()) {
        if (!(reader.unclosedQuote && more)) return true;
        this.reader = this.readPiece(this.pieceText.slice(reader.recordStart), reader.line, Infinity);
        continue;
      }
      if (!more) return false;
      this.reader = this.readPiece('', reader.nextLine, PIECE_BYTES);
    }
  }
  get cells(): readonly Cell[] {
    return this.reader.fields;
  }
  get line(): number {
    return this.reader.line;
  }
  get unclosedQuote(): boolean {
    return this.reader.unclosedQuote;
  }
  get mayHoldUndecodable(): boolean {
    return this.pieceUndecodable;
  }
  get done(): number {
    return this.pieceStart;
  }
  get total(): number {
    return this.bytes.length;
  }
  cellName(): null {
    return null;
  }
}

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

// exceljs hands formulas, rich text and links over as objects; the importer only wants what the cell shows.
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

function isBlank(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

export class XlsxRowSource implements RowSource {
  private readonly rows: { line: number; cells: Cell[] }[];
  private index = -1;
  readonly unclosedQuote = false;
  readonly mayHoldUndecodable = false;

  private constructor(
    readonly sheetName: string,
    rows: { line: number; cells: Cell[] }[],
  ) {
    this.rows = rows;
  }

  /** Reads the named sheet, or the first; resolves to the list of sheet names when the name is not there. */
  static async open(bytes: Buffer, sheet?: string): Promise<XlsxRowSource | { missing: string[] }> {
    // exceljs is large; CSV imports (and the checker's worker thread) start faster without loading it.
    const { default: excel } = await import('exceljs');
    const workbook = new excel.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet);
    if (worksheet === undefined) return { missing: workbook.worksheets.map((w) => w.name) };
    const rows: { line: number; cells: Cell[] }[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = plainCell(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      if (!isBlank(cells)) rows.push({ line: rowNumber, cells });
    });
    return new XlsxRowSource(worksheet.name, rows);
  }

  next(): boolean {
    this.index++;
    return this.index < this.rows.length;
  }
  get cells(): readonly Cell[] {
    return this.rows[this.index]?.cells ?? [];
  }
  get line(): number {
    return this.rows[this.index]?.line ?? 0;
  }
  get done(): number {
    return this.index;
  }
  get total(): number {
    return this.rows.length;
  }
  cellName(line: number, column: number): string {
    const sheet = /^[\p{L}\p{N}_]+$/u.test(this.sheetName) ? this.sheetName : `'${this.sheetName}'`;
    return `${sheet}!${columnLetters(column)}${line}`;
  }
}
