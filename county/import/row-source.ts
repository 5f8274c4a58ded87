/**
 * Rows of a department file, whatever its format: CSV text (cells are strings, `line` is the physical line a
 * record starts on) or the chosen sheet of an XLSX workbook (cells may be numbers or dates, `line` is the row
 * number, and cells are named like Sheet1!C12 in messages).
 */
import ExcelJS from 'exceljs';
import { CsvReader } from './csv-reader';
import type { Cell } from './validate-row';

export interface RowSource {
  /** Advances to the next row that is not blank; false at the end. */
  next(): boolean;
  /** The current row's cells (reused between rows: copy what you keep). */
  readonly cells: readonly Cell[];
  readonly line: number;
  /** A CSV record that ran to the end of the file inside a quote. */
  readonly unclosedQuote: boolean;
  /** How far the reading has come, out of `total`, for progress. */
  readonly done: number;
  readonly total: number;
  /** 'Sheet1!C12'-style name of a cell, or null where the format has none (CSV). */
  cellName(line: number, column: number): string | null;
}

export class CsvRowSource implements RowSource {
  private readonly reader: CsvReader;
  readonly total: number;

  constructor(text: string) {
    this.reader = new CsvReader(text);
    this.total = text.length;
  }

  next(): boolean {
    return this.reader.next();
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
  get done(): number {
    return this.reader.consumed;
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

  private constructor(
    readonly sheetName: string,
    rows: { line: number; cells: Cell[] }[],
  ) {
    this.rows = rows;
  }

  /** Reads the named sheet, or the first; resolves to the list of sheet names when the name is not there. */
  static async open(bytes: Buffer, sheet?: string): Promise<XlsxRowSource | { missing: string[] }> {
    const workbook = new ExcelJS.Workbook();
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
