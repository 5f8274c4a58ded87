import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidLocalDate } from '../../domain/dates';
import { parseIdNumber } from '../../domain/id-number';
import { paymentStatus } from '../../domain/payments';
import { ageOn } from './calendar';
import { generateDemoCounty } from './generate';
import { COMPOUND_SURNAMES, MIDDLE_DOT, RARE_CHARS } from './names';
import { ELDERLY_BANDS, PROGRAM } from './programs';
import { HERDING_TOWNSHIP_CODE, RESERVOIR_VILLAGE_CODES } from './regions';

const today = '2025-06-10';
const county = generateDemoCounty({ residents: 300, seed: 1, today });
const names = county.persons.map((p) => p.name);
const byId = new Map(county.persons.map((p) => [p.idNumber, p]));

describe('generateDemoCounty', () => {
  it('gives the same county for the same seed and day, and another for another seed', () => {
    expect(generateDemoCounty({ residents: 300, seed: 1, today })).toEqual(county);
    const other = generateDemoCounty({ residents: 300, seed: 2, today });
    expect(other.persons.map((p) => p.idNumber)).not.toEqual(county.persons.map((p) => p.idNumber));
  });

  it('makes exactly the number of residents asked for', () => {
    for (const residents of [1, 2, 7, 300]) {
      expect(generateDemoCounty({ residents, seed: 5, today }).persons).toHaveLength(residents);
    }
  });

  it('rejects a count, seed or day it cannot use', () => {
    expect(() => generateDemoCounty({ residents: 0, seed: 1, today })).toThrow(RangeError);
    expect(() => generateDemoCounty({ residents: 10, seed: 1.5, today })).toThrow(RangeError);
    expect(() => generateDemoCounty({ residents: 10, seed: 1, today: '2025-02-29' })).toThrow(RangeError);
  });

  it('issues valid, distinct ID numbers in the unassigned prefecture 3599, some ending in X', () => {
    for (const person of county.persons) {
      const parsed = parseIdNumber(person.idNumber, today);
      expect(parsed).toMatchObject({ ok: true, id: { birthDate: person.birthDate, sex: person.sex } });
      expect(person.idNumber.startsWith('3599')).toBe(true);
    }
    expect(byId.size).toBe(county.persons.length);
    expect(county.persons.some((p) => p.idNumber.endsWith('X'))).toBe(true);
  });

  it('keeps ID numbers valid for any seed and size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        (seed, residents) => {
          const { persons, payments } = generateDemoCounty({ residents, seed, today });
          expect(persons).toHaveLength(residents);
          expect(persons.every((p) => parseIdNumber(p.idNumber, today).ok)).toBe(true);
          expect(payments.every((p) => Number.isInteger(p.amountFen) && p.amountFen > 0)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names people the way a real roster does', () => {
    expect(names.some((n) => Array.from(n).length === 2)).toBe(true);
    expect(names.some((n) => Array.from(n).length === 3)).toBe(true);
    expect(names.some((n) => COMPOUND_SURNAMES.some((s) => n.startsWith(s)))).toBe(true);
    expect(names.some((n) => RARE_CHARS.some((c) => n.includes(c)))).toBe(true);
    const minority = names.filter((n) => n.includes(MIDDLE_DOT));
    expect(minority.length).toBeGreaterThan(0);
    for (const name of minority) expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}\u00B7[\u4e00-\u9fff]{2,4}$/);
  });

  it('places every person in a household of a village of the county', () => {
    const villages = new Set(county.regions.townships.flatMap((t) => t.villages.map((v) => v.code)));
    for (const person of county.persons) {
      expect(villages.has(person.villageCode)).toBe(true);
      expect(person.householdId.startsWith(person.villageCode)).toBe(true);
    }
    const households = new Set(county.persons.map((p) => p.householdId));
    expect(households.size).toBeLessThan(county.persons.length);
    for (const code of RESERVOIR_VILLAGE_CODES) expect(villages.has(code)).toBe(true);
    expect(county.regions.townships.map((t) => t.code)).toContain(HERDING_TOWNSHIP_CODE);
  });

  it('offers the eight programs, each paid to somebody', () => {
    const codes = county.programs.map((p) => p.code);
    expect(new Set(codes).size).toBe(8);
    expect(codes.sort()).toEqual(Object.values(PROGRAM).sort());
    for (const code of codes) expect(county.payments.some((p) => p.programCode === code)).toBe(true);
  });

  it('pays integer fen to known residents on real dates within three years before today and 45 days after', () => {
    for (const payment of county.payments) {
      expect(byId.has(payment.idNumber)).toBe(true);
      expect(Number.isInteger(payment.amountFen) && payment.amountFen > 0).toBe(true);
      expect(isValidLocalDate(payment.plannedDate)).toBe(true);
      expect(payment.plannedDate > '2022-06-10' && payment.plannedDate <= '2025-07-25').toBe(true);
      if (payment.paidDate !== null) {
        expect(isValidLocalDate(payment.paidDate)).toBe(true);
        expect(payment.paidDate <= today).toBe(true);
      }
    }
  });

  it('has payments paid on time, paid late, pending and overdue', () => {
    const status = (p: (typeof county.payments)[number]) => paymentStatus(p, today);
    const onTime = county.payments.filter((p) => p.paidDate === p.plannedDate);
    const late = county.payments.filter((p) => p.paidDate !== null && p.paidDate > p.plannedDate);
    const pending = county.payments.filter((p) => status(p) === 'pending');
    const overdue = county.payments.filter((p) => status(p) === 'overdue');
    expect(onTime.length).toBeGreaterThan(late.length);
    expect(late.length).toBeGreaterThan(overdue.length);
    expect(pending.length).toBeGreaterThan(0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.plannedDate >= today)).toBe(true);
  });

  it('pays the old-age allowance only from 80, at the rate of the age band', () => {
    const allowance = county.payments.filter((p) => p.programCode === PROGRAM.elderly);
    expect(allowance.length).toBeGreaterThan(0);
    for (const payment of allowance) {
      const age = ageOn(byId.get(payment.idNumber)!.birthDate, `${payment.period}-01`);
      expect(age).toBeGreaterThanOrEqual(80);
      expect(payment.amountFen).toBe(ELDERLY_BANDS.find(([from]) => age >= from)?.[1]);
    }
  });

  it('pays reservoir resettlement support only in the resettled villages', () => {
    const support = county.payments.filter((p) => p.programCode === PROGRAM.reservoir);
    expect(support.length).toBeGreaterThan(0);
    for (const payment of support) {
      expect(RESERVOIR_VILLAGE_CODES).toContain(byId.get(payment.idNumber)!.villageCode);
      expect(payment.amountFen).toBe(60000);
    }
  });

  it('pays nobody twice for the same program and period', () => {
    const keys = county.payments.map((p) => `${p.idNumber}|${p.programCode}|${p.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
