/** Calendar arithmetic on 'YYYY-MM-DD' strings; UTC is used only as a time-zone-free day counter. */
import type { LocalDate } from '../../domain/dates';

const DAY_MS = 86_400_000;

function toDayNumber(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** A date `years` earlier or later on the same month and day (29 February becomes 1 March). */
export function addYears(date: LocalDate, years: number): LocalDate {
  const year = Number(date.slice(0, 4)) + years;
  return fromDayNumber(Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

/** Whole years of age on `on`. */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** 'YYYY-MM' months from `first` to `last` inclusive. */
export function monthsFrom(first: string, last: string): string[] {
  const months: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (year * 12 + month <= end) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The 'YYYY-MM' month `count` months after (or before, if negative) the month of `date`. */
export function shiftMonth(date: LocalDate, count: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `addDays` with both conversions memoised: the demo shifts a few thousand distinct dates millions of times. */
export function memoisedAddDays(): (date: LocalDate, days: number) => LocalDate {
  const dayOf = new Map<LocalDate, number>();
  const dateOf = new Map<number, LocalDate>();
  return (date, days) => {
    let day = dayOf.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      dayOf.set(date, day);
    }
    const target = day + days;
    let result = dateOf.get(target);
    if (result === undefined) {
      result = fromDayNumber(target);
      dateOf.set(target, result);
    }
    return result;
  };
}

/** The quarter period of a 'YYYY-MM' month: '2025-Q2'. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}
