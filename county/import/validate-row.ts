/**
 * Checks one data row against the mapping and the master database's programs and regions, and reads it into
 * a payment. Written for a million rows a run: one reusable result object, Maps for every lookup, a cache of
 * already checked ID numbers, fast paths for the common spellings, and no schema library per row.
 */
import type { LocalDate } from '../../domain/dates';
import { parseIdNumber, type ResidentIdNumber, type Sex } from '../../domain/id-number';
import { normalizeNameDots } from '../../domain/person-name';
import type { ColumnMapping, Field } from './mapping';
import { programKey, type MasterLookups } from './master-lookups';
import {
  cardTail,
  parseMoneyNumber,
  parseMoneyText,
  parseQuantityNumber,
  parseQuantityText,
  type MoneyResult,
} from './parse-amounts';
import { dateOfSpreadsheetInstant, parseDate, parseDateNumber, type DateResult } from './parse-date';
import { parsePeriod } from './parse-period';
import { effectiveStatus, parseStatus, type ImportedStatus } from './parse-status';
import type { ProblemKind, RowProblem } from './problems';
import { REPLACEMENT_CHARACTER } from './decode-text';

/** A cell as a reader hands it over: CSV cells are strings; spreadsheet cells may be numbers or dates. */
export type Cell = string | number | Date | null;

export interface ParsedPayment {
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: LocalDate;
  /** The village named on the row, if any (used for residents the row creates). */
  villageCode: string | null;
  programCode: string;
  period: string;
  quantityMilli: number | null;
  standardFen: number | null;
  amountFen: number;
  plannedDate: LocalDate;
  paidDate: LocalDate | null;
  status: ImportedStatus;
  cardTail: string | null;
  batch: string;
}

export interface ValidatorSetup {
  mapping: ColumnMapping;
  columns: Partial<Record<Field, number>>;
  header: readonly string[];
  lookups: MasterLookups;
  /** The mapping's fixed program, already resolved to a code. */
  fixedProgramCode: string | null;
  today: LocalDate;
  /** CSV rows must be as wide as the header; spreadsheets leave trailing empty cells out. */
  strictWidth: boolean;
  /** Whether the current row's text may hold U+FFFD (only then are its cells checked for it). */
  mayHoldUndecodable(): boolean;
  encoding: string;
  /** Names a cell for messages ('Sheet1!C12'), or null. */
  cellName(line: number, column: number): string | null;
}

const ID_PROBLEM_KINDS = {
  characters: 'idCharacters',
  length: 'idLength',
  region: 'idRegion',
  'birth-date': 'idBirthDate',
  'check-digit': 'idCheckDigit',
} as const satisfies Record<string, ProblemKind>;

const MONEY_PROBLEM_KINDS = {
  unreadable: 'amountUnreadable',
  negative: 'amountNegative',
  decimals: 'amountDecimals',
} as const satisfies Record<string, ProblemKind>;

// Names with a middle dot of any kind or inner spaces get the domain's normalisation; most have neither.
const NEEDS_NAME_NORMALIZING = /[\s\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65]/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A cell as text: spreadsheet numbers as written, dates as YYYY-MM-DD. */
export function cellText(cell: Cell | undefined): string {
  if (typeof cell === 'string') return cell.trim();
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const d = dateOfSpreadsheetInstant(cell);
  return d.ok ? d.date : '';
}

const TOTALS_LABEL = /^\s*(合\s*计|总\s*计|小\s*计|共\s*计)\s*[:：]?\s*$/;

export class RowValidator {
  readonly payment: ParsedPayment = {
    idNumber: '',
    name: '',
    sex: 'male',
    birthDate: '',
    villageCode: null,
    programCode: '',
    period: '',
    quantityMilli: null,
    standardFen: null,
    amountFen: 0,
    plannedDate: '',
    paidDate: null,
    status: 'pending',
    cardTail: null,
    batch: '',
  };

  private readonly ids = new Map<string, ResidentIdNumber>();
  private readonly excelSerialInText: boolean;
  private line = 0;
  private problems: RowProblem[] = [];
  private bad = false;

  constructor(private readonly setup: ValidatorSetup) {
    this.excelSerialInText = setup.mapping.excelSerialDates;
  }

  /**
   * The 合计/总计/小计 line Chinese offices put under their tables: a cell saying so and no ID number. It is a
   * sum of the rows above, not a payment.
   */
  isTotalsRow(cells: readonly Cell[]): boolean {
    const idColumn = this.setup.columns.idNumber;
    if (idColumn !== undefined && cellText(cells[idColumn]) !== '') return false;
    return cells.some((cell) => typeof cell === 'string' && TOTALS_LABEL.test(cell));
  }

