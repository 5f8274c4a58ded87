/**
 * Families in households (户): a head, usually a spouse, children living at home, sometimes an old parent or
 * a grandchild left in the grandparents' care. Each household is planned first, then given a naming style
 * (common surname, compound surname, or Uyghur-style names), then names and ID numbers, so the naming rules
 * can follow the family's ties. Households are made a village at a time; only the set of ID numbers issued
 * so far is kept for the whole county.
 */
import type { LocalDate } from '../../domain/dates';
import { checkDigitOf, type Sex } from '../../domain/id-number';
import { addDays, addYears, ageOn } from './calendar';
import type { DemoPerson, Relation } from './model';
import {
  minorityFullName,
  pickCompoundSurname,
  pickGivenName,
  pickMinorityPersonalName,
  pickRareGivenName,
  pickSurname,
} from './names';
import type { Random } from './random';
import { DEMO_COUNTY_CODE, NEIGHBOUR_COUNTY_CODES } from './regions';

export type NamingStyle = 'common' | 'compound' | 'minority';

export interface Member {
  /** The row id in `persons`. */
  id: number;
  role: Relation;
  /** Kept for the payment schedule: nothing is paid for months after a death. */
  deathDate: LocalDate | null;
  /** The last four digits of the person's 一卡通 account. */
  cardTail: string;
  person: DemoPerson;
}

export interface Household {
  id: string;
  villageCode: string;
  townshipCode: string;
  groupCode: string;
  naming: NamingStyle;
  members: Member[];
}

interface PlannedMember {
  role: Relation;
  sex: Sex;
  birthDate: LocalDate;
  /** Whether this member gets a name with a rare character. */
  rareName: boolean;
}

const HEAD_AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[25, 39], 25],
  [[40, 59], 40],
  [[60, 79], 28],
  [[80, 101], 7],
];
const CHILDREN_AT_HOME: readonly (readonly [number, number])[] = [[0, 10], [1, 35], [2, 40], [3, 15]]; // prettier-ignore

function birthDateForAge(random: Random, age: number, today: LocalDate): LocalDate {
  return addDays(addYears(today, -age - 1), random.int(1, 365));
}

function planHousehold(random: Random, today: LocalDate): PlannedMember[] {
  const member = (role: Relation, sex: Sex, age: number): PlannedMember => ({
    role,
    sex,
    birthDate: birthDateForAge(random, age, today),
    rareName: random.chance(0.005),
  });
  const [minAge, maxAge] = random.weighted(HEAD_AGE_BANDS);
  const headAge = random.int(minAge, maxAge);
  const head = member('head', random.chance(0.85) ? 'male' : 'female', headAge);
  if (random.chance(headAge >= 60 ? 0.25 : 0.08)) return [head];

  const members = [head];
  let motherAge = head.sex === 'female' ? headAge : null;
  if (random.chance(headAge >= 75 ? 0.55 : 0.9)) {
    const sex: Sex = head.sex === 'male' ? 'female' : 'male';
    const age = Math.max(20, headAge + random.int(0, 6) * (sex === 'female' ? -1 : 1));
    members.push(member('spouse', sex, age));
    if (sex === 'female') motherAge = age;
  }
  if (motherAge !== null) {
    const children = random.weighted(CHILDREN_AT_HOME);
    for (let i = 0; i < children; i++) {
      const age = motherAge - random.int(20, 36);
      // Grown children mostly have households of their own.
      if (age < 0 || (age > 30 && random.chance(0.6))) continue;
      members.push(member('child', random.chance(0.52) ? 'male' : 'female', age));
    }
  }
  if (headAge >= 35 && headAge <= 65 && random.chance(0.3)) {
    const age = Math.min(104, headAge + random.int(22, 34));
    members.push(member('parent', random.chance(0.65) ? 'female' : 'male', age));
  }
  if (headAge >= 55 && headAge <= 80 && random.chance(0.06)) {
    // A grandchild left with the grandparents (留守儿童), whose parents work away or are gone.
    members.push(member('other', random.chance(0.52) ? 'male' : 'female', random.int(1, 16)));
  }
  return members;
}

function hanNames(
  random: Random,
  naming: 'common' | 'compound',
  members: readonly PlannedMember[],
): string[] {
  const familySurname = naming === 'compound' ? pickCompoundSurname(random) : pickSurname(random);
  // Children take the father's surname; wives and mothers keep their own, as Chinese women do.
  const bearer =
    members.find((m) => m.sex === 'male' && (m.role === 'head' || m.role === 'spouse')) ?? members[0];
  const headIsMale = members[0]?.sex === 'male';
  return members.map((m) => {
    const carriesFamilyName =
      m === bearer ||
      m.role === 'child' ||
      m.role === 'other' ||
      (m.role === 'parent' && m.sex === 'male' && headIsMale);
    const surname = carriesFamilyName ? familySurname : pickSurname(random);
    const birthYear = Number(m.birthDate.slice(0, 4));
    const given = m.rareName ? pickRareGivenName(random, m.sex) : pickGivenName(random, m.sex, birthYear);
    return surname + given;
  });
}

