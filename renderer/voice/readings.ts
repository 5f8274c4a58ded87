/**
 * How numbers are read aloud: amounts of money (from integer fen), counts, seconds, years and dates, in
 * Mandarin and English. Each reading is both the text (for the OS's speech) and the sequence of recorded
 * units (for a prompt set that says numbers as a telephone system does); the text is always the units joined.
 *
 * Mandarin, as people say amounts (not as cheques write them):
 * - 两 for a 2 that counts something on its own: 两元, 两角, 两分, 两笔, 两秒; and for a 2 before 千, before
 *   万/亿 when it is all of that group (两万, 两亿), and before 百 at the very start (两百元). Elsewhere 二:
 *   十二, 二十二, 一千二百, 十二万. Years and dates always use 二 (二〇二五年, 十二月).
 * - 十 alone at the start (十元, 十五万), 一十 inside a number (一百一十, 一万零一十).
 * - One 零 for any run of zeros between non-zero digits or groups (一千零五, 一万零一百, 一亿零一万); none at the
 *   end; amounts say 零 before 分 when yuan are said and there are no 角 (一千元零五分).
 * - No 元 when an amount is under one yuan (五分, 五角); 零元 for nothing at all.
 *
 * English: US-style cardinals without "and" inside the number, yuan and fen (1 jiao = 10 fen; English speakers
 * do not use jiao): "one thousand two hundred thirty-four yuan and fifty fen"; years in pairs ("twenty
 * twenty-five", "two thousand five"); dates as "March first twenty twenty-five".
 */
import type { Fen } from '../../domain/money';
import { EN_MONTHS, unitsText, type VoiceLocale } from './units';

export interface Reading {
  text: string;
  /** Unit ids, `unit-…`, each a recording of the locale's prompt set. */
  units: string[];
}

