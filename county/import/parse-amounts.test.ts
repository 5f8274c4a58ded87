import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../domain/money';
import {
  cardTail,
  parseMoneyNumber,
  parseMoneyText,
  parseQuantityNumber,
  parseQuantityText,
} from './parse-amounts';

describe('money in department exports', () => {
  it.each([
    ['1234.50', 123450],
    ['1,234.50', 123450],
    ['1,234,567.8', 123456780],
    ['12,345', 1234500],
    ['¥1234.5', 123450],
    ['1234.50元', 123450],
    ['810', 81000],
    ['0.05', 5],
  ])('reads %s yuan as %d fen', (text, fen) => {
    expect(parseMoneyText(text, 'yuan')).toEqual({ ok: true, fen });
  });

  it.each([
    ['-12.00', 'negative'],
    ['12.345', 'decimals'],
    ['12,34.5', 'unreadable'],
    ['1234,567.00', 'unreadable'],
    [',123.00', 'unreadable'],
    ['1,234,', 'unreadable'],
    ['十二元', 'unreadable'],
  ])('refuses %s yuan as %s', (text, reason) => {
    expect(parseMoneyText(text, 'yuan')).toEqual({ ok: false, reason });
  });

  it('reads fen columns as whole fen', () => {
    expect(parseMoneyText('123450', 'fen')).toEqual({ ok: true, fen: 123450 });
    expect(parseMoneyText('9000分', 'fen')).toEqual({ ok: true, fen: 9000 });
    expect(parseMoneyText('123.5', 'fen')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoneyText('-5', 'fen')).toEqual({ ok: false, reason: 'negative' });
  });

  it('reads spreadsheet numbers without float noise, and refuses a third decimal', () => {
    expect(parseMoneyNumber(1234.5, 'yuan')).toEqual({ ok: true, fen: 123450 });
    expect(parseMoneyNumber(0.1 + 0.2, 'yuan')).toEqual({ ok: true, fen: 30 });
    expect(parseMoneyNumber(12.345, 'yuan')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoneyNumber(9000, 'fen')).toEqual({ ok: true, fen: 9000 });
  });

  it('reads grouped and plain amounts alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        const yuan = (fen / 100).toFixed(2);
        const grouped = yuan.replace(/\B(?=(\d{3})+\.)/g, ',');
        expect(parseMoneyText(grouped, 'yuan')).toEqual({ ok: true, fen });
        expect(parseMoneyText(yuan, 'yuan')).toEqual({ ok: true, fen });
      }),
    );
  });

  it('reads back every amount the way the county formats it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        expect(parseMoneyText(formatYuan(fen, 'symbol'), 'yuan')).toEqual({ ok: true, fen });
        expect(parseMoneyText(formatYuan(fen, 'suffix'), 'yuan')).toEqual({ ok: true, fen });
        expect(parseMoneyText(String(fen), 'fen')).toEqual({ ok: true, fen });
        expect(parseMoneyNumber(fen / 100, 'yuan')).toEqual({ ok: true, fen });
      }),
    );
  });
});

describe('quantities and card numbers', () => {
  it('keeps quantities in thousandths', () => {
    expect(parseQuantityText('3.125')).toBe(3125);
    expect(parseQuantityText('12')).toBe(12000);
    expect(parseQuantityText('1.2345')).toBeNull();
    expect(parseQuantityText('-1')).toBeNull();
    expect(parseQuantityNumber(2.5)).toBe(2500);
    expect(parseQuantityNumber(-2)).toBeNull();
  });

  it('keeps only the last four digits of a card number', () => {
    expect(cardTail('6217 0012 3456 7890 123')).toBe('0123');
    expect(cardTail('6217****1234')).toBe('1234');
    expect(cardTail('6217-0012-3456-789X')).toBeNull();
    expect(cardTail('123')).toBeNull();
  });

  it('finds the tail of any digit string of four or more digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4,25}$/), (digits) => {
        expect(cardTail(digits)).toBe(digits.slice(-4));
      }),
    );
  });
});
