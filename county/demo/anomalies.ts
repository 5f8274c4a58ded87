/**
 * Findings planted on purpose, so the pre-audit (撞库比对) and its tests have true cases to find. Natural
 * generation never produces any of them: nothing is paid after a death, cadres and their relatives come
 * from households without 低保, nobody is paid twice for one period, amounts never exceed the standard,
 * and card tails are unique within a village. Each kind is spread over the county: instance i of a kind is
 * due in a village along the list, and carried to the next village when that one has no candidate.
 *
 * The rules a finding satisfies (what tests and the pre-audit check):
 * - deceased-paid: a paid payment planned after the payee's `deceased_on`;
 * - cadre-relative-dibao: 低保 paid to a declared relative of a cadre (cadre_relatives);
 * - paid-twice: two paid payments for one person, program and period (two batches);
 * - over-standard: amount_fen × 1000 > standard_fen × quantity_milli (quantity 1000 when absent);
 * - shared-card-tail: one card tail on the payments of more than five persons of one village.
 */
import { memoisedAddDays } from './calendar';
import type { Household, Member } from './households';
import type { AnomalyKind, CadreRecord, DemoAnomaly, PaymentRecord } from './model';
import { batchName, indexed, type PaymentCalendar } from './payments';
import { PROGRAM } from './programs';
import type { Random } from './random';

const KINDS: readonly AnomalyKind[] = [
  'deceased-paid',
  'cadre-relative-dibao',
  'paid-twice',
  'over-standard',
  'shared-card-tail',
];
const PER_COUNTY: Readonly<Record<AnomalyKind, number>> = {
  'deceased-paid': 3,
  'cadre-relative-dibao': 2,
  'paid-twice': 3,
  'over-standard': 3,
  'shared-card-tail': 1,
};
/** Payees sharing the planted card tail. */
const SHARED_TAIL_PAYEES = 7;
const REISSUE_BATCH = /-1\d$/;
const MONTHLY = new Set<string>([PROGRAM.elderly, PROGRAM.pension, PROGRAM.tekun, PROGRAM.disability]);

export interface AnomalyPlan {
  /** For each kind, the village indices where one instance falls due. */
  due: Record<AnomalyKind, number[]>;
  /** Instances due but not yet planted (no candidate in their village so far). */
  owed: Record<AnomalyKind, number>;
}

/** A few of each kind, more in a large county (one set more per 200,000 residents). */
export function planAnomalies(villageCount: number, residents: number): AnomalyPlan {
  const sets = 1 + Math.floor(residents / 200_000);
  const due = {} as Record<AnomalyKind, number[]>;
  const owed = {} as Record<AnomalyKind, number>;
  KINDS.forEach((kind, k) => {
    const count = PER_COUNTY[kind] * sets;
    // Spread over the villages, each kind starting at a different place.
    due[kind] = Array.from({ length: count }, (_, i) =>
      Math.floor(((i + (k + 1) / 6) * villageCount) / count),
    );
    owed[kind] = 0;
  });
  return { due, owed };
}

interface Village {
  random: Random;
  calendar: PaymentCalendar;
  households: readonly Household[];
  payments: PaymentRecord[];
  cadres: readonly CadreRecord[];
  villageCode: string;
  /** Persons already part of a finding, so findings do not overlap. */
  touched: Set<number>;
  /** The dead, whom only 'deceased-paid' may involve (a late duplicate would be paid after the death). */
  deceased: ReadonlySet<number>;
  shift: (date: string, days: number) => string;
}

function members(village: Pick<Village, 'households'>): Member[] {
  return village.households.flatMap((h) => h.members);
}

