import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigitOf, normalizeIdNumber, parseIdNumber } from './id-number';

const TODAY = '2026-01-01';
// prettier-ignore
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const withCheck = (first17: string): string => first17 + checkDigitOf(first17);

const validIdNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({
      min: new Date('1880-01-01T00:00:00Z'),
      max: new Date(`${TODAY}T00:00:00Z`),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, sequence }) =>
    withCheck(
      province + pad(rest, 4) + birth.toISOString().slice(0, 10).replaceAll('-', '') + pad(sequence, 3),
    ),
  );

function problemOf(input: string, today = TODAY) {
  const result = parseIdNumber(input, today);
  return result.ok ? null : result.problem;
}

describe('checkDigitOf', () => {
  it('matches the worked examples of GB 11643-1999', () => {
    expect(checkDigitOf('11010519491231002')).toBe('X');
    expect(checkDigitOf('44052418800101001')).toBe('4');
  });

  it('makes the weighted sum of all 18 characters 1 modulo 11 (ISO 7064 MOD 11-2, X = 10)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        const check = checkDigitOf(first17);
        // weight of position i (1-based) is 2^(18-i) mod 11; the check digit has weight 1
        const weighted = Array.from(first17).reduce((sum, d, i) => sum + Number(d) * (2 ** (17 - i) % 11), 0);
        expect((weighted + (check === 'X' ? 10 : Number(check))) % 11).toBe(1);
      }),
    );
  });

  it('refuses anything but 17 ASCII digits', () => {
    expect(() => checkDigitOf('1101051949123100')).toThrow(RangeError);
    expect(() => checkDigitOf('1101051949123100A')).toThrow(RangeError);
    expect(() => checkDigitOf('１１０１０５１９４９１２３１００２')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it('removes spaces and hyphens, converts full-width characters and lowercase x', () => {
    expect(normalizeIdNumber('  110105 1949-1231 002x \n')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５　１９４９１２３１－００２ｘ')).toBe('11010519491231002X');
  });

  it('leaves other characters for the parser to point at', () => {
    expect(normalizeIdNumber('1101O5')).toBe('1101O5');
  });
});

describe('parseIdNumber', () => {
  it('reads region, birth date, sequence, sex and check digit', () => {
    expect(parseIdNumber('11010519491231002x', TODAY)).toEqual({
      ok: true,
      id: {
        value: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sequence: '002',
        sex: 'female',
        checkDigit: 'X',
      },
    });
    const male = parseIdNumber('440524188001010014', TODAY);
    expect(male.ok && male.id.sex).toBe('male');
    expect(male.ok && male.id.birthDate).toBe('1880-01-01');
  });

  it('accepts exactly the province-level codes as the first two digits', () => {
    for (let prefix = 0; prefix < 100; prefix++) {
      const province = pad(prefix, 2);
      const result = parseIdNumber(withCheck(`${province}010519491231002`), TODAY);
      expect([province, result.ok]).toEqual([province, PROVINCES.includes(province)]);
    }
  });

  it('accepts the unassigned prefecture codes of the demo county', () => {
    const demo = withCheck('35990119800101123');
    expect(parseIdNumber(demo, TODAY)).toMatchObject({ ok: true, id: { regionCode: '359901' } });
  });

  it('accepts a person born today but not tomorrow', () => {
    expect(parseIdNumber(withCheck('35990120260101001'), TODAY).ok).toBe(true);
    expect(problemOf(withCheck('35990120260102001'))).toEqual({
      reason: 'birth-date',
      birthDate: '2026-01-02',
    });
  });

  it.each([
    ['', { reason: 'empty' }],
    [' - ', { reason: 'empty' }],
    ['1101A519491231002X', { reason: 'characters', position: 5 }],
    ['1101O5', { reason: 'characters', position: 5 }],
    ['1101051949123100X2', { reason: 'characters', position: 17 }],
    ['11010519491231002XX', { reason: 'characters', position: 19 }],
    ['110105194912310', { reason: 'length', length: 15 }],
    ['1101051949123100212', { reason: 'length', length: 19 }],
    [withCheck('00010519491231002'), { reason: 'region', regionCode: '000105' }],
    [withCheck('47010519491231002'), { reason: 'region', regionCode: '470105' }],
    [withCheck('72010519491231002'), { reason: 'region', regionCode: '720105' }],
    [withCheck('11010520260230002'), { reason: 'birth-date', birthDate: '2026-02-30' }],
    [withCheck('11010520251301002'), { reason: 'birth-date', birthDate: '2025-13-01' }],
    [withCheck('11010518791231002'), { reason: 'birth-date', birthDate: '1879-12-31' }],
    ['110105194912310021', { reason: 'check-digit', expected: 'X', actual: '1' }],
  ])('reports %j as %j', (input, problem) => {
    expect(problemOf(input)).toEqual(problem);
  });

  it('reports the first problem when there are several', () => {
    // bad region, impossible date and wrong check digit: the region comes first
    expect(problemOf('990105202602300021')).toEqual({ reason: 'region', regionCode: '990105' });
    // a letter in a number that is also too short: the letter comes first
    expect(problemOf('11A')).toEqual({ reason: 'characters', position: 3 });
  });

  it("uses today's date in Asia/Shanghai when no date is given", () => {
    expect(parseIdNumber(withCheck('35990129990101001')).ok).toBe(false);
    expect(parseIdNumber(withCheck('35990119900101001')).ok).toBe(true);
  });

  it('refuses a malformed reference date instead of comparing against it', () => {
    expect(() => parseIdNumber('11010519491231002X', '2026-1-1')).toThrow(RangeError);
  });

  it('accepts every well-formed number and reads its parts back', () => {
    fc.assert(
      fc.property(validIdNumber, (value) => {
        const result = parseIdNumber(value, TODAY);
        if (!result.ok) return false;
        const { id } = result;
        return (
          id.value === value &&
          id.regionCode + id.birthDate.replaceAll('-', '') + id.sequence + id.checkDigit === value &&
          id.sex === (Number(id.sequence) % 2 === 1 ? 'male' : 'female')
        );
      }),
    );
  });

  it('catches any single mistyped digit', () => {
    fc.assert(
      fc.property(validIdNumber, fc.nat(16), fc.integer({ min: 1, max: 9 }), (value, index, shift) => {
        const wrong = (Number(value[index]) + shift) % 10;
        const typo = value.slice(0, index) + String(wrong) + value.slice(index + 1);
        return !parseIdNumber(typo, TODAY).ok;
      }),
    );
  });

  it('names the right check digit when only the last one is wrong', () => {
    fc.assert(
      fc.property(validIdNumber, fc.constantFrom(...'0123456789X'), (value, last) => {
        fc.pre(last !== value[17]);
        const problem = problemOf(value.slice(0, 17) + last);
        expect(problem).toEqual({ reason: 'check-digit', expected: value[17], actual: last });
      }),
    );
  });

  it('catches two swapped neighbouring digits', () => {
    fc.assert(
      fc.property(validIdNumber, fc.nat(15), (value, index) => {
        fc.pre(value[index] !== value[index + 1]);
        const swapped = value.slice(0, index) + value[index + 1] + value[index] + value.slice(index + 2);
        return !parseIdNumber(swapped, TODAY).ok;
      }),
    );
  });

  it('gives the same answer however the number was typed', () => {
    const toFullWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
    fc.assert(
      fc.property(
        validIdNumber,
        fc.array(fc.constantFrom('ascii', 'full-width', 'space-before', 'hyphen-before', 'lowercase'), {
          minLength: 18,
          maxLength: 18,
        }),
        (value, styles) => {
          const typed = Array.from(value, (c, i) => {
            const style = styles[i];
            if (style === 'full-width') return toFullWidth(c);
            if (style === 'space-before') return ` ${c}`;
            if (style === 'hyphen-before') return `-${c}`;
            if (style === 'lowercase') return c.toLowerCase();
            return c;
          }).join('');
          expect(parseIdNumber(typed, TODAY)).toEqual(parseIdNumber(value, TODAY));
        },
      ),
    );
  });
});
