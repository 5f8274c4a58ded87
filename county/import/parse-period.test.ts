import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './parse-period';

describe('parsePeriod', () => {
  it.each([
    ['2026', '2026'],
    ['2026年', '2026'],
    ['2026年度', '2026'],
    ['2026-03', '2026-03'],
    ['2026/3', '2026-03'],
    ['2026.3', '2026-03'],
    ['2026年3月', '2026-03'],
    ['202603', '2026-03'],
    ['2026-Q1', '2026-Q1'],
    ['2026q4', '2026-Q4'],
    ['2026年第2季度', '2026-Q2'],
    ['2026年三季度', '2026-Q3'],
    ['2026-H1', '2026-H1'],
    ['2026年上半年', '2026-H1'],
    ['2026年下半年', '2026-H2'],
  ])('normalises %s to %s', (text, period) => {
    expect(parsePeriod(text)).toEqual({ ok: true, period });
  });

  it.each(['', '2026-13', '2026年0月', '2026-Q5', '2026-H3', '26-03', '3026', 'March 2026', '2026-03-05'])(
    'refuses %j',
    (text) => expect(parsePeriod(text)).toEqual({ ok: false }),
  );

  it('gives one period for every spelling of the same month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const expected = `${y}-${String(m).padStart(2, '0')}`;
        for (const text of [
          expected,
          `${y}/${m}`,
          `${y}.${m}`,
          `${y}年${m}月`,
          `${y}${String(m).padStart(2, '0')}`,
        ]) {
          expect(parsePeriod(text)).toEqual({ ok: true, period: expected });
        }
      }),
    );
  });

  it('is idempotent: a normalised period reads as itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const first = parsePeriod(text);
        if (first.ok) expect(parsePeriod(first.period)).toEqual(first);
      }),
    );
  });
});
