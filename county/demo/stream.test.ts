import { describe, expect, it } from 'vitest';
import type { AnomalyKind, PaymentRecord, VillageChunk } from './model';
import { PROGRAM } from './programs';
import { streamDemoCounty } from './stream';

const today = '2025-06-10';
const stream = streamDemoCounty({ residents: 4000, seed: 4, today });
const villages: VillageChunk[] = [...stream.villages()];
const residents = villages.flatMap((v) => v.residents);
const payments = villages.flatMap((v) => v.payments);
const anomalies = villages.flatMap((v) => v.anomalies);
const personById = new Map(residents.map((r) => [r.id, r]));
const idNumberOf = (personId: number) => personById.get(personId)?.person.idNumber ?? '';

/** The findings of one kind as 'idNumber|program|period' keys, from the planted list. */
function listed(kind: AnomalyKind, which: (ids: string[]) => string[] = (ids) => ids): Set<string> {
  return new Set(
    anomalies
      .filter((a) => a.kind === kind)
      .flatMap((a) => which(a.idNumbers).flatMap((id) => a.periods.map((period) => `${id}|${a.programCode}|${period}`))), // prettier-ignore
  );
}
const key = (p: PaymentRecord) => `${p.idNumber}|${p.programCode}|${p.period}`;

describe('streamDemoCounty', () => {
  it('numbers persons from 1 in order and keeps households and groups inside their village', () => {
    expect(residents.map((r) => r.id)).toEqual(Array.from({ length: 4000 }, (_, i) => i + 1));
    for (const village of villages) {
      for (const h of village.households) {
        expect(h.villageCode).toBe(village.villageCode);
        expect(h.groupCode).toMatch(new RegExp(`^${village.villageCode}\\d{3}$`));
      }
      for (const r of village.residents) expect(r.person.villageCode).toBe(village.villageCode);
    }
    const householdIds = villages.flatMap((v) => v.households.map((h) => h.id));
    expect(new Set(householdIds).size).toBe(householdIds.length);
  });

  it('pays nothing planned after a death except the planted cases, which it lists exactly', () => {
    const found = new Set(
      payments
        .filter((p) => {
          const died = personById.get(p.personId)?.deceasedOn;
          return p.status === 'paid' && died !== null && died !== undefined && p.plannedDate > died;
        })
        .map(key),
    );
    expect(found.size).toBeGreaterThan(0);
    expect(found).toEqual(listed('deceased-paid'));
    for (const p of payments) {
      const died = personById.get(p.personId)?.deceasedOn;
      if (died !== null && died !== undefined && p.paidDate !== null && !found.has(key(p)))
        expect(p.paidDate <= died).toBe(true);
    }
  });

  it('pays 低保 to cadre relatives only where planted', () => {
    const relatives = new Set(
      villages.flatMap((v) => v.cadres.flatMap((c) => c.relatives.map((r) => r.personId))),
    );
    const cadreHouseholds = new Set(
      villages.flatMap((v) => v.cadres.map((c) => personById.get(c.personId)?.person.householdId)),
    );
    const found = new Set(
      payments
        .filter(
          (p) =>
            p.programCode === PROGRAM.dibao &&
            (relatives.has(p.personId) ||
              cadreHouseholds.has(personById.get(p.personId)?.person.householdId)),
        )
        .map(key),
    );
    expect(found.size).toBeGreaterThan(0);
    expect(found).toEqual(listed('cadre-relative-dibao', (ids) => ids.slice(0, 1)));
  });

  it('pays twice for one period and over the standard only where planted', () => {
    const paidCount = new Map<string, number>();
    for (const p of payments)
      if (p.status === 'paid') paidCount.set(key(p), (paidCount.get(key(p)) ?? 0) + 1);
    const twice = new Set([...paidCount].filter(([, n]) => n > 1).map(([k]) => k));
    expect(twice).toEqual(listed('paid-twice'));
    const over = new Set(
      payments
        .filter(
          (p) => p.standardFen !== null && p.amountFen * 1000 > p.standardFen * (p.quantityMilli ?? 1000),
        )
        .map(key),
    );
    expect(over.size).toBeGreaterThan(0);
    expect(over).toEqual(listed('over-standard'));
  });

  it('gives every resident a card tail of their own within the village, except the planted shared card', () => {
    for (const village of villages) {
      const tails = village.residents.map((r) => r.cardTail);
      expect(new Set(tails).size).toBe(tails.length);
      const payees = new Map<string, Set<number>>();
      for (const p of village.payments) {
        const set = payees.get(p.cardTail) ?? new Set();
        set.add(p.personId);
        payees.set(p.cardTail, set);
      }
      const shared = [...payees].filter(([, people]) => people.size > 5);
      const planted = village.anomalies.filter((a) => a.kind === 'shared-card-tail');
      expect(shared.map(([tail]) => tail)).toEqual(planted.map((a) => a.cardTail));
      for (const anomaly of planted) {
        const people = [...(payees.get(anomaly.cardTail ?? '') ?? [])].map(idNumberOf);
        expect(people).toEqual(expect.arrayContaining(anomaly.idNumbers));
        const households = anomaly.idNumbers.map((id) => residents.find((r) => r.person.idNumber === id)?.person.householdId); // prettier-ignore
        expect(new Set(households).size).toBe(anomaly.idNumbers.length);
      }
    }
    expect(anomalies.some((a) => a.kind === 'shared-card-tail')).toBe(true);
  });

  it('posts rosters whose entries are persons paid or due for that program and period in the village', () => {
    for (const village of villages) {
      const due = new Set(village.payments.map((p) => `${p.personId}|${p.programCode}|${p.period}`));
      const paid = new Set(village.payments.filter((p) => p.status === 'paid').map((p) => `${p.personId}|${p.programCode}|${p.period}`)); // prettier-ignore
      for (const roster of village.rosters) {
        expect(roster.villageCode).toBe(village.villageCode);
        expect(roster.postedOn <= today).toBe(true);
        expect(roster.entries.length).toBeGreaterThan(0);
        for (const entry of roster.entries) {
          const k = `${entry.personId}|${roster.programCode}|${roster.period}`;
          expect((roster.stage === 'after' ? paid : due).has(k)).toBe(true);
        }
      }
    }
    const stages = new Set(villages.flatMap((v) => v.rosters.map((r) => r.stage)));
    expect(stages).toEqual(new Set(['before', 'after']));
  });

  it('elects five cadres in a populated village, with declared relatives from other households', () => {
    const populated = villages.filter((v) => v.residents.length > 50);
    for (const village of populated) {
      const current = village.cadres.filter((c) => c.termEnd === null);
      expect(current).toHaveLength(5);
      for (const cadre of current) {
        const household = personById.get(cadre.personId)?.person.householdId;
        expect(cadre.relatives.length).toBeGreaterThan(0);
        for (const r of cadre.relatives)
          expect(personById.get(r.personId)?.person.householdId).not.toBe(household);
      }
    }
  });

  it('keeps village books by month with numbered vouchers and all seven kinds of line', () => {
    const finances = villages.flatMap((v) => v.finances);
    const categories = new Set(finances.map((f) => `${f.direction}:${f.category}`));
    for (const c of [
      'income:上级补助',
      'income:集体资产发包',
      'income:项目资金',
      'expense:干部报酬',
      'expense:办公费',
      'expense:公益事业',
      'expense:工程款',
    ]) {
      // prettier-ignore
      expect(categories.has(c), c).toBe(true);
    }
    const vouchers = finances.map((f) => `${f.villageCode}|${f.voucher}`);
    expect(new Set(vouchers).size).toBe(vouchers.length);
    expect(finances.every((f) => f.month <= today.slice(0, 7) && Number.isInteger(f.amountFen))).toBe(true);
  });
});
