/**
 * Families in households (户): a head, usually a spouse, children living at home, sometimes an old parent.
 * Structures are planned first, then each household gets a naming style (common surname, compound surname,
 * or Uyghur-style names), then names and ID numbers, so the naming rules can follow the family's ties.
 */
import type { LocalDate } from '../../domain/dates';
import { checkDigitOf, type Sex } from '../../domain/id-number';
import { addDays, addYears, ageOn } from './calendar';
import type { DemoPerson, DemoRegions } from './model';
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

export type HouseholdRole = 'head' | 'spouse' | 'child' | 'parent';
export type NamingStyle = 'common' | 'compound' | 'minority';

export interface Member {
  role: HouseholdRole;
  /** Kept for the payment schedule: nothing is paid for months after a death. */
  deathDate: LocalDate | null;
  person: DemoPerson;
}

export interface Household {
  id: string;
  villageCode: string;
  townshipCode: string;
  naming: NamingStyle;
  members: Member[];
}

interface PlannedMember {
  role: HouseholdRole;
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
  const member = (role: HouseholdRole, sex: Sex, age: number): PlannedMember => ({
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
      m === bearer || m.role === 'child' || (m.role === 'parent' && m.sex === 'male' && headIsMale);
    const surname = carriesFamilyName ? familySurname : pickSurname(random);
    const birthYear = Number(m.birthDate.slice(0, 4));
    const given = m.rareName ? pickRareGivenName(random, m.sex) : pickGivenName(random, m.sex, birthYear);
    return surname + given;
  });
}

function minorityNames(random: Random, members: readonly PlannedMember[]): string[] {
  // A Uyghur-style full name is the person's own name, a middle dot, and the father's own name.
  const own = members.map((m) => pickMinorityPersonalName(random, m.sex));
  const ownOf = (role: HouseholdRole, sex: Sex) => {
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

function pickRegionCode(random: Random, role: HouseholdRole): string {
  // Some spouses married in from neighbouring counties and keep the number they were born with.
  return role === 'spouse' && random.chance(0.3) ? random.pick(NEIGHBOUR_COUNTY_CODES) : DEMO_COUNTY_CODE;
}

function issueIdNumber(
  random: Random,
  regionCode: string,
  birthDate: LocalDate,
  sex: Sex,
  taken: Set<string>,
): string {
  for (;;) {
    // The sequence's last digit is odd for men and even for women.
    const sequence = String(random.int(0, 499) * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
    const first17 = regionCode + birthDate.replaceAll('-', '') + sequence;
    const idNumber = first17 + checkDigitOf(first17);
    if (!taken.has(idNumber)) {
      taken.add(idNumber);
      return idNumber;
    }
  }
}

/** Converts random households of the common style so every style appears at least once. */
function ensureEveryNamingStyle(random: Random, namings: NamingStyle[]): void {
  for (const style of ['compound', 'minority'] as const) {
    const common = namings.flatMap((n, i) => (n === 'common' ? [i] : []));
    if (!namings.includes(style) && common.length > 1) namings[random.pick(common)] = style;
  }
}

/** Exactly `residents` people in households spread over the villages. */
export function generateHouseholds(
  random: Random,
  regions: DemoRegions,
  residents: number,
  today: LocalDate,
): Household[] {
  const villages = regions.townships.flatMap((t) =>
    t.villages.map((v) => ({ code: v.code, townshipCode: t.code })),
  );
  const plans: { village: (typeof villages)[number]; members: PlannedMember[] }[] = [];
  let planned = 0;
  while (planned < residents) {
    const members = planHousehold(random, today).slice(0, residents - planned);
    plans.push({ village: random.pick(villages), members });
    planned += members.length;
  }

  const namings: NamingStyle[] = plans.map(() =>
    random.weighted([
      ['common', 93],
      ['compound', 3.5],
      ['minority', 3.5],
    ] as const),
  );
  ensureEveryNamingStyle(random, namings);
  const hanMembers = plans.flatMap((p, i) => (namings[i] === 'minority' ? [] : p.members));
  if (hanMembers.length > 0 && !hanMembers.some((m) => m.rareName)) random.pick(hanMembers).rareName = true;

  const taken = new Set<string>();
  const perVillage = new Map<string, number>();
  return plans.map(({ village, members }, i) => {
    const naming = namings[i] ?? 'common';
    const names = naming === 'minority' ? minorityNames(random, members) : hanNames(random, naming, members);
    const number = (perVillage.get(village.code) ?? 0) + 1;
    perVillage.set(village.code, number);
    const id = village.code + String(number).padStart(4, '0');
    return {
      id,
      villageCode: village.code,
      townshipCode: village.townshipCode,
      naming,
      members: members.map((m, j) => {
        const deceased = ageOn(m.birthDate, today) >= 70 && random.chance(0.08);
        return {
          role: m.role,
          deathDate: deceased ? addDays(today, -random.int(1, 1000)) : null,
          person: {
            idNumber: issueIdNumber(random, pickRegionCode(random, m.role), m.birthDate, m.sex, taken),
            name: names[j] ?? '',
            sex: m.sex,
            birthDate: m.birthDate,
            villageCode: village.code,
            householdId: id,
            alive: !deceased,
          },
        };
      }),
    };
  });
}
