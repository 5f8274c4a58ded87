import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigitOf } from './id-number';
import { mask, type MaskKind } from './masking';

const codePoints = (text: string): string[] => Array.from(text);

// Common single surnames; none of them starts a compound surname, so the split is unambiguous.
const SINGLE_SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑谢唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈姜崔',
];
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '令狐',
];
// Given-name characters: common CJK, plus rare ones outside the BMP (surrogate pairs in UTF-16).
const nameChar = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((cp) => String.fromCodePoint(cp)),
  fc.constantFrom('𠮷', '𡈼', '𪚥', '𬌗'),
  fc.integer({ min: 0x20000, max: 0x2a6df }).map((cp) => String.fromCodePoint(cp)),
);
const charsOf = (min: number, max: number) => fc.array(nameChar, { minLength: min, maxLength: max });
const DOTS = ['·', '・', '•', '‧', '･'];

describe('mask name', () => {
  it.each([
    ['张三明', '张*明'],
    ['张明', '张*'],
    ['张三丰明', '张**明'],
    ['欧阳明', '欧阳*'],
    ['欧阳小明', '欧阳*明'],
    ['司马相如', '司马*如'],
    ['欧阳', '欧*'],
    ['张', '*'],
    ['𠮷', '*'],
    ['𠮷田明', '𠮷*明'],
    ['张𠮷明', '张*明'],
    ['  张三明 ', '张*明'],
    ['阿依古丽·买买提', '阿依古丽·买**'],
    ['阿依古丽・买买提', '阿依古丽·买**'],
    ['阿依古丽 • 买买提', '阿依古丽·买**'],
    ['阿依古丽·买买提·艾力', '阿依古丽·***·艾*'],
    ['阿依古丽·买', '阿依古丽·*'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (name, masked) => {
    expect(mask('name', name)).toBe(masked);
  });

  it('keeps the surname and the last character, and hides every other character', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...SINGLE_SURNAMES), fc.constantFrom(...COMPOUND_SURNAMES)),
        charsOf(2, 4),
        (surname, given) => {
          const name = surname + given.join('');
          const out = codePoints(mask('name', name));
          const kept = codePoints(surname).length;
          expect(out.length).toBe(codePoints(name).length);
          expect(out.slice(0, kept).join('')).toBe(surname);
          expect(out.at(-1)).toBe(given.at(-1));
          expect(out.slice(kept, -1).every((c) => c === '*')).toBe(true);
        },
      ),
    );
  });

  it('hides the whole given name when it has a single character', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SINGLE_SURNAMES, ...COMPOUND_SURNAMES), nameChar, (surname, given) => {
        expect(mask('name', surname + given)).toBe(`${surname}*`);
      }),
    );
  });

  it('masks minority names segment by segment, whatever middle dot was typed', () => {
    fc.assert(
      fc.property(
        fc.array(charsOf(1, 5), { minLength: 2, maxLength: 4 }),
        fc.constantFrom(...DOTS),
        (segments, dot) => {
          const name = segments.map((s) => s.join('')).join(dot);
          const out = mask('name', name).split('·').map(codePoints);
          const first = segments[0] ?? [];
          const last = segments.at(-1) ?? [];
          expect(out.length).toBe(segments.length);
          expect(out[0]).toEqual(first);
          for (const middle of out.slice(1, -1)) expect(middle.every((c) => c === '*')).toBe(true);
          const lastOut = out.at(-1) ?? [];
          expect(lastOut.length).toBe(last.length);
          expect(lastOut.slice(1).every((c) => c === '*')).toBe(true);
          // the first letter of the last segment shows unless it is all that would otherwise be hidden
          const shows = segments.length > 2 || last.length > 1;
          expect(lastOut[0]).toBe(shows ? last[0] : '*');
        },
      ),
    );
  });

  it('never shows a whole name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
        fc.pre(/[^\s·・•‧･*]/.test(name));
        expect(mask('name', name)).toContain('*');
      }),
    );
  });
});

