/**
 * Calendar dates and clock times as the county sees them. Every date in the project is a 'YYYY-MM-DD'
 * string in Asia/Shanghai, so "today" on a terminal never depends on the machine's own time zone.
 */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

export type LocalDate = string; // 'YYYY-MM-DD'

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// en-US with h23 gives plain digits and 00-23 hours; the parts are read by type, never by position.
const countyClock = new Intl.DateTimeFormat('en-US', {
  timeZone: COUNTY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function countyParts(instant: Date): { date: LocalDate; time: string } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  const parts = countyClock.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

export function shanghaiDate(instant: Date): LocalDate {
  return countyParts(instant).date;
}

/** 'YYYY-MM-DD HH:mm' in the county's time zone, for receipts and complaint records. */
export function shanghaiDateTime(instant: Date): string {
  const { date, time } = countyParts(instant);
  return `${date} ${time}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True only for a real calendar date written exactly as 'YYYY-MM-DD' (zero-padded). */
export function isValidLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function yearOf(date: LocalDate): number {
  if (!isValidLocalDate(date)) throw new RangeError('not a YYYY-MM-DD date');
  return Number(date.slice(0, 4));
}

/** The calendar date `days` after `date` (before it when negative): calendar arithmetic, no clock involved. */
export function plusDays(date: LocalDate, days: number): LocalDate {
  if (!isValidLocalDate(date) || !Number.isSafeInteger(days)) throw new RangeError('not a YYYY-MM-DD date');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(0);
  // setUTCFullYear, unlike Date.UTC, takes years below 100 as written.
  shifted.setUTCFullYear(year, month - 1, day + days);
  const result = shifted.toISOString().slice(0, 10);
  if (!isValidLocalDate(result)) throw new RangeError('the date is outside years 0000–9999');
  return result;
}