function deceasedPaid(v: Village): DemoAnomaly | null {
  const today = v.calendar.today;
  const lastPaid = new Map<number, PaymentRecord>();
  for (const p of v.payments) {
    if (p.status === 'paid' && MONTHLY.has(p.programCode) && !v.touched.has(p.personId)) lastPaid.set(p.personId, p); // prettier-ignore
  }
  const candidates = members(v).filter(
    (m) => m.deathDate !== null && v.shift(m.deathDate, 70) < today && lastPaid.has(m.id),
  );
  if (candidates.length === 0) return null;
  const member = v.random.pick(candidates);
  const last = lastPaid.get(member.id);
  const death = member.deathDate;
  if (!last || death === null) return null;
  const months = v.random.int(3, 12);
  const periods: string[] = [];
  for (const month of v.calendar.months) {
    const planned = `${month}-${last.plannedDate.slice(8)}`;
    if (planned <= death || planned >= today || periods.length >= months) continue;
    periods.push(month);
    v.payments.push({
      ...last,
      period: month,
      plannedDate: planned,
      paidDate: planned,
      batch: batchName(v.calendar, last.programCode, planned, false),
    });
  }
  v.touched.add(member.id);
  return {
    kind: 'deceased-paid',
    idNumbers: [member.person.idNumber],
    programCode: last.programCode,
    periods,
    villageCode: member.person.villageCode,
    why: `paid for ${periods.length} month(s) after the payee died on ${death}: the death was never reported to the paying department`,
  };
}

function cadreRelativeDibao(v: Village): DemoAnomaly | null {
  const byId = new Map(members(v).map((m) => [m.id, m]));
  const pairs = v.cadres.flatMap((cadre) =>
    cadre.termEnd === null
      ? cadre.relatives.filter((r) => !v.touched.has(r.personId) && byId.get(r.personId)?.deathDate === null).map((r) => ({ cadre, relative: r })) // prettier-ignore
      : [],
  );
  if (pairs.length === 0) return null;
  const { cadre, relative } = v.random.pick(pairs);
  const member = byId.get(relative.personId);
  const cadreMember = byId.get(cadre.personId);
  if (!member || !cadreMember) return null;
  const today = v.calendar.today;
  const months = v.calendar.months.filter((m) => `${m}-10` < today).slice(-v.random.int(6, 18));
  // A one-person 低保 (单人保) at a gap well inside the standard, so only the relationship is wrong.
  const gap = v.random.int(30, 60) * 1000;
  const standard = v.calendar.standards.get(PROGRAM.dibao) ?? 0;
  for (const month of months) {
    const planned = `${month}-10`;
    v.payments.push({
      idNumber: member.person.idNumber,
      personId: member.id,
      programCode: PROGRAM.dibao,
      period: month,
      amountFen: gap,
      quantityMilli: 1000,
      standardFen: indexed(standard, Number(month.slice(0, 4)), today),
      plannedDate: planned,
      paidDate: planned,
      status: 'paid',
      cardTail: member.cardTail,
      batch: batchName(v.calendar, PROGRAM.dibao, planned, false),
    });
  }
  v.touched.add(member.id);
  return {
    kind: 'cadre-relative-dibao',
    idNumbers: [member.person.idNumber, cadreMember.person.idNumber],
    programCode: PROGRAM.dibao,
    periods: months,
    villageCode: member.person.villageCode,
    why: `低保 paid to a declared relative (${relative.relation}) of the ${cadre.post}, with no filing of the relationship`,
  };
}

function paidTwice(v: Village): DemoAnomaly | null {
  const today = v.calendar.today;
  const candidates = v.payments.filter(
    (p) =>
      p.status === 'paid' &&
      !v.touched.has(p.personId) &&
      !v.deceased.has(p.personId) &&
      v.shift(p.plannedDate, 45) < today &&
      !REISSUE_BATCH.test(p.batch),
  );
  if (candidates.length === 0) return null;
  const original = v.random.pick(candidates);
  const again = v.shift(original.plannedDate, v.random.int(20, 40));
  const batch = batchName(v.calendar, original.programCode, again, true);
  v.payments.push({ ...original, plannedDate: again, paidDate: again, batch });
  v.touched.add(original.personId);
  return {
    kind: 'paid-twice',
    idNumbers: [original.idNumber],
    programCode: original.programCode,
    periods: [original.period],
    villageCode: v.villageCode,
    why: `paid twice for one period: batch ${original.batch}, then again in the 补发 batch ${batch}`,
  };
}