const PROVINCES = ['11', '32', '35', '44', '53', '65', '71', '81', '82'];
const validIdNumber = fc
  .tuple(
    fc.constantFrom(...PROVINCES),
    fc.stringMatching(/^\d{4}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/),
  )
  .map(([province, rest]) => withCheck(province + rest));
function withCheck(first17: string): string {
  return first17 + checkDigitOf(first17);
}

describe('mask idNumber', () => {
  it.each([
    ['35010119900101123X', '350101************'],
    ['11010519491231002x', '110105************'],
    ['110105 1949 1231 002X', '110105************'],
    ['110105491231002', '110105*********'],
    ['1', '*'],
    ['12', '**'],
    ['', ''],
  ])('%j → %j', (id, masked) => {
    expect(mask('idNumber', id)).toBe(masked);
  });

  it('keeps only the region (first 6 characters) of an 18-character number', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const out = mask('idNumber', id);
        expect(out).toHaveLength(18);
        expect(out.slice(0, 6)).toBe(id.slice(0, 6));
        // the birth date, the sequence (and with it the sex) and the check digit never show
        expect(out.slice(6)).toBe('*'.repeat(12));
      }),
    );
  });

  it('reveals at most 40% of a shorter number, only at the start, and always hides something', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,17}$/), (digits) => {
        const out = codePoints(mask('idNumber', digits));
        const shown = out.filter((c, i) => c !== '*' && c === digits[i]);
        expect(out).toHaveLength(digits.length);
        expect(out.filter((c) => c !== '*')).toEqual(shown);
        expect(shown.length).toBeLessThanOrEqual(Math.floor(digits.length * 0.4));
        expect(out).toContain('*');
        expect(out.join('')).toMatch(/^\d*\*+$/);
      }),
    );
  });

  it('never reveals more than the first 6 characters of longer input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18,40}$/), (digits) => {
        const out = mask('idNumber', digits);
        expect(out.replaceAll('*', '')).toBe(digits.slice(0, 6));
      }),
    );
  });
});

describe('mask cardNumber', () => {
  it.each([
    ['6217000012345678', '****5678'],
    ['6217 0000 1234 5678 901', '****8901'],
    ['６２１７－５６７８', '****5678'],
    ['5678', '****5678'],
    ['', ''],
  ])('%j → %j', (card, masked) => {
    expect(mask('cardNumber', card)).toBe(masked);
  });

  it('shows only the last four digits of any card number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8,19}$/), (card) => {
        expect(mask('cardNumber', card)).toBe(`****${card.slice(-4)}`);
      }),
    );
  });
});

describe('mask phone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    ['0591-87654321', '059*******21'],
    ['87654321', '876****1'],
    ['110', '1**'],
    ['', ''],
  ])('%j → %j', (phone, masked) => {
    expect(mask('phone', phone)).toBe(masked);
  });

  it('hides the middle four digits of every mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        expect(mask('phone', phone)).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });

  it('shows at most the first 3 and last 2 of other numbers, never half or more', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[02-9]\d{0,14}$/), (phone) => {
        const out = mask('phone', phone);
        const shown = out.replaceAll('*', '');
        expect(out).toHaveLength(phone.length);
        expect(shown.length).toBeLessThan(phone.length / 2 + 0.5);
        expect(shown.length).toBeLessThanOrEqual(5);
        expect(out).toMatch(/^\d{0,3}\*+\d{0,2}$/);
      }),
    );
  });
});

describe('mask, whatever the kind', () => {
  const kinds: MaskKind[] = ['name', 'idNumber', 'cardNumber', 'phone'];

  it('masking twice never reveals more than masking once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\d xX-]{0,24}$/), validIdNumber),
        (kind, value) => {
          const once = codePoints(mask(kind, value));
          const twice = codePoints(mask(kind, once.join('')));
          expect(twice).toHaveLength(once.length);
          twice.forEach((c, i) => expect([once[i], '*']).toContain(c));
        },
      ),
    );
  });
});
