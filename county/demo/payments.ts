/**
 * Three years of disbursements (发放) ending today, as a county's records look: most paid on the planned
 * date, whole batches (one program, period and township) sometimes paid weeks late, a few single payments
 * never made (a frozen card, a wrong account), and the next batches already planned but not yet paid.
 */
import type { LocalDate } from '../../domain/dates';
import { addDays, addYears, ageOn, monthsFrom, shiftMonth } from './calendar';
import type { Household, Member } from './households';
import type { DemoPayment, DemoProgram } from './model';
import { ELDERLY_BANDS, PROGRAM } from './programs';
import type { Random } from './random';
import { HERDING_TOWNSHIP_CODE, RESERVOIR_VILLAGE_CODES } from './regions';

/** Batches appear in the records this far ahead of their planned date. */
const PLANNED_AHEAD_DAYS = 45;
// 后期扶持 covers people registered as migrants before this date, not those born later.
const RESERVOIR_REGISTRATION_CUTOFF = '2006-06-30';

interface Schedule {
  random: Random;
  today: LocalDate;
  first: LocalDate;
  last: LocalDate;
  /** Days late per batch (program, period, township); 0 for a batch paid on time. */
  batchDelays: Map<string, number>;
  payments: DemoPayment[];
}

function batchDelay(s: Schedule, key: string): number {
  let delay = s.batchDelays.get(key);
  if (delay === undefined) {
    delay = s.random.chance(0.1) ? s.random.int(5, 60) : 0;
    s.batchDelays.set(key, delay);
  }
  return delay;
}

function pay(
  s: Schedule,
  household: Household,
  member: Member,
  payment: { programCode: string; period: string; amountFen: number; plannedDate: LocalDate },
): void {
  if (payment.plannedDate <= s.first || payment.plannedDate > s.last) return;
  if (member.deathDate !== null && payment.plannedDate > member.deathDate) return;
  let paidDate: LocalDate | null = null;
  if (payment.plannedDate < s.today && !s.random.chance(0.012)) {
    const delay = batchDelay(s, `${payment.programCode}|${payment.period}|${household.townshipCode}`);
    const paid = addDays(payment.plannedDate, delay === 0 ? 0 : delay + s.random.int(0, 3));
    // A late batch whose day has not come yet is simply unpaid so far.
    paidDate = paid <= s.today ? paid : null;
  }
  s.payments.push({ idNumber: member.person.idNumber, ...payment, paidDate });
}

function monthly(
  s: Schedule,
  household: Household,
  member: Member,
  programCode: string,
  day: number,
  amountFor: (month: string) => number | null,
): void {
  for (const month of monthsFrom(s.first.slice(0, 7), s.last.slice(0, 7))) {
    const amountFen = amountFor(month);
    if (amountFen === null) continue;
    const plannedDate = `${month}-${String(day).padStart(2, '0')}`;
    pay(s, household, member, { programCode, period: month, amountFen, plannedDate });
  }
}

function yearly(
  s: Schedule,
  household: Household,
  member: Member,
  programCode: string,
  monthDay: string,
  amountFen: number,
): void {
  for (let year = Number(s.first.slice(0, 4)); year <= Number(s.last.slice(0, 4)); year++) {
    const plannedDate = `${year}-${monthDay}`;
    pay(s, household, member, { programCode, period: String(year), amountFen, plannedDate });
  }
}

/** Standards rise about 5% a year; earlier years paid correspondingly less, in whole yuan. */
function indexed(currentFen: number, month: string, today: LocalDate): number {
  const yearsBefore = Number(today.slice(0, 4)) - Number(month.slice(0, 4));
  return Math.round((currentFen * 0.95 ** yearsBefore) / 100) * 100;
}

function elderlyAllowance(birthDate: LocalDate, month: string): number | null {
  const age = ageOn(birthDate, `${month}-01`);
  return ELDERLY_BANDS.find(([fromAge]) => age >= fromAge)?.[1] ?? null;
}

