/**
 * Dates as Chinese offices write them in exports: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305,
 * and Excel serial day numbers (46086). Everything becomes a 'YYYY-MM-DD' LocalDate.
 */
import { isValidLocalDate, type LocalDate } from '../../domain/dates';

export type DateResult = { ok: true; date: LocalDate } | { ok: false; reason: 'unreadable' | 'impossible' };

// Years a payment date can plausibly carry; anything else is a typing slip, not a date.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// A time of day some exports append ('2026-03-05 00:00:00'); the date part is what counts.
const TRAILING_TIME = /[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

// Excel's day 1 is 1900-01-01 but it counts a 1900-02-29 that never was, so from day 61 on the days are
// counted from 1899-12-30; the earlier days are not dates anyone exports payments with.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SERIAL = 61;
const LAST_SERIAL = 73415; // 2100-12-31
const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DIGIT_0 = 48;
const DASH = 45;
const SLASH = 47;

// Reads up to `max` ASCII digits from `at`; the value, and the position after them, packed as value * 16 + length.
function digitsAt(text: string, at: number, max: number): number {
  let value = 0;
  let length = 0;
  while (length < max) {
    const d = text.charCodeAt(at + length) - DIGIT_0;
    if (!(d >= 0 && d <= 9)) break;
    value = value * 10 + d;
    length++;
  }
  return value * 16 + length;
}

/**
 * The two shapes nearly every export uses, 2026-03-05 and 2026/3/5, read without regular expressions (this
 * runs twice per row); null when the text has another shape.
 */
function quickDate(text: string): DateResult | null {
  const n = text.length;
  if (n < 8 || n > 10) return null;
  const year = digitsAt(text, 0, 4);
  if ((year & 15) !== 4) return null;
  const separator = text.charCodeAt(4);
  if (separator !== DASH && separator !== SLASH) return null;
  const month = digitsAt(text, 5, 2);
  const monthLength = month & 15;
  if (monthLength === 0 || text.charCodeAt(5 + monthLength) !== separator) return null;
  const day = digitsAt(text, 6 + monthLength, 2);
  const dayLength = day & 15;
  if (dayLength === 0 || 6 + monthLength + dayLength !== n) return null;
  const y = (year - 4) / 16;
  const m = (month - monthLength) / 16;
  const d = (day - dayLength) / 16;
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: 'impossible' };
  }
  return { ok: true, date: separator === DASH && n === 10 ? text : `${y}-${pad2(m)}-${pad2(d)}` };
}

function fromParts(year: number, month: number, day: number): DateResult {
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, reason: 'impossible' };
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  return isValidLocalDate(date) ? { ok: true, date } : { ok: false, reason: 'impossible' };
}

/** The date of an Excel serial day number (the fraction, a time of day, is dropped). */
export function excelSerialToDate(serial: number): DateResult {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < FIRST_SERIAL || day > LAST_SERIAL) {
    return { ok: false, reason: 'impossible' };
  }
  return { ok: true, date: new Date(EXCEL_EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10) };
}

/**
 * Reads a date cell. `excelSerial` allows a bare day number as an Excel serial date (the mapping says whether
 * a department's CSV may carry them; XLSX number cells always may). Shapes that are not dates at all are
 * 'unreadable'; dates that do not exist (2026-02-30, 13th month, year 3026) are 'impossible'.
 */
export function parseDate(text: string, options: { excelSerial: boolean }): DateResult {
  const quick = quickDate(text);
  if (quick !== null) return quick;
  const value = text.trim().replace(TRAILING_TIME, '');
  const separated = SEPARATED.exec(value);
  if (separated) return fromParts(Number(separated[1]), Number(separated[2]), Number(separated[3]));
  const compact = COMPACT.exec(value);
  if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  if (options.excelSerial && SERIAL.test(value)) return excelSerialToDate(Number(value));
  return { ok: false, reason: 'unreadable' };
}

/** A number cell of a spreadsheet in a date column: 20260305 written as a number, or a serial day. */
export function parseDateNumber(value: number): DateResult {
  if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
    return parseDate(String(value), { excelSerial: false });
  }
  return excelSerialToDate(value);
}

/** A date cell that the spreadsheet library already turned into an instant (midnight UTC of the day). */
export function dateOfSpreadsheetInstant(instant: Date): DateResult {
  if (Number.isNaN(instant.getTime())) return { ok: false, reason: 'unreadable' };
  return fromParts(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}
