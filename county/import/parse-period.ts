/**
 * What a payment is for (所属期/发放期间), normalised to the master database's forms: a year '2026', a month
 * '2026-03', a quarter '2026-Q1' or a half-year '2026-H1'. Accepted as written in exports: 2026, 2026年,
 * 2026年度, 2026-03, 2026/3, 2026.3, 2026年3月, 202603, 2026-Q1, 2026Q1, 2026年第1季度, 2026年一季度,
 * 2026-H1, 2026年上半年, 2026年下半年.
 */
export type PeriodResult = { ok: true; period: string } | { ok: false };

const NORMAL = /^\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/;
const YEAR = /^(\d{4})(?:年度?)?$/;
const MONTH = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/;
const QUARTER = /^(\d{4})\s*(?:-?\s*Q([1-4])|年?\s*第?\s*([1-4一二三四])\s*季度?)$/i;
const HALF = /^(\d{4})\s*(?:-?\s*H([12])|年?\s*([上下])半年)$/i;

const CHINESE_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4' };
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

function inRange(year: string): boolean {
  const n = Number(year);
  return n >= FIRST_YEAR && n <= LAST_YEAR;
}

export function parsePeriod(text: string): PeriodResult {
  const value = text.trim();
  // 2026-03, the shape of nearly every monthly row, without the regular expressions below.
  if (value.length === 7 && value.charCodeAt(4) === 45 && value.charCodeAt(5) <= 49) {
    const year = Number(value.slice(0, 4));
    const month = Number(value.slice(5));
    if (year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12)
      return { ok: true, period: value };
  }
  if (NORMAL.test(value)) return inRange(value.slice(0, 4)) ? { ok: true, period: value } : { ok: false };
  const year = YEAR.exec(value);
  if (year?.[1] !== undefined) return inRange(year[1]) ? { ok: true, period: year[1] } : { ok: false };
  const month = MONTH.exec(value);
  if (month?.[1] !== undefined) {
    const m = Number(month[2] ?? month[3]);
    if (!inRange(month[1]) || m < 1 || m > 12) return { ok: false };
    return { ok: true, period: `${month[1]}-${m < 10 ? '0' : ''}${m}` };
  }
  const quarter = QUARTER.exec(value);
  if (quarter?.[1] !== undefined) {
    const q = quarter[2] ?? CHINESE_DIGITS[quarter[3] ?? ''] ?? quarter[3];
    return inRange(quarter[1]) ? { ok: true, period: `${quarter[1]}-Q${q}` } : { ok: false };
  }
  const half = HALF.exec(value);
  if (half?.[1] !== undefined) {
    const h = half[2] ?? (half[3] === '上' ? '1' : '2');
    return inRange(half[1]) ? { ok: true, period: `${half[1]}-H${h}` } : { ok: false };
  }
  return { ok: false };
}