  /** Validates one row; on success `payment` holds it, otherwise its problems are pushed to `problems`. */
  validate(cells: readonly Cell[], line: number, problems: RowProblem[]): boolean {
    const { setup } = this;
    const { columns } = setup;
    this.line = line;
    this.problems = problems;
    this.bad = false;

    if (setup.strictWidth && cells.length !== setup.header.length) {
      this.report(Math.min(cells.length, setup.header.length), 'columnCount', {
        found: cells.length,
        expected: setup.header.length,
      });
      return false;
    }
    if (setup.mayHoldUndecodable()) {
      cells.forEach((cell, i) => {
        if (typeof cell === 'string' && cell.includes(REPLACEMENT_CHARACTER)) {
          this.report(i, 'undecodable', { encoding: setup.encoding });
        }
      });
      if (this.bad) return false;
    }

    const p = this.payment;
    p.name = this.readName(cells, columns.name);
    this.readIdNumber(cells, columns.idNumber);
    p.programCode = this.readProgram(cells, columns.program);
    p.period = this.readPeriod(cells, columns.period);
    p.quantityMilli = this.readQuantity(cells, columns.quantity);
    p.standardFen = this.readMoney(cells, columns.standard, false);
    p.amountFen = this.readMoney(cells, columns.amount, true) ?? 0;
    const planned = this.readDate(cells, columns.plannedDate);
    const paid = this.readDate(cells, columns.paidDate);
    this.readStatus(cells, columns.status, columns.plannedDate, planned, paid);
    p.cardTail = this.readCard(cells, columns.card);
    p.batch = columns.batch === undefined ? '' : cellText(cells[columns.batch]);
    p.villageCode = this.readPlace(cells, columns.township, columns.village);
    return !this.bad;
  }

  private report(index: number, kind: ProblemKind, params: Record<string, string | number> = {}): void {
    this.bad = true;
    this.problems.push({
      line: this.line,
      column: index + 1,
      header: this.setup.header[index] ?? '',
      cell: this.setup.cellName(this.line, index + 1),
      kind,
      params,
    });
  }

  private readName(cells: readonly Cell[], at: number | undefined): string {
    const text = at === undefined ? '' : cellText(cells[at]);
    if (text === '') {
      this.report(at ?? 0, 'missing');
      return '';
    }
    return NEEDS_NAME_NORMALIZING.test(text) ? normalizeNameDots(text) : text;
  }

  private readIdNumber(cells: readonly Cell[], at: number | undefined): void {
    const text = at === undefined ? '' : cellText(cells[at]);
    let id = this.ids.get(text);
    if (id === undefined) {
      const parsed = parseIdNumber(text, this.setup.today);
      if (!parsed.ok) {
        const problem = parsed.problem;
        if (problem.reason === 'empty') this.report(at ?? 0, 'missing');
        else {
          const { reason, ...params } = problem;
          this.report(at ?? 0, ID_PROBLEM_KINDS[reason], params);
        }
        return;
      }
      id = parsed.id;
      this.ids.set(text, id);
    }
    const p = this.payment;
    p.idNumber = id.value;
    p.sex = id.sex;
    p.birthDate = id.birthDate;
  }

  private readProgram(cells: readonly Cell[], at: number | undefined): string {
    const text = at === undefined ? '' : cellText(cells[at]);
    if (text === '') {
      if (this.setup.fixedProgramCode !== null) return this.setup.fixedProgramCode;
      this.report(at ?? 0, 'missing');
      return '';
    }
    const programs = this.setup.lookups.programs;
    const code = programs.get(text) ?? programs.get(programKey(text));
    if (code === undefined) {
      this.report(at ?? 0, 'programUnknown', { value: text });
      return '';
    }
    return code;
  }