function overStandard(v: Village): DemoAnomaly | null {
  const candidates = v.payments.filter(
    (p) =>
      p.status === 'paid' &&
      p.standardFen !== null &&
      !v.touched.has(p.personId) &&
      !v.deceased.has(p.personId),
  );
  if (candidates.length === 0) return null;
  const payment = v.random.pick(candidates);
  const before = payment.amountFen;
  payment.amountFen = before * 10;
  v.touched.add(payment.personId);
  return {
    kind: 'over-standard',
    idNumbers: [payment.idNumber],
    programCode: payment.programCode,
    periods: [payment.period],
    villageCode: v.villageCode,
    why: `paid ${payment.amountFen} fen where the standard gives ${before}: an extra zero in the payroll`,
  };
}

function sharedCardTail(v: Village): DemoAnomaly | null {
  const cadre = v.cadres.find((c) => c.termEnd === null);
  const byId = new Map(members(v).map((m) => [m.id, m]));
  const holder = cadre ? byId.get(cadre.personId) : undefined;
  if (!cadre || !holder) return null;
  const today = v.calendar.today;
  const months = new Set(v.calendar.months.filter((m) => `${m}-28` < today).slice(-6));
  for (const programCode of [PROGRAM.pension, PROGRAM.elderly]) {
    const recent = v.payments.filter(
      (p) =>
        p.programCode === programCode &&
        p.status === 'paid' &&
        months.has(p.period) &&
        !v.touched.has(p.personId) &&
        byId.get(p.personId)?.person.householdId !== holder.person.householdId,
    );
    // One payee per household: the card gathers money from unrelated families.
    const payees: number[] = [];
    const households = new Set<string>();
    for (const p of recent) {
      const household = byId.get(p.personId)?.person.householdId ?? '';
      if (households.has(household) || payees.includes(p.personId)) continue;
      households.add(household);
      payees.push(p.personId);
    }
    if (payees.length < SHARED_TAIL_PAYEES) continue;
    const chosen = new Set<number>();
    while (chosen.size < SHARED_TAIL_PAYEES) chosen.add(v.random.pick(payees));
    const periods = new Set<string>();
    for (const p of recent) {
      if (!chosen.has(p.personId)) continue;
      p.cardTail = holder.cardTail;
      periods.add(p.period);
    }
    for (const id of chosen) v.touched.add(id);
    return {
      kind: 'shared-card-tail',
      idNumbers: [...chosen].sort((a, b) => a - b).map((id) => byId.get(id)?.person.idNumber ?? ''),
      programCode,
      periods: [...periods].sort(),
      villageCode: holder.person.villageCode,
      cardTail: holder.cardTail,
      why: `${SHARED_TAIL_PAYEES} payees of unrelated households paid into one card ending ${holder.cardTail}, held by the ${cadre.post}`,
    };
  }
  return null;
}

const PLANTERS: Readonly<Record<AnomalyKind, (v: Village) => DemoAnomaly | null>> = {
  'deceased-paid': deceasedPaid,
  'cadre-relative-dibao': cadreRelativeDibao,
  'paid-twice': paidTwice,
  'over-standard': overStandard,
  'shared-card-tail': sharedCardTail,
};

/** Plants what falls due in village `index` (and what earlier villages could not take). */
export function plantAnomalies(
  plan: AnomalyPlan,
  index: number,
  village: Pick<Village, 'random' | 'calendar' | 'households' | 'payments' | 'cadres'>,
): DemoAnomaly[] {
  const planted: DemoAnomaly[] = [];
  const v: Village = {
    ...village,
    villageCode: village.households[0]?.villageCode ?? '',
    touched: new Set(),
    deceased: new Set(members(village).flatMap((m) => (m.deathDate === null ? [] : [m.id]))),
    shift: memoisedAddDays(),
  };
  for (const kind of KINDS) {
    plan.owed[kind] += plan.due[kind].filter((i) => i === index).length;
    while (plan.owed[kind] > 0) {
      const anomaly = PLANTERS[kind](v);
      if (!anomaly) break;
      planted.push(anomaly);
      plan.owed[kind] -= 1;
    }
  }
  return planted;
}
