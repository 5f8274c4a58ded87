import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAmount, readDate, readPaymentCount, readSeconds, readYear } from './readings';
import { unitsText, VOICE_UNITS, type VoiceLocale } from './units';

describe('Mandarin amounts', () => {
  it.each([
    [123450, '一千二百三十四元五角'],
    [100, '一元'],
    [5, '五分'],
    [50, '五角'],
    [55, '五角五分'],
    [100005, '一千元零五分'],
    [1010000, '一万零一百元'],
    [0, '零元'],
    [105, '一元零五分'],
    [1000, '十元'],
    [1500, '十五元'],
    [11000, '一百一十元'],
    [100100, '一千零一元'],
    [1000000000, '一千万元'],
    [10000000000, '一亿元'],
    [10001000000, '一亿零一万元'],
    [10010000000, '一亿零一十万元'],
    [100000000000000, '一万亿元'],
    [1000000000000000, '十万亿元'],
  ])('%i fen is %s', (fen, text) => {
    expect(readAmount(fen, 'zh-CN').text).toBe(text);
  });

  it.each([
    [200, '两元'],
    [20, '两角'],
    [2, '两分'],
    [222, '两元两角两分'],
    [1200, '十二元'],
    [2200, '二十二元'],
    [20000, '两百元'],
    [22200, '两百二十二元'],
    [120000, '一千二百元'],
    [200000, '两千元'],
    [222200, '两千二百二十二元'],
    [2000000, '两万元'],
    [1200000, '一万两千元'],
    [12000000, '十二万元'],
    [20000000000, '两亿元'],
    [2000200, '两万零二元'],
  ])('2 is 两 where people say it: %i fen is %s', (fen, text) => {
    expect(readAmount(fen, 'zh-CN').text).toBe(text);
  });

  it('gives the recorded units of a reading', () => {
    expect(readAmount(123450, 'zh-CN').units).toEqual([
      'unit-1',
      'unit-qian',
      'unit-2',
      'unit-bai',
      'unit-3',
      'unit-shi',
      'unit-4',
      'unit-yuan',
      'unit-5',
      'unit-jiao',
    ]);
    expect(readAmount(100005, 'zh-CN').units).toEqual([
      'unit-1',
      'unit-qian',
      'unit-yuan',
      'unit-ling',
      'unit-5',
      'unit-fen',
    ]);
  });

  it('refuses what is not an amount', () => {
    expect(() => readAmount(-1, 'zh-CN')).toThrow(RangeError);
    expect(() => readAmount(1.5, 'en')).toThrow(RangeError);
  });
});

describe('English amounts', () => {
  it.each([
    [123450, 'one thousand two hundred thirty-four yuan and fifty fen'],
    [100, 'one yuan'],
    [5, 'five fen'],
    [0, 'zero yuan'],
    [100005, 'one thousand yuan and five fen'],
    [1010000, 'ten thousand one hundred yuan'],
    [10000000000, 'one hundred million yuan'],
    [
      123456789012,
      'one billion two hundred thirty-four million five hundred sixty-seven thousand eight hundred ninety yuan and twelve fen',
    ],
  ])('%i fen is "%s"', (fen, text) => {
    expect(readAmount(fen, 'en').text).toBe(text);
  });
});

describe('counts, seconds, years and dates', () => {
  it.each([
    [1, '一笔', 'one payment'],
    [2, '两笔', 'two payments'],
    [12, '十二笔', 'twelve payments'],
    [20, '二十笔', 'twenty payments'],
    [102, '一百零二笔', 'one hundred two payments'],
  ])('%i payments', (count, zh, en) => {
    expect(readPaymentCount(count, 'zh-CN').text).toBe(zh);
    expect(readPaymentCount(count, 'en').text).toBe(en);
  });

  it.each([
    [20, '二十秒', 'twenty seconds'],
    [1, '一秒', 'one second'],
    [2, '两秒', 'two seconds'],
  ])('%i seconds', (seconds, zh, en) => {
    expect(readSeconds(seconds, 'zh-CN').text).toBe(zh);
    expect(readSeconds(seconds, 'en').text).toBe(en);
  });

  it.each([
    [2025, '二〇二五年', 'twenty twenty-five'],
    [2000, '二〇〇〇年', 'two thousand'],
    [2005, '二〇〇五年', 'two thousand five'],
    [2010, '二〇一〇年', 'twenty ten'],
    [1999, '一九九九年', 'nineteen ninety-nine'],
    [1905, '一九〇五年', 'nineteen oh five'],
    [1900, '一九〇〇年', 'nineteen hundred'],
  ])('the year %i', (year, zh, en) => {
    expect(readYear(year, 'zh-CN').text).toBe(zh);
    expect(readYear(year, 'en').text).toBe(en);
  });

  it.each([
    ['2025-03-01', '二〇二五年三月一日', 'March first twenty twenty-five'],
    ['2024-12-22', '二〇二四年十二月二十二日', 'December twenty-second twenty twenty-four'],
    ['2023-02-10', '二〇二三年二月十日', 'February tenth twenty twenty-three'],
    ['2023-11-30', '二〇二三年十一月三十日', 'November thirtieth twenty twenty-three'],
  ])('the date %s', (date, zh, en) => {
    expect(readDate(date, 'zh-CN').text).toBe(zh);
    expect(readDate(date, 'en').text).toBe(en);
  });

  it('refuses what is not a date', () => {
    expect(() => readDate('2025-13-01', 'zh-CN')).toThrow(RangeError);
    expect(() => readDate('1 March', 'en')).toThrow(RangeError);
  });
});