function standardOf(programs: readonly DemoProgram[], code: string): number {
  const standard = programs.find((p) => p.code === code)?.standardFen;
  if (standard === undefined || standard === null) throw new Error(`program ${code} has no standard`);
  return standard;
}

export function generatePayments(
  random: Random,
  households: readonly Household[],
  programs: readonly DemoProgram[],
  today: LocalDate,
): DemoPayment[] {
  const standard = {
    farmland: standardOf(programs, PROGRAM.farmland),
    grassland: standardOf(programs, PROGRAM.grassland),
    reservoir: standardOf(programs, PROGRAM.reservoir),
    tekun: standardOf(programs, PROGRAM.tekun),
    disability: standardOf(programs, PROGRAM.disability),
  };
  const s: Schedule = {
    random,
    today,
    first: addYears(today, -3),
    last: addDays(today, PLANNED_AHEAD_DAYS),
    batchDelays: new Map(),
    payments: [],
  };

  for (const household of households) {
    const head = household.members[0];
    if (!head) continue;
    // Urban communities (居委会, codes 0xx) have no contracted farmland.
    const isCommunity = household.villageCode.charAt(9) === '0';
    const herding =
      household.naming === 'minority'
        ? random.chance(0.8)
        : household.townshipCode === HERDING_TOWNSHIP_CODE && random.chance(0.15);

    if (!isCommunity && !herding && random.chance(0.85)) {
      // Contracted farmland in tenths of a mu (亩); the subsidy is paid to the head once a year.
      const tenthsOfMu = random.int(8, 86);
      yearly(
        s,
        household,
        head,
        PROGRAM.farmland,
        '06-20',
        Math.round((tenthsOfMu * standard.farmland) / 10),
      );
    }
    if (herding) {
      yearly(s, household, head, PROGRAM.grassland, '09-25', random.int(200, 1800) * standard.grassland);
    }
    if (RESERVOIR_VILLAGE_CODES.includes(household.villageCode)) {
      for (const member of household.members) {
        if (member.person.birthDate <= RESERVOIR_REGISTRATION_CUTOFF) {
          yearly(s, household, member, PROGRAM.reservoir, '05-20', standard.reservoir);
        }
      }
    }

    const livesAlone = household.members.length === 1;
    if (livesAlone && ageOn(head.person.birthDate, today) >= 60 && random.chance(0.35)) {
      monthly(s, household, head, PROGRAM.tekun, 10, (month) => indexed(standard.tekun, month, today));
    } else if (random.chance(livesAlone ? 0.12 : 0.05)) {
      // 低保 pays the gap between the standard and the family's income per head, from the month of approval.
      const gapPerPerson = random.int(18, 62) * 1000;
      const from = random.chance(0.7) ? s.first.slice(0, 7) : shiftMonth(today, -random.int(1, 30));
      const size = household.members.length;
      monthly(s, household, head, PROGRAM.dibao, 10, (month) =>
        month < from ? null : indexed(gapPerPerson * size, month, today),
      );
    }

    for (const member of household.members) {
      monthly(s, household, member, PROGRAM.elderly, 15, (month) =>
        elderlyAllowance(member.person.birthDate, month),
      );
      if (random.chance(0.025)) {
        // Poor and severely disabled people receive both subsidies.
        const amount = random.chance(0.3) ? 2 * standard.disability : standard.disability;
        monthly(s, household, member, PROGRAM.disability, 20, () => amount);
      }
      if (random.chance(0.02)) {
        const month = shiftMonth(today, -random.int(0, 34));
        pay(s, household, member, {
          programCode: PROGRAM.relief,
          period: month,
          amountFen: random.int(5, 30) * 10000,
          plannedDate: `${month}-${String(random.int(1, 28)).padStart(2, '0')}`,
        });
      }
    }
  }
  return s.payments;
}
