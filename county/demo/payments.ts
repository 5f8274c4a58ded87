/**
 * Three years of disbursements (发放) ending today, as a county's records look: most paid on the planned
 * date, whole batches (one program, period and township) sometimes paid weeks late, a few single payments
 * never made (owed and never paid), a few returned by the bank (发放失败) and most of those re-issued in a
 * later 补发 batch, and the next batches already planned but not yet paid. Nothing is planned after a
 * person's death, and money due before a death but sent after it comes back (the account is frozen).
 */
import type { LocalDate } from '../../domain/dates';
import { addDays, addYears, ageOn, memoisedAddDays, monthsFrom, quarterOf, shiftMonth } from './calendar';
import type { Household, Member } from './households';
import type { DemoProgram, PaymentRecord } from './model';
import { DEPARTMENT_SHORT_NAMES, ELDERLY_BANDS, GRAIN_TO_GREEN_INSTALMENTS, PROGRAM } from './programs';
import { createRandom, deriveSeed, type Random } from './random';
import { HERDING_TOWNSHIP_CODE, RESERVOIR_VILLAGE_CODES, isCommunity } from './regions';

/** Batches appear in the records this far ahead of their planned date. */
const PLANNED_AHEAD_DAYS = 45;
// 后期扶持 covers people registered as migrants before this date, not those born later.
const RESERVOIR_REGISTRATION_CUTOFF = '2006-06-30';
const NEVER_PAID = 0.012;
const RETURNED = 0.004;

/** Subsidies from the machinery table, in fen (微耕机, 插秧机, 植保无人机, 谷物烘干机, 收割机). */
const MACHINE_SUBSIDIES = [110000, 420000, 900000, 1500000, 2600000];

/** What stays the same for every village of one county. */
export interface PaymentCalendar {
  today: LocalDate;
  first: LocalDate;
  last: LocalDate;
  months: readonly string[];
  shift: (date: LocalDate, days: number) => LocalDate;
  standards: ReadonlyMap<string, number | null>;
  batchNames: ReadonlyMap<string, { department: string; number: number }>;
  /** Days late of a batch (program, period, township); 0 for one paid on time. */
  batchDelay(key: string): number;
}

export function paymentCalendar(
  seed: number,
  today: LocalDate,
  programs: readonly DemoProgram[],
): PaymentCalendar {
  const first = addYears(today, -3);
  const last = addDays(today, PLANNED_AHEAD_DAYS);
  const batchNames = new Map<string, { department: string; number: number }>();
  const perDepartment = new Map<string, number>();
  for (const program of programs) {
    const department = DEPARTMENT_SHORT_NAMES[program.department] ?? program.department;
    const number = (perDepartment.get(department) ?? 0) + 1;
    perDepartment.set(department, number);
    batchNames.set(program.code, { department, number });
  }
  const delays = new Map<string, number>();
  return {
    today,
    first,
    last,
    months: monthsFrom(first.slice(0, 7), last.slice(0, 7)),
    shift: memoisedAddDays(),
    standards: new Map(programs.map((p) => [p.code, p.standardFen])),
    batchNames,
    batchDelay(key) {
      let delay = delays.get(key);
      if (delay === undefined) {
        // Hashed from the key, so a batch is late in every village of its township alike.
        let hash = 0;
        for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) >>> 0;
        const random = createRandom(deriveSeed(seed, hash));
        delay = random.chance(0.1) ? random.int(5, 60) : 0;
        delays.set(key, delay);
      }
      return delay;
    },
  };
}

export function batchName(
  calendar: PaymentCalendar,
  programCode: string,
  plannedDate: LocalDate,
  reissue: boolean,
): string {
  const name = calendar.batchNames.get(programCode);
  const number = (name?.number ?? 1) + (reissue ? 10 : 0);
  return `${plannedDate.slice(0, 7)}-${name?.department ?? programCode}-${String(number).padStart(2, '0')}`;
}

interface Due {
  programCode: string;
  period: string;
  plannedDate: LocalDate;
  amountFen: number;
  quantityMilli: number | null;
  standardFen: number | null;
}

/** One village's payments in the making. */
interface Schedule {
  calendar: PaymentCalendar;
  random: Random;
  payments: PaymentRecord[];
}

