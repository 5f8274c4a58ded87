import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centre, displayWidth, spread, truncateToWidth, wrapAndTruncate, wrapToWidth } from './display-width';

describe('displayWidth', () => {
  it('counts ASCII as one column and anything sent as a multi-byte code as two', () => {
    expect(displayWidth('2025-03')).toBe(7);
    expect(displayWidth('张*明')).toBe(5);
    expect(displayWidth('阿依古丽·买**')).toBe(14);
    expect(displayWidth('¥1.00')).toBe(6);
    expect(displayWidth('䶮')).toBe(2);
  });
});

describe('wrapToWidth', () => {
  it('breaks Chinese text between any two characters without losing one', () => {
    const lines = wrapToWidth('大中型水库移民后期扶持补助资金', 10);
    expect(lines).toEqual(['大中型水库', '移民后期扶', '持补助资金']);
  });

  it('keeps English words whole', () => {
    expect(wrapToWidth('Farmland fertility protection subsidy', 20)).toEqual([
      'Farmland fertility',
      'protection subsidy',
    ]);
  });

  it('splits a word longer than the line', () => {
    expect(wrapToWidth('https://hm.example.cn/k/MQ-0042', 16)).toEqual([
      'https://hm.examp',
      'le.cn/k/MQ-0042',
    ]);
  });

  it('never starts a line with closing punctuation', () => {
    expect(wrapToWidth('本凭条仅供本人核对，不作领款凭证。', 32)).toEqual([
      '本凭条仅供本人核对，不作领款凭',
      '证。',
    ]);
  });

  it('never makes a line wider than asked, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 4, max: 48 }), (text, width) =>
        wrapToWidth(text, width).every((line) => displayWidth(line) <= width),
      ),
    );
  });
});

describe('truncating and placing', () => {
  it('cuts with an ellipsis only when the text does not fit', () => {
    expect(truncateToWidth('高龄津贴', 8)).toBe('高龄津贴');
    expect(truncateToWidth('耕地地力保护补贴', 8)).toBe('耕地地…');
  });

  it('limits wrapped text to the given number of lines, marking the cut', () => {
    const lines = wrapAndTruncate(
      'Post-relocation support for migrants from large and medium reservoirs',
      20,
      2,
    );
    expect(lines).toEqual(['Post-relocation', 'support for migran…']);
  });

  it('puts the right-hand text flush right on a line of exactly the width', () => {
    const line = spread('合计 3 笔', '1634.50元', 32);
    expect(displayWidth(line)).toBe(32);
    expect(line.endsWith(' 1634.50元')).toBe(true);
  });

  it('truncates the left side rather than overflow', () => {
    expect(displayWidth(spread('大中型水库移民后期扶持补助资金', '¥300.00', 20))).toBe(20);
  });

  it('centres with leading spaces', () => {
    expect(centre('明白卡', 12)).toBe('   明白卡');
  });
});
