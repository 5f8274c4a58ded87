import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuanToFen, sumFen } from './money';

const safeFen = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);

describe('formatYuan', () => {
  it.each([
    [123450, '¥1,234.50', '1234.50元'],
    [-123450, '-¥1,234.50', '-1234.50元'],
    [0, '¥0.00', '0.00元'],
    [-0, '¥0.00', '0.00元'],
    [5, '¥0.05', '0.05元'],
    [-5, '-¥0.05', '-0.05元'],
    [100, '¥1.00', '1.00元'],
    [60000, '¥600.00', '600.00元'],
    [100000000, '¥1,000,000.00', '1000000.00元'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91', '90071992547409.91元'],
  ])('%d fen → %s / %s', (fen, symbol, suffix) => {
    expect(formatYuan(fen)).toBe(symbol);
    expect(formatYuan(fen, 'symbol')).toBe(symbol);
    expect(formatYuan(fen, 'suffix')).toBe(suffix);
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 53)])('refuses %d', (fen) => {
    expect(() => formatYuan(fen)).toThrow(RangeError);
  });
});

describe('parseYuanToFen', () => {
  it.each([
    ['1,234.50', 123450],
    ['¥1234.5', 123450],
    ['￥1234.50', 123450],
    ['¥ 1,234.50', 123450],
    ['1234.50元', 123450],
    ['1234 元', 123400],
    ['1234', 123400],
    ['  12.3 ', 1230],
    ['0.05', 5],
    ['0', 0],
    ['-0', 0],
    ['-12', -1200],
    ['-¥1,234.50', -123450],
    ['-1234.50元', -123450],
    ['1,000,000', 100000000],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %d fen', (text, fen) => {
    expect(parseYuanToFen(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['12a', 'not-a-number'],
    ['1.', 'not-a-number'],
    ['.5', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['12-', 'not-a-number'],
    ['--12', 'not-a-number'],
    ['(12)', 'not-a-number'],
    ['¥12元', 'not-a-number'],
    ['¥-12', 'not-a-number'],
    ['1e3', 'not-a-number'],
    ['1.234', 'too-many-decimals'],
    ['0.001', 'too-many-decimals'],
    ['1,23.4', 'bad-grouping'],
    ['1234,567', 'bad-grouping'],
    [',123', 'bad-grouping'],
    ['1,,234', 'bad-grouping'],
    ['90071992547409.92', 'too-large'],
    ['-90071992547409.92', 'too-large'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parseYuanToFen(text)).toEqual({ ok: false, reason });
  });

  it('reads back every formatted amount, in both styles', () => {
    fc.assert(
      fc.property(safeFen, fc.constantFrom('symbol' as const, 'suffix' as const), (fen, style) => {
        expect(parseYuanToFen(formatYuan(fen, style))).toEqual({ ok: true, fen });
      }),
    );
  });

  it('reads plain yuan with one or two decimals exactly, without floating-point drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const text = `${yuan}.${String(cents).padStart(2, '0')}`;
        expect(parseYuanToFen(text)).toEqual({ ok: true, fen: yuan * 100 + cents });
      }),
    );
  });
});

describe('sumFen', () => {
  it('adds integer fen', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([60000, 12345, -45])).toBe(72300);
  });

  it('gives the exact total even when a running total passes the safe range', () => {
    expect(sumFen([Number.MAX_SAFE_INTEGER, 1, -1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(sumFen([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('throws rather than return an inexact total', () => {
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([Number.MIN_SAFE_INTEGER, -1])).toThrow(RangeError);
  });

  it('throws on amounts that are not integer fen', () => {
    expect(() => sumFen([100, 0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.NaN])).toThrow(RangeError);
  });

  it('agrees with exact arithmetic', () => {
    fc.assert(
      fc.property(fc.array(safeFen, { maxLength: 20 }), (values) => {
        const exact = values.reduce((total, v) => total + BigInt(v), 0n);
        if (exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(sumFen(values)).toBe(Number(exact));
        } else {
          expect(() => sumFen(values)).toThrow(RangeError);
        }
      }),
    );
  });
});
