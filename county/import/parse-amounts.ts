/**
 * Amounts, quantities and card numbers as exports write them. Money becomes integer fen (the mapping says
 * whether a column is in yuan or fen), a quantity (亩, persons) integer thousandths, a card number only its
 * last four digits: the full number is never kept.
 */
import { parseYuanToFen, type Fen } from '../../domain/money';

export type MoneyUnit = 'yuan' | 'fen';
export type MoneyProblem = 'unreadable' | 'negative' | 'decimals';
export type MoneyResult = { ok: true; fen: Fen } | { ok: false; reason: MoneyProblem };

const DIGIT_0 = 48;
const DOT = 46;
const COMMA = 44;
const PLAIN_MAX_DIGITS = 13;

/**
 * Fen of the common shapes 1234, 1234.5, 1234.50 and 1,234.50, read without a regular expression (this runs
 * for every row); -1 for any other shape, which the domain parser then reads (currency marks, errors).
 */
function plainYuan(text: string): number {
  const n = text.length;
  let i = 0;
  let whole = 0;
  let digits = 0;
  // Digits since the last grouping comma, once there was one.
  let group = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const d = c - DIGIT_0;
    if (d >= 0 && d <= 9) {
      whole = whole * 10 + d;
      digits++;
      if (group >= 0) group++;
    } else if (c === COMMA) {
      if (group >= 0 ? group !== 3 : digits < 1 || digits > 3) return -1;
      group = 0;
    } else break;
  }
  if (digits === 0 || digits > PLAIN_MAX_DIGITS || (group >= 0 && group !== 3)) return -1;
  if (i === n) return whole * 100;
  if (text.charCodeAt(i) !== DOT || n - i - 1 < 1 || n - i - 1 > 2) return -1;
  const tenths = text.charCodeAt(i + 1) - DIGIT_0;
  const hundredths = n - i - 1 === 2 ? text.charCodeAt(i + 2) - DIGIT_0 : 0;
  if (!(tenths >= 0 && tenths <= 9 && hundredths >= 0 && hundredths <= 9)) return -1;
  return whole * 100 + tenths * 10 + hundredths;
}
const FEN_TEXT = /^(-?)(\d{1,15})(\.\d+)?$/;
// Float noise from a spreadsheet's binary numbers (0.1 + 0.2, or the last bits of a large amount × 100);
// anything larger is a real further decimal.
const EPSILON = 1e-6;
const RELATIVE_NOISE = 1e-13;

function isWhole(scaled: number, rounded: number): boolean {
  return Math.abs(scaled - rounded) <= Math.max(EPSILON, Math.abs(scaled) * RELATIVE_NOISE);
}

function checked(fen: number): MoneyResult {
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: 'unreadable' };
  return fen < 0 ? { ok: false, reason: 'negative' } : { ok: true, fen };
}

export function parseMoneyText(text: string, unit: MoneyUnit): MoneyResult {
  const value = text.trim();
  if (unit === 'fen') {
    const match = FEN_TEXT.exec(value.endsWith('分') ? value.slice(0, -1).trimEnd() : value);
    if (!match) return { ok: false, reason: 'unreadable' };
    if (match[1] === '-') return { ok: false, reason: 'negative' };
    // 123.00 fen is still a whole number of fen; 123.5 fen is not.
    if (match[3] !== undefined && !/^\.0+$/.test(match[3])) return { ok: false, reason: 'decimals' };
    return checked(Number(match[2]));
  }
  const plain = plainYuan(value);
  if (plain >= 0) return { ok: true, fen: plain };
  const parsed = parseYuanToFen(value);
  if (parsed.ok) return checked(parsed.fen);
  return { ok: false, reason: parsed.reason === 'too-many-decimals' ? 'decimals' : 'unreadable' };
}

/** A number cell of a spreadsheet: 1234.5 yuan or 123450 fen. */
export function parseMoneyNumber(value: number, unit: MoneyUnit): MoneyResult {
  if (!Number.isFinite(value)) return { ok: false, reason: 'unreadable' };
  const scaled = unit === 'yuan' ? value * 100 : value;
  const fen = Math.round(scaled);
  if (!isWhole(scaled, fen)) return { ok: false, reason: 'decimals' };
  return checked(fen === 0 ? 0 : fen);
}

const QUANTITY = /^(\d{1,12})(?:\.(\d{1,3}))?$/;

/** 3.125 亩 → 3125; null when it is not a non-negative number with at most three decimals. */
export function parseQuantityText(text: string): number | null {
  const match = QUANTITY.exec(text.trim().replaceAll(',', ''));
  if (!match) return null;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

export function parseQuantityNumber(value: number): number | null {
  const milli = Math.round(value * 1000);
  if (!Number.isFinite(value) || value < 0 || !isWhole(value * 1000, milli)) return null;
  return milli;
}

const STAR = 42;

/** The last four digits of a bank card or account number (masked forms like 6217****1234 too); else null. */
export function cardTail(text: string): string | null {
  let digitsAtEnd = 0;
  let tail = '';
  // From the end: the last four characters that are not spaces or hyphens must be digits, the rest digits or *.
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45 || c === 9) continue;
    const digit = c >= DIGIT_0 && c <= DIGIT_0 + 9;
    if (digitsAtEnd < 4) {
      if (!digit) return null;
      digitsAtEnd++;
      tail = text[i] + tail;
    } else if (!digit && c !== STAR) {
      return null;
    }
  }
  return digitsAtEnd === 4 ? tail : null;
}