function record(
  member: Member,
  due: Due,
  batch: string,
  status: PaymentRecord['status'],
  paidDate: LocalDate | null,
): PaymentRecord {
  return {
    idNumber: member.person.idNumber,
    personId: member.id,
    programCode: due.programCode,
    period: due.period,
    amountFen: due.amountFen,
    quantityMilli: due.quantityMilli,
    standardFen: due.standardFen,
    plannedDate: due.plannedDate,
    paidDate,
    status,
    cardTail: member.cardTail,
    batch,
  };
}

function pay(s: Schedule, household: Household, member: Member, due: Due): void {
  const { calendar, random } = s;
  const death = member.deathDate;
  if (due.plannedDate <= calendar.first || due.plannedDate > calendar.last) return;
  if (death !== null && due.plannedDate > death) return;
  const batch = batchName(calendar, due.programCode, due.plannedDate, false);
  if (due.plannedDate >= calendar.today) {
    s.payments.push(record(member, due, batch, 'pending', null));
    return;
  }
  const roll = random.next();
  if (roll < NEVER_PAID) {
    s.payments.push(record(member, due, batch, 'pending', null));
    return;
  }
  if (roll < NEVER_PAID + RETURNED) {
    s.payments.push(record(member, due, batch, 'failed', null));
    // Most returned payments go out again in a 补发 batch once the account is put right.
    const again = calendar.shift(due.plannedDate, random.int(25, 50));
    if (random.chance(0.6) && again <= calendar.last && (death === null || again <= death)) {
      const reissue = batchName(calendar, due.programCode, again, true);
      const paid = again < calendar.today;
      s.payments.push(record(member, { ...due, plannedDate: again }, reissue, paid ? 'paid' : 'pending', paid ? again : null)); // prettier-ignore
    }
    return;
  }
  const delay = calendar.batchDelay(`${due.programCode}|${due.period}|${household.townshipCode}`);
  const paid = delay === 0 ? due.plannedDate : calendar.shift(due.plannedDate, delay + random.int(0, 3));
  if (paid > calendar.today) {
    // A late batch whose day has not come yet is simply unpaid so far.
    s.payments.push(record(member, due, batch, 'pending', null));
  } else if (death !== null && paid > death) {
    // The bank freezes a dead person's account and sends the money back.
    s.payments.push(record(member, due, batch, 'failed', null));
  } else {
    s.payments.push(record(member, due, batch, 'paid', paid));
  }
}

/** Standards rise about 5% a year; earlier years paid correspondingly less, in whole yuan. */
export function indexed(currentFen: number, year: number, today: LocalDate): number {
  const yearsBefore = Number(today.slice(0, 4)) - year;
  return Math.round((currentFen * 0.95 ** yearsBefore) / 100) * 100;
}

function day(n: number): string {
  return String(n).padStart(2, '0');
}

function monthly(
  s: Schedule,
  household: Household,
  member: Member,
  programCode: string,
  dayOfMonth: number,
  from: string,
  amountFor: (
    month: string,
  ) => { amountFen: number; standardFen: number; quantityMilli: number | null } | null,
): void {
  for (const month of s.calendar.months) {
    if (month < from) continue;
    const amount = amountFor(month);
    if (amount === null) continue;
    pay(s, household, member, { programCode, period: month, plannedDate: `${month}-${day(dayOfMonth)}`, ...amount }); // prettier-ignore
  }
}

function years(s: Schedule): number[] {
  const list: number[] = [];
  for (let year = Number(s.calendar.first.slice(0, 4)); year <= Number(s.calendar.last.slice(0, 4)); year++) {
    list.push(year);
  }
  return list;
}

function yearly(
  s: Schedule,
  household: Household,
  member: Member,
  programCode: string,
  monthDay: string,
  amountFor: (year: number) => { amountFen: number; standardFen: number | null; quantityMilli: number | null } | null, // prettier-ignore
): void {
  for (const year of years(s)) {
    const amount = amountFor(year);
    if (amount === null) continue;
    pay(s, household, member, { programCode, period: String(year), plannedDate: `${year}-${monthDay}`, ...amount }); // prettier-ignore
  }
}

function standardOf(s: Schedule, code: string): number {
  const standard = s.calendar.standards.get(code);
  if (standard === undefined || standard === null) throw new Error(`program ${code} has no standard`);
  return standard;
}

/** Per-mu programs: quantity in thousandths of a mu, the amount rounded down to whole fen. */
function perMu(standardFen: number, tenthsOfMu: number) {
  return {
    standardFen,
    quantityMilli: tenthsOfMu * 100,
    amountFen: Math.floor((standardFen * tenthsOfMu) / 10),
  };
}

