import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseDate, parseDateNumber } from './parse-date';

const validDate = fc
  .date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => ({
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    iso: d.toISOString().slice(0, 10),
  }));

describe('parseDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026 年 3 月 5 日', '2026-03-05'],
    ['20260305', '2026-03-05'],
    [' 2026-03-05 ', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, date) => {
    expect(parseDate(text, { excelSerial: false })).toEqual({ ok: true, date });
  });

  it.each(['2026-02-30', '2025-02-29', '2026/13/1', '20261301', '2026年4月31日', '3026-01-01'])(
    'says %s does not exist',
    (text) => expect(parseDate(text, { excelSerial: false })).toEqual({ ok: false, reason: 'impossible' }),
  );

  it.each(['', 'yesterday', '2026-03', '05/03/2026', '46086', '2026--03-05'])('cannot read %j', (text) => {
    expect(parseDate(text, { excelSerial: false })).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('reads a bare number as an Excel serial date only where the mapping allows it', () => {
    expect(parseDate('46086', { excelSerial: true })).toEqual({ ok: true, date: '2026-03-05' });
    expect(parseDate('46086.75', { excelSerial: true })).toEqual({ ok: true, date: '2026-03-05' });
  });

  it('reads spreadsheet numbers as serial days or as 8-digit dates', () => {
    expect(parseDateNumber(46086)).toEqual({ ok: true, date: '2026-03-05' });
    expect(parseDateNumber(20260305)).toEqual({ ok: true, date: '2026-03-05' });
    expect(parseDateNumber(60)).toEqual({ ok: false, reason: 'impossible' });
    expect(excelSerialToDate(61)).toEqual({ ok: true, date: '1900-03-01' });
  });

  it('reads every real date back from each way offices write it', () => {
    fc.assert(
      fc.property(validDate, ({ y, m, d, iso }) => {
        const p2 = (n: number) => String(n).padStart(2, '0');
        for (const text of [
          iso,
          `${y}/${m}/${d}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          `${y}${p2(m)}${p2(d)}`,
        ]) {
          expect(parseDate(text, { excelSerial: false })).toEqual({ ok: true, date: iso });
        }
      }),
    );
  });

  it('turns every Excel serial day into the date Excel shows for it', () => {
    fc.assert(
      fc.property(validDate, ({ iso }) => {
        const serial = (Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000;
        expect(excelSerialToDate(serial)).toEqual({ ok: true, date: iso });
      }),
    );
  });

  it('never accepts a day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect(parseDate(`${y}-${m}-${last + 1}`, { excelSerial: false }).ok).toBe(false);
        expect(parseDate(`${y}-${m}-${last}`, { excelSerial: false }).ok).toBe(true);
      }),
    );
  });
});