function minorityNames(random: Random, members: readonly PlannedMember[]): string[] {
  // A Uyghur-style full name is the person's own name, a middle dot, and the father's own name.
  const own = members.map((m) => pickMinorityPersonalName(random, m.sex));
  const ownOf = (role: Relation, sex: Sex) => {
    const index = members.findIndex((m) => m.role === role && m.sex === sex);
    return index === -1 ? null : own[index];
  };
  const headsFather = ownOf('parent', 'male') ?? pickMinorityPersonalName(random, 'male');
  const childrensFather =
    ownOf('head', 'male') ?? ownOf('spouse', 'male') ?? pickMinorityPersonalName(random, 'male');
  return members.map((m, i) => {
    const father =
      m.role === 'head'
        ? headsFather
        : m.role === 'child'
          ? childrensFather
          : pickMinorityPersonalName(random, 'male');
    return minorityFullName(own[i] ?? '', father);
  });
}

function pickRegionCode(random: Random, role: Relation): { code: string; index: number } {
  // Some spouses married in from neighbouring counties and keep the number they were born with.
  if (role !== 'spouse' || !random.chance(0.3)) return { code: DEMO_COUNTY_CODE, index: 0 };
  const index = random.int(0, NEIGHBOUR_COUNTY_CODES.length - 1);
  return { code: NEIGHBOUR_COUNTY_CODES[index] ?? DEMO_COUNTY_CODE, index: index + 1 };
}

/** What the county keeps while villages are made one after another. */
export interface CountyState {
  today: LocalDate;
  /** ID numbers issued so far, as small integers (region, birth day and sequence), so none repeats. */
  issued: Set<number>;
  persons: number;
  households: number;
}

export function newCountyState(today: LocalDate): CountyState {
  return { today, issued: new Set(), persons: 0, households: 0 };
}

const DAY_MS = 86_400_000;

function issueIdNumber(
  random: Random,
  state: CountyState,
  region: { code: string; index: number },
  birthDate: LocalDate,
  sex: Sex,
): string {
  const day = Date.UTC(+birthDate.slice(0, 4), +birthDate.slice(5, 7) - 1, +birthDate.slice(8, 10)) / DAY_MS;
  for (;;) {
    // The sequence's last digit is odd for men and even for women.
    const sequence = random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
    const key = ((day + 40_000) * 1000 + sequence) * 4 + region.index;
    if (state.issued.has(key)) continue;
    state.issued.add(key);
    const first17 = region.code + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
    return first17 + checkDigitOf(first17);
  }
}

/** Draws 一卡通 card tails for one village without repeats, so a shared tail there is always a finding. */
function cardTails(random: Random): () => string {
  const tails = new Uint16Array(10_000).map((_, i) => i);
  let next = 0;
  return () => {
    if (next >= tails.length) throw new RangeError('a demo village holds at most 10,000 residents');
    const j = next + Math.floor(random.next() * (tails.length - next));
    const tail = tails[j] ?? 0;
    tails[j] = tails[next] ?? 0;
    tails[next] = tail;
    next += 1;
    return String(tail).padStart(4, '0');
  };
}

function namingFor(random: Random, state: CountyState): NamingStyle {
  // The county's second and third households are compound-surnamed and Uyghur-style, so every county of
  // three households or more shows each kind of name; the rest follow rough shares.
  if (state.households === 1) return 'compound';
  if (state.households === 2) return 'minority';
  if (state.households === 0) return 'common';
  return random.weighted([
    ['common', 93],
    ['compound', 3.5],
    ['minority', 3.5],
  ] as const);
}

/** Exactly `residents` people in households of one village, spread over its groups. */
export function generateVillageHouseholds(
  random: Random,
  village: { code: string; townshipCode: string; groupCodes: readonly string[] },
  residents: number,
  state: CountyState,
): Household[] {
  const { today } = state;
  const nextCardTail = cardTails(random);
  const households: Household[] = [];
  let planned = 0;
  while (planned < residents) {
    const members = planHousehold(random, today).slice(0, residents - planned);
    planned += members.length;
    const naming = namingFor(random, state);
    // The county's first resident has a name with a rare character, so every county shows one.
    if (state.households === 0 && members[0]) members[0].rareName = true;
    state.households += 1;
    const names = naming === 'minority' ? minorityNames(random, members) : hanNames(random, naming, members);
    const id = village.code + String(households.length + 1).padStart(4, '0');
    households.push({
      id,
      villageCode: village.code,
      townshipCode: village.townshipCode,
      groupCode: random.pick(village.groupCodes),
      naming,
      members: members.map((m, j) => {
        const deceased = ageOn(m.birthDate, today) >= 70 && random.chance(0.08);
        state.persons += 1;
        return {
          id: state.persons,
          role: m.role,
          deathDate: deceased ? addDays(today, -random.int(1, 1000)) : null,
          cardTail: nextCardTail(),
          person: {
            idNumber: issueIdNumber(random, state, pickRegionCode(random, m.role), m.birthDate, m.sex),
            name: names[j] ?? '',
            sex: m.sex,
            birthDate: m.birthDate,
            villageCode: village.code,
            householdId: id,
            alive: !deceased,
          },
        };
      }),
    });
  }
  return households;
}
