import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COUNTY_TIME_ZONE,
  isValidLocalDate,
  plusDays,
  shanghaiDate,
  shanghaiDateTime,
  yearOf,
} from './dates';

describe('shanghaiDate and shanghaiDateTime', () => {
  it('is the county time zone', () => {
    expect(COUNTY_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it.each([
    ['2026-03-04T16:30:00Z', '2026-03-05', '2026-03-05 00:30'],
    ['2026-03-04T15:59:59Z', '2026-03-04', '2026-03-04 23:59'],
    ['2026-03-04T16:00:00Z', '2026-03-05', '2026-03-05 00:00'],
    ['2025-12-31T16:00:00Z', '2026-01-01', '2026-01-01 00:00'],
    ['2024-02-28T20:15:00Z', '2024-02-29', '2024-02-29 04:15'],
  ])('%s is %s in the county', (instant, date, dateTime) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
    expect(shanghaiDateTime(new Date(instant))).toBe(dateTime);
  });

  it('is always UTC+8 since China stopped daylight saving in 1991', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1992-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const plus8 = new Date(instant.getTime() + 8 * 3600 * 1000).toISOString();
          expect(shanghaiDate(instant)).toBe(plus8.slice(0, 10));
          expect(shanghaiDateTime(instant)).toBe(`${plus8.slice(0, 10)} ${plus8.slice(11, 16)}`);
        },
      ),
    );
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDate(new Date('not a date'))).toThrow(RangeError);
    expect(() => shanghaiDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isValidLocalDate', () => {
  it.each(['2026-03-05', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30', '1880-01-01'])(
    'accepts %s',
    (text) => {
      expect(isValidLocalDate(text)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-3-5',
    '26-03-05',
    '2026/03/05',
    ' 2026-03-05',
    '2026-03-05T00:00',
    '',
  ])('rejects %j', (text) => {
    expect(isValidLocalDate(text)).toBe(false);
  });

  it('agrees with the Gregorian calendar for every year, month and day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const calendar = new Date(Date.UTC(year, month - 1, day));
          const exists = calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day && month >= 1;
          expect(isValidLocalDate(text)).toBe(exists);
        },
      ),
    );
  });
});

describe('yearOf', () => {
  it('reads the year of a date', () => {
    expect(yearOf('2026-03-05')).toBe(2026);
    expect(yearOf('1949-12-31')).toBe(1949);
  });

  it('refuses a malformed date instead of guessing', () => {
    expect(() => yearOf('2026-3-5')).toThrow(RangeError);
    expect(() => yearOf('')).toThrow(RangeError);
  });
});

describe('plusDays', () => {
  it.each([
    ['2026-03-05', 1, '2026-03-06'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-05', -400, '2025-01-29'],
    ['2026-03-05', 0, '2026-03-05'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(plusDays(date, days)).toBe(expected);
  });

  it('goes forward and back to the same date, one calendar day at a time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (n, days) => {
          const date = new Date(Date.UTC(1900, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
          const shifted = plusDays(date, days);
          expect(isValidLocalDate(shifted)).toBe(true);
          expect(plusDays(shifted, -days)).toBe(date);
          expect(Date.parse(shifted) - Date.parse(date)).toBe(days * 86_400_000);
        },
      ),
    );
  });

  it('refuses what is not a date', () => {
    expect(() => plusDays('2026-02-31', 1)).toThrow(RangeError);
    expect(() => plusDays('9999-12-31', 1)).toThrow(RangeError);
  });
});
