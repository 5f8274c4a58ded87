/**
 * Resident ID numbers (居民身份证号码) per GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd = male), and a mod 11-2 check digit that may be 'X'.
 */
import { isValidLocalDate, shanghaiDate, type LocalDate } from './dates';

export type Sex = 'male' | 'female';

export interface ResidentIdNumber {
  value: string;
  regionCode: string;
  birthDate: string;
  sequence: string;
  sex: Sex;
  checkDigit: string;
}

export type IdNumberProblem =
  | { reason: 'empty' }
  | { reason: 'length'; length: number }
  | { reason: 'characters'; position: number }
  | { reason: 'region'; regionCode: string }
  | { reason: 'birth-date'; birthDate: string }
  | { reason: 'check-digit'; expected: string; actual: string };

export type IdNumberResult = { ok: true; id: ResidentIdNumber } | { ok: false; problem: IdNumberProblem };

const LENGTH = 18;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
// Nobody alive or recently deceased was born earlier; older dates are typing mistakes.
const EARLIEST_BIRTH: LocalDate = '1880-01-01';

// Province-level codes of GB/T 2260. Only the province is checked: prefectures and counties change over
// time, and the demo county deliberately uses prefecture codes that are not assigned (e.g. 3599xx).
// prettier-ignore
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

// Dashes people type or scanners insert between groups of digits.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFF0D]/g;
const FULL_WIDTH_DIGIT_OR_X = /[\uFF10-\uFF19\uFF38\uFF58]/g;

/** Trims, removes spaces and hyphens, turns full-width digits and Ｘ into ASCII, and x into X. */
export function normalizeIdNumber(input: string): string {
  return input
    .replace(SEPARATORS, '')
    .replace(FULL_WIDTH_DIGIT_OR_X, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/x/g, 'X');
}

/** The check digit ('0'-'9' or 'X') for the first 17 digits of a number. */
export function checkDigitOf(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('checkDigitOf needs exactly 17 ASCII digits');
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17[i]), 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function firstBadCharacter(chars: readonly string[]): number | null {
  const index = chars.findIndex((c, i) => !(/^\d$/.test(c) || (c === 'X' && i === LENGTH - 1)));
  return index === -1 ? null : index + 1;
}

/**
 * Validates a typed or read number and reports the first problem, in this order: empty, characters
 * (1-based position in the normalized number), length, region, birth date (must exist, not be after
 * `today` nor before 1880), check digit. `birthDate` is always reported as 'YYYY-MM-DD'.
 */
export function parseIdNumber(input: string, today?: string): IdNumberResult {
  const reference = today ?? shanghaiDate(new Date());
  if (!isValidLocalDate(reference)) throw new RangeError('today must be a YYYY-MM-DD date');

  const value = normalizeIdNumber(input);
  // Code points, so a position points at what the person sees even for characters outside the BMP.
  const chars = Array.from(value);
  const fail = (problem: IdNumberProblem): IdNumberResult => ({ ok: false, problem });

  if (chars.length === 0) return fail({ reason: 'empty' });
  const badPosition = firstBadCharacter(chars);
  if (badPosition !== null) return fail({ reason: 'characters', position: badPosition });
  if (chars.length !== LENGTH) return fail({ reason: 'length', length: chars.length });

  const regionCode = value.slice(0, 6);
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return fail({ reason: 'region', regionCode });

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidLocalDate(birthDate) || birthDate > reference || birthDate < EARLIEST_BIRTH) {
    return fail({ reason: 'birth-date', birthDate });
  }

  const expected = checkDigitOf(value.slice(0, 17));
  const actual = value.charAt(17);
  if (expected !== actual) return fail({ reason: 'check-digit', expected, actual });

  const sequence = value.slice(14, 17);
  return {
    ok: true,
    id: {
      value,
      regionCode,
      birthDate,
      sequence,
      sex: Number(sequence) % 2 === 1 ? 'male' : 'female',
      checkDigit: actual,
    },
  };
}