function landPayments(s: Schedule, household: Household, head: Member, herding: boolean): void {
  const { random } = s;
  const today = s.calendar.today;
  if (isCommunity(household.villageCode)) return;
  if (!herding && random.chance(0.85)) {
    // Contracted farmland in tenths of a mu (亩); the subsidy is paid to the head once a year.
    const tenths = random.int(8, 86);
    const standard = standardOf(s, PROGRAM.farmland);
    yearly(s, household, head, PROGRAM.farmland, '06-20', () => perMu(standard, tenths));
  }
  if (herding) {
    const mu = random.int(200, 1800);
    const standard = standardOf(s, PROGRAM.grassland);
    yearly(s, household, head, PROGRAM.grassland, '09-25', () => perMu(standard, mu * 10));
  }
  if (random.chance(0.25)) {
    const tenths = random.int(20, 600);
    const standard = standardOf(s, PROGRAM.ecoForest);
    yearly(s, household, head, PROGRAM.ecoForest, '12-15', () => perMu(standard, tenths));
  }
  if (random.chance(0.06)) {
    // Planted in `enrolled`; the cash comes in the first, third and fifth year after.
    const enrolled = Number(today.slice(0, 4)) - random.int(0, 6);
    const tenths = random.int(10, 150);
    yearly(s, household, head, PROGRAM.grainToGreen, '11-10', (year) => {
      const instalment = GRAIN_TO_GREEN_INSTALMENTS.find(([offset]) => enrolled + offset === year);
      return instalment ? perMu(instalment[1], tenths) : null;
    });
  }
  if (random.chance(0.02)) {
    const month = shiftMonth(today, -random.int(0, 34));
    pay(s, household, head, {
      programCode: PROGRAM.machinery,
      period: month,
      plannedDate: `${month}-${day(random.int(1, 28))}`,
      amountFen: random.pick(MACHINE_SUBSIDIES),
      quantityMilli: 1000,
      standardFen: null,
    });
  }
}

function assistance(s: Schedule, household: Household, head: Member): boolean {
  const { random } = s;
  const today = s.calendar.today;
  const livesAlone = household.members.length === 1;
  if (livesAlone && ageOn(head.person.birthDate, today) >= 60 && random.chance(0.35)) {
    const standard = standardOf(s, PROGRAM.tekun);
    monthly(s, household, head, PROGRAM.tekun, 10, '', (month) => {
      const fen = indexed(standard, Number(month.slice(0, 4)), today);
      return { amountFen: fen, standardFen: fen, quantityMilli: null };
    });
    return false;
  }
  if (!random.chance(livesAlone ? 0.12 : 0.05)) return false;
  // 低保 pays the gap between the standard and the family's income per head, from the month of approval.
  const gapPerPerson = random.int(18, 62) * 1000;
  const from = random.chance(0.7) ? '' : shiftMonth(today, -random.int(1, 30));
  const size = household.members.length;
  dibaoPayments(s, household, head, from, gapPerPerson, size);
  return true;
}

/** 城乡低保 for a household of `size`, paid to `payee` from `from` ('' for the whole window). */
function dibaoPayments(
  s: Schedule,
  household: Household,
  payee: Member,
  from: string,
  gapPerPerson: number,
  size: number,
): void {
  const today = s.calendar.today;
  const standard = standardOf(s, PROGRAM.dibao);
  monthly(s, household, payee, PROGRAM.dibao, 10, from, (month) => {
    const year = Number(month.slice(0, 4));
    return {
      amountFen: indexed(gapPerPerson * size, year, today),
      standardFen: indexed(standard, year, today),
      quantityMilli: size * 1000,
    };
  });
}

function elderlyBand(birthDate: LocalDate, month: string): number | null {
  const age = ageOn(birthDate, `${month}-01`);
  return ELDERLY_BANDS.find(([fromAge]) => age >= fromAge)?.[1] ?? null;
}