  private readPeriod(cells: readonly Cell[], at: number | undefined): string {
    const cell = at === undefined ? null : cells[at];
    if (cell instanceof Date) {
      // A month typed into Excel becomes the first day of that month.
      return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}`;
    }
    const text = cellText(cell);
    if (text === '') {
      this.report(at ?? 0, 'missing');
      return '';
    }
    const parsed = parsePeriod(text);
    if (!parsed.ok) {
      this.report(at ?? 0, 'periodMalformed', { value: text });
      return '';
    }
    return parsed.period;
  }

  private readQuantity(cells: readonly Cell[], at: number | undefined): number | null {
    if (at === undefined) return null;
    const cell = cells[at];
    if (typeof cell === 'number') {
      const milli = parseQuantityNumber(cell);
      if (milli === null) this.report(at, 'quantityUnreadable', { value: String(cell) });
      return milli;
    }
    const text = cellText(cell);
    if (text === '') return null;
    const milli = parseQuantityText(text);
    if (milli === null) this.report(at, 'quantityUnreadable', { value: text });
    return milli;
  }

  private readMoney(cells: readonly Cell[], at: number | undefined, required: boolean): number | null {
    if (at === undefined) return null;
    const unit = this.setup.mapping.moneyUnit;
    const cell = cells[at];
    let result: MoneyResult;
    let text: string;
    if (typeof cell === 'number') {
      text = String(cell);
      result = parseMoneyNumber(cell, unit);
    } else {
      text = cellText(cell);
      if (text === '') {
        if (required) this.report(at, 'missing');
        return null;
      }
      result = parseMoneyText(text, unit);
    }
    if (!result.ok) {
      this.report(at, MONEY_PROBLEM_KINDS[result.reason], { value: text, unit });
      return null;
    }
    return result.fen;
  }

  private readDate(cells: readonly Cell[], at: number | undefined): string | null {
    if (at === undefined) return null;
    const cell = cells[at];
    let result: DateResult;
    let text: string;
    if (typeof cell === 'number') {
      text = String(cell);
      result = parseDateNumber(cell);
    } else if (cell instanceof Date) {
      text = cell.toISOString();
      result = dateOfSpreadsheetInstant(cell);
    } else {
      text = cellText(cell);
      if (text === '') return null;
      result = parseDate(text, { excelSerial: this.excelSerialInText });
    }
    if (!result.ok) {
      this.report(at, result.reason === 'impossible' ? 'dateImpossible' : 'dateUnreadable', { value: text });
      return null;
    }
    return result.date;
  }

  private readStatus(
    cells: readonly Cell[],
    at: number | undefined,
    plannedAt: number | undefined,
    planned: string | null,
    paid: string | null,
  ): void {
    const p = this.payment;
    const text = at === undefined ? '' : cellText(cells[at]);
    const given = parseStatus(text);
    if (!given.ok) {
      this.report(at ?? 0, 'statusUnknown', { value: text });
      return;
    }
    const status = effectiveStatus(given.status, paid);
    if (status === 'paid' && paid === null) this.report(at ?? 0, 'paidWithoutDate');
    if (status === 'pending' && paid !== null) this.report(at ?? 0, 'pendingWithPaidDate');
    // The master database keeps a paid date only for money that arrived; a returned payment has none.
    p.status = status;
    p.paidDate = status === 'paid' ? paid : null;
    const plannedDate = planned ?? paid;
    if (plannedDate === null) {
      if (!this.bad) this.report(plannedAt ?? this.setup.columns.paidDate ?? 0, 'missing');
      return;
    }
    p.plannedDate = plannedDate;
  }

  private readCard(cells: readonly Cell[], at: number | undefined): string | null {
    const text = at === undefined ? '' : cellText(cells[at]);
    if (text === '') return null;
    const tail = cardTail(text);
    if (tail === null) this.report(at ?? 0, 'cardUnreadable');
    return tail;
  }

  private readPlace(
    cells: readonly Cell[],
    townshipAt: number | undefined,
    villageAt: number | undefined,
  ): string | null {
    const { lookups } = this.setup;
    const townshipName = townshipAt === undefined ? '' : cellText(cells[townshipAt]);
    const villageName = villageAt === undefined ? '' : cellText(cells[villageAt]);
    let townshipCode: string | null = null;
    if (townshipName !== '') {
      townshipCode = lookups.townships.get(townshipName) ?? null;
      if (townshipCode === null) {
        this.report(townshipAt ?? 0, 'townshipUnknown', { value: townshipName });
        return null;
      }
    }
    if (villageName === '') return null;
    if (townshipCode !== null) {
      const code = lookups.villagesInTownship.get(townshipCode)?.get(villageName);
      if (code === undefined) {
        this.report(villageAt ?? 0, 'villageUnknown', { value: villageName, township: townshipName });
      }
      return code ?? null;
    }
    const code = lookups.villagesByName.get(villageName);
    if (code === undefined) {
      this.report(villageAt ?? 0, 'villageUnknown', { value: villageName, township: '' });
    } else if (code === null) {
      this.report(villageAt ?? 0, 'villageAmbiguous', { value: villageName });
    }
    return code ?? null;
  }
}
