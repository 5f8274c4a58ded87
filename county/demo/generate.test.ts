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
import { planAnomalies } from './anomalies';

const planAnomalyCount = (residents: number) =>
  Object.values(planAnomalies(100, residents).due).reduce((sum, due) => sum + due.length, 0);

const today = '2025-06-10';
const county = generateDemoCounty({ residents: 300, seed: 1, today });
const names = county.persons.map((p) => p.name);
const byId = new Map(county.persons.map((p) => [p.idNumber, p]));
/** Payments a planted anomaly changed on purpose (amount, or a second batch): the rules below skip them. */
const planted = (c: typeof county) => {
  const keys = new Set(c.anomalies.flatMap((a) => a.idNumbers.flatMap((id) => a.periods.map((period) => `${id}|${a.programCode}|${period}`)))); // prettier-ignore
  return (p: (typeof county.payments)[number]) => keys.has(`${p.idNumber}|${p.programCode}|${p.period}`);
};
const isPlanted = planted(county);

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

  it('offers the fifteen programs in all four frequencies, each paid to somebody in a county of 3,000', () => {
    const larger = generateDemoCounty({ residents: 3000, seed: 1, today });
    const codes = larger.programs.map((p) => p.code);
    expect(codes.sort()).toEqual(Object.values(PROGRAM).sort());
    expect(new Set(larger.programs.map((p) => p.frequency))).toEqual(
      new Set(['monthly', 'quarterly', 'yearly', 'once']),
    );
    const paid = new Set(larger.payments.map((p) => p.programCode));
    for (const code of codes) expect(paid.has(code), code).toBe(true);
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
    for (const payment of allowance.filter((p) => !isPlanted(p))) {
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
      if (!isPlanted(payment)) expect(payment.amountFen).toBe(60000);
    }
  });

  it('pays nobody twice for the same program and period, except where planted', () => {
    const paid = county.payments.filter((p) => p.paidDate !== null && !isPlanted(p));
    const keys = paid.map((p) => `${p.idNumber}|${p.programCode}|${p.period}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('re-issues some returned payments in a later batch for the same period', () => {
    const larger = generateDemoCounty({ residents: 3000, seed: 1, today });
    const returned = larger.payments.filter((p) => p.returned === true);
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.every((p) => p.paidDate === null)).toBe(true);
    const paidKeys = new Set(larger.payments.filter((p) => p.paidDate !== null).map((p) => `${p.idNumber}|${p.programCode}|${p.period}`)); // prettier-ignore
    expect(returned.some((p) => paidKeys.has(`${p.idNumber}|${p.programCode}|${p.period}`))).toBe(true);
  });

  it('plants every kind of anomaly in a county of 3,000, more in a larger one', () => {
    const kinds = (c: typeof county) => new Set(c.anomalies.map((a) => a.kind));
    const larger = generateDemoCounty({ residents: 3000, seed: 1, today });
    expect(kinds(larger)).toEqual(
      new Set(['deceased-paid', 'cadre-relative-dibao', 'paid-twice', 'over-standard', 'shared-card-tail']),
    );
    for (const anomaly of larger.anomalies) {
      expect(anomaly.idNumbers.length).toBeGreaterThan(0);
      expect(anomaly.periods.length).toBeGreaterThan(0);
      for (const id of anomaly.idNumbers) expect(parseIdNumber(id, today).ok).toBe(true);
    }
    expect(planAnomalyCount(400_000)).toBeGreaterThan(planAnomalyCount(3000));
  });
});