function reading(units: string[], locale: VoiceLocale): Reading {
  return { text: unitsText(units, locale), units };
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative safe integer`);
}

// ---------- Mandarin ----------

const ZH_PLACES = ['unit-qian', 'unit-bai', 'unit-shi'] as const;

/** 1–9999, the digits of one 万-group. `first` says whether it opens the whole number. */
function zhGroup(n: number, first: boolean, liang: boolean): string[] {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  const units: string[] = [];
  let started = false;
  let zeroPending = false;
  digits.forEach((digit, index) => {
    if (digit === 0) {
      zeroPending = started;
      return;
    }
    if (zeroPending) units.push('unit-ling');
    zeroPending = false;
    const place = ZH_PLACES[index];
    const opening = first && !started;
    if (place === 'unit-shi' && digit === 1 && opening) {
      units.push('unit-shi'); // 十二, not 一十二, at the start
    } else {
      const saysLiang = liang && digit === 2 && (place === 'unit-qian' || (place === 'unit-bai' && opening));
      units.push(saysLiang ? 'unit-liang' : `unit-${digit}`);
      if (place) units.push(place);
    }
    started = true;
  });
  return units;
}

/** A non-negative integer in Mandarin unit ids; `liang` selects 两 where people say it for quantities. */
function zhInteger(n: number, liang: boolean, first = true): string[] {
  if (n === 0) return ['unit-ling'];
  for (const [size, unit] of [
    [1e8, 'unit-yi'],
    [1e4, 'unit-wan'],
  ] as const) {
    if (n < size) continue;
    const high = Math.floor(n / size);
    const low = n % size;
    const highUnits = liang && high === 2 ? ['unit-liang'] : zhInteger(high, liang, first);
    const lowUnits =
      low === 0 ? [] : [...(low < size / 10 ? ['unit-ling'] : []), ...zhInteger(low, liang, false)];
    return [...highUnits, unit, ...lowUnits];
  }
  return zhGroup(n, first, liang);
}

/** A quantity said before its measure word: 两 for exactly two (两笔, 两元). */
function zhQuantity(n: number): string[] {
  return n === 2 ? ['unit-liang'] : zhInteger(n, true);
}

function zhAmount(fen: Fen): string[] {
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return ['unit-ling', 'unit-yuan'];
  const units: string[] = [];
  if (yuan > 0) units.push(...zhQuantity(yuan), 'unit-yuan');
  if (jiao > 0) units.push(...zhQuantity(jiao), 'unit-jiao');
  if (cents > 0) {
    if (yuan > 0 && jiao === 0) units.push('unit-ling');
    units.push(...zhQuantity(cents), 'unit-fen');
  }
  return units;
}

// Dates: every digit of the year one by one, month and day as plain numbers with 二.
function zhYear(year: number): string[] {
  return [
    ...String(year)
      .split('')
      .map((digit) => `unit-${digit}`),
    'unit-nian',
  ];
}

// ---------- English ----------

const EN_SCALES = [
  [1e12, 'unit-trillion'],
  [1e9, 'unit-billion'],
  [1e6, 'unit-million'],
  [1e3, 'unit-thousand'],
] as const;

function enUnder1000(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  return [
    ...(hundreds > 0 ? [`unit-${hundreds}`, 'unit-hundred'] : []),
    ...(rest > 0 || hundreds === 0 ? [`unit-${rest}`] : []),
  ];
}

function enInteger(n: number): string[] {
  if (n === 0) return ['unit-0'];
  const units: string[] = [];
  let rest = n;
  for (const [size, unit] of EN_SCALES) {
    if (rest < size) continue;
    units.push(...enUnder1000(Math.floor(rest / size)), unit);
    rest %= size;
  }
  return rest > 0 ? [...units, ...enUnder1000(rest)] : units;
}

function enAmount(fen: Fen): string[] {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return [...enInteger(yuan), 'unit-yuan'];
  if (yuan === 0) return [`unit-${cents}`, 'unit-fen'];
  return [...enInteger(yuan), 'unit-yuan', 'unit-and', `unit-${cents}`, 'unit-fen'];
}

function enYear(year: number): string[] {
  const high = Math.floor(year / 100);
  const low = year % 100;
  // 2000–2009 and whole thousands: "two thousand five"; else in pairs: "nineteen oh five", "twenty twenty-five".
  if (year % 1000 === 0 || (year >= 2000 && year < 2010) || year < 1000) return enInteger(year);
  if (low === 0) return [`unit-${high}`, 'unit-hundred'];
  return [`unit-${high}`, ...(low < 10 ? ['unit-oh'] : []), `unit-${low}`];
}

// ---------- The readings ----------

/** An amount of money, from integer fen: 一千二百三十四元五角 / one thousand … yuan and fifty fen. */
export function readAmount(fen: Fen, locale: VoiceLocale): Reading {
  assertCount(fen, 'an amount to read');
  return reading(locale === 'zh-CN' ? zhAmount(fen) : enAmount(fen), locale);
}

/** A number of payments: 十二笔 / twelve payments. */
export function readPaymentCount(count: number, locale: VoiceLocale): Reading {
  assertCount(count, 'a count');
  if (locale === 'zh-CN') return reading([...zhQuantity(count), 'unit-bi'], locale);
  return reading([...enInteger(count), count === 1 ? 'unit-payment' : 'unit-payments'], locale);
}

/** A number of seconds: 二十秒 / twenty seconds. */
export function readSeconds(seconds: number, locale: VoiceLocale): Reading {
  assertCount(seconds, 'a number of seconds');
  if (locale === 'zh-CN') return reading([...zhQuantity(seconds), 'unit-miao'], locale);
  return reading([...enInteger(seconds), seconds === 1 ? 'unit-second' : 'unit-seconds'], locale);
}

/** A year: 二〇二五年 / twenty twenty-five. */
export function readYear(year: number, locale: VoiceLocale): Reading {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError('a year must be 1–9999');
  return reading(locale === 'zh-CN' ? zhYear(year) : enYear(year), locale);
}

/** A calendar date, 'YYYY-MM-DD': 二〇二五年三月一日 / March first twenty twenty-five. */
export function readDate(date: string, locale: VoiceLocale): Reading {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (!year || !month || !day || month > 12 || day > 31) throw new RangeError(`not a date: ${date}`);
  if (locale === 'zh-CN') {
    const units = [
      ...zhYear(year),
      ...zhInteger(month, false),
      'unit-yue',
      ...zhInteger(day, false),
      'unit-ri',
    ];
    return reading(units, locale);
  }
  const monthName = EN_MONTHS[month - 1]?.toLowerCase() ?? '';
  return reading([`unit-${monthName}`, `unit-day-${day}`, ...enYear(year)], locale);
}