// Decoders written independently of the readers: they parse the units back into a number, so the property
// tests check that what is said is the amount, not just that the code agrees with itself.
const ZH_DIGIT: Record<string, number> = { 'unit-ling': 0, 'unit-liang': 2 };
for (let digit = 1; digit <= 9; digit++) ZH_DIGIT[`unit-${digit}`] = digit;
const ZH_PLACE: Record<string, number> = { 'unit-shi': 10, 'unit-bai': 100, 'unit-qian': 1000 };

function decodeZhInteger(units: readonly string[]): number {
  let belowYi = 0; // finished 万 groups under the current 亿
  let group = 0;
  let digit = 0;
  let total = 0;
  for (const unit of units) {
    if (unit in ZH_DIGIT) digit = ZH_DIGIT[unit] ?? 0;
    else if (unit in ZH_PLACE) {
      group += (digit || 1) * (ZH_PLACE[unit] ?? 0);
      digit = 0;
    } else if (unit === 'unit-wan') {
      belowYi += (group + digit) * 1e4;
      group = digit = 0;
    } else if (unit === 'unit-yi') {
      total = (total + belowYi + group + digit) * 1e8;
      belowYi = group = digit = 0;
    } else throw new Error(`not a number unit: ${unit}`);
  }
  return total + belowYi + group + digit;
}

function decodeZhAmount(units: readonly string[]): number {
  let fen = 0;
  let start = 0;
  units.forEach((unit, index) => {
    const scale = { 'unit-yuan': 100, 'unit-jiao': 10, 'unit-fen': 1 }[unit];
    if (scale === undefined) return;
    const part = units.slice(start, index);
    // The 零 that stands for a missing 角 belongs to no number.
    const digits = part[0] === 'unit-ling' && part.length > 1 ? part.slice(1) : part;
    fen += decodeZhInteger(digits) * scale;
    start = index + 1;
  });
  expect(start).toBe(units.length);
  return fen;
}

const EN_WORD = new Map<string, number>();
for (let n = 0; n < 100; n++) EN_WORD.set(`unit-${n}`, n);
const EN_SCALE: Record<string, number> = {
  'unit-thousand': 1e3,
  'unit-million': 1e6,
  'unit-billion': 1e9,
  'unit-trillion': 1e12,
};

function decodeEnInteger(units: readonly string[]): number {
  let total = 0;
  let group = 0;
  for (const unit of units) {
    const word = EN_WORD.get(unit);
    if (word !== undefined) group += word;
    else if (unit === 'unit-hundred') group *= 100;
    else if (unit in EN_SCALE) {
      total += group * (EN_SCALE[unit] ?? 0);
      group = 0;
    } else throw new Error(`not a number unit: ${unit}`);
  }
  return total + group;
}

function decodeEnAmount(units: readonly string[]): number {
  const yuanAt = units.indexOf('unit-yuan');
  if (yuanAt === -1) {
    expect(units.at(-1)).toBe('unit-fen');
    return decodeEnInteger(units.slice(0, -1));
  }
  const yuan = decodeEnInteger(units.slice(0, yuanAt));
  const rest = units.slice(yuanAt + 1);
  if (rest.length === 0) return yuan * 100;
  expect(rest[0]).toBe('unit-and');
  expect(rest.at(-1)).toBe('unit-fen');
  return yuan * 100 + decodeEnInteger(rest.slice(1, -1));
}

const amounts = fc.oneof(
  fc.integer({ min: 0, max: 1e10 }),
  // Sparse amounts hit the zero rules far more often than uniform ones.
  fc
    .array(fc.constantFrom(0, 0, 0, 1, 2, 5, 9), { minLength: 1, maxLength: 11 })
    .map((digits) => Math.min(Number(digits.join('')), 1e10)),
);
const locales = fc.constantFrom<VoiceLocale>('zh-CN', 'en');

describe('property: the units and the text of an amount agree, and say the amount', () => {
  it('text is the units joined, every unit exists in the locale', () => {
    fc.assert(
      fc.property(amounts, locales, (fen, locale) => {
        const { text, units } = readAmount(fen, locale);
        for (const unit of units) expect(VOICE_UNITS[locale]).toHaveProperty([unit]);
        expect(unitsText(units, locale)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('Mandarin units decode to the amount, one 零 at a time, none at the end, 两 before 千', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const { text, units } = readAmount(fen, 'zh-CN');
        expect(decodeZhAmount(units)).toBe(fen);
        if (fen === 0) return;
        expect(text).not.toMatch(/零零|零[元角分万亿]|^零|^二[百千万亿]|二千|两十/);
      }),
      { numRuns: 2000 },
    );
  });

  it('English units decode to the amount', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        expect(decodeEnAmount(readAmount(fen, 'en').units)).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts decode too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (count) => {
        expect(decodeZhInteger(readPaymentCount(count, 'zh-CN').units.slice(0, -1))).toBe(count);
        expect(decodeEnInteger(readPaymentCount(count, 'en').units.slice(0, -1))).toBe(count);
      }),
    );
  });
});