function personalPayments(s: Schedule, household: Household, member: Member, ruralFamily: boolean): void {
  const { random, calendar } = s;
  const today = calendar.today;
  const birth = member.person.birthDate;
  const lastMonth = calendar.last.slice(0, 7);

  if (addYears(birth, 80).slice(0, 7) <= lastMonth) {
    monthly(s, household, member, PROGRAM.elderly, 15, '', (month) => {
      const fen = elderlyBand(birth, month);
      return fen === null ? null : { amountFen: fen, standardFen: fen, quantityMilli: null };
    });
  }
  const sixtieth = addYears(birth, 60);
  // Most older residents draw the residents' pension; the rest have a workers' pension instead.
  if (sixtieth.slice(0, 7) < lastMonth && random.chance(0.8)) {
    const standard = standardOf(s, PROGRAM.pension);
    monthly(s, household, member, PROGRAM.pension, 5, shiftMonth(sixtieth, 1), (month) => {
      const fen = indexed(standard, Number(month.slice(0, 4)), today);
      return { amountFen: fen, standardFen: fen, quantityMilli: null };
    });
  }
  if (random.chance(0.025)) {
    // Poor and severely disabled people receive both subsidies.
    const count = random.chance(0.3) ? 2 : 1;
    const standard = standardOf(s, PROGRAM.disability);
    monthly(s, household, member, PROGRAM.disability, 20, '', () => ({
      amountFen: count * standard,
      standardFen: standard,
      quantityMilli: count * 1000,
    }));
  }
  if (random.chance(0.02)) {
    const month = shiftMonth(today, -random.int(0, 34));
    pay(s, household, member, {
      programCode: PROGRAM.relief,
      period: month,
      plannedDate: `${month}-${day(random.int(1, 28))}`,
      amountFen: random.int(5, 30) * 10000,
      quantityMilli: null,
      standardFen: null,
    });
  }
  if (RESERVOIR_VILLAGE_CODES.includes(household.villageCode) && birth <= RESERVOIR_REGISTRATION_CUTOFF) {
    const standard = standardOf(s, PROGRAM.reservoir);
    yearly(s, household, member, PROGRAM.reservoir, '05-20', () => ({
      amountFen: standard,
      standardFen: standard,
      quantityMilli: null,
    }));
  }
  if (member.person.sex === 'male' && ageOn(birth, today) >= 55 && random.chance(0.02)) {
    const standard = standardOf(s, PROGRAM.veteran);
    for (const month of calendar.months) {
      if (Number(month.slice(5, 7)) % 3 !== 1) continue;
      const fen = indexed(standard, Number(month.slice(0, 4)), today);
      pay(s, household, member, {
        programCode: PROGRAM.veteran,
        period: quarterOf(month),
        plannedDate: `${month}-25`,
        amountFen: fen,
        standardFen: fen,
        quantityMilli: null,
      });
    }
  }
  if (member.role === 'other' && random.chance(0.5)) {
    // A grandchild whose parents are dead or gone: 孤儿 or 事实无人抚养儿童, until 18.
    const adult = addYears(birth, 18).slice(0, 7);
    const standard = standardOf(s, PROGRAM.orphan);
    monthly(s, household, member, PROGRAM.orphan, 10, '', (month) => {
      if (month >= adult) return null;
      const fen = indexed(standard, Number(month.slice(0, 4)), today);
      return { amountFen: fen, standardFen: fen, quantityMilli: null };
    });
  }
  if (ruralFamily && (member.role === 'head' || member.role === 'spouse')) {
    const standard = standardOf(s, PROGRAM.familyPlanning);
    yearly(s, household, member, PROGRAM.familyPlanning, '04-15', (year) =>
      ageOn(birth, `${year}-01-01`) >= 60
        ? { amountFen: standard, standardFen: standard, quantityMilli: null }
        : null,
    );
  }
}

export interface VillagePayments {
  payments: PaymentRecord[];
  /** Households receiving 低保: cadres and their declared relatives are chosen among the others. */
  dibaoHouseholds: Set<string>;
}

export function generateVillagePayments(
  calendar: PaymentCalendar,
  random: Random,
  households: readonly Household[],
): VillagePayments {
  const s: Schedule = { calendar, random, payments: [] };
  const dibaoHouseholds = new Set<string>();
  for (const household of households) {
    const head = household.members[0];
    if (!head) continue;
    const herding =
      household.naming === 'minority'
        ? random.chance(0.8)
        : household.townshipCode === HERDING_TOWNSHIP_CODE && random.chance(0.15);
    landPayments(s, household, head, herding);
    if (assistance(s, household, head)) dibaoHouseholds.add(household.id);
    // 计划生育奖励扶助: a rural couple with one child or two daughters, from the year they turn 60.
    const ruralFamily = !isCommunity(household.villageCode) && random.chance(0.08);
    for (const member of household.members) personalPayments(s, household, member, ruralFamily);
  }
  return { payments: s.payments, dibaoHouseholds };
}
