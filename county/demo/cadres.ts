/**
 * Village cadres (村干部) for 查干部: the committees elected at the last 换届 (every five years since 2021),
 * sometimes the 主任 of the previous term, and each current cadre's declared close relatives outside the
 * household. Cadres and relatives come from households without 低保, so the only cadre relatives on 低保
 * are the planted ones.
 */
import type { LocalDate } from '../../domain/dates';
import { addYears, ageOn } from './calendar';
import type { Household, Member } from './households';
import type { CadreRecord } from './model';
import type { Random } from './random';
import { isCommunity } from './regions';

const VILLAGE_POSTS = ['村党组织书记', '村民委员会主任', '村民委员会委员', '村民委员会委员（妇女主任）', '村务监督委员会主任']; // prettier-ignore
const COMMUNITY_POSTS = ['社区党组织书记', '社区居民委员会主任', '社区居民委员会委员', '社区居民委员会委员（妇女主任）', '社区居务监督委员会主任']; // prettier-ignore
const WOMEN_POST = 3;

function day(random: Random): string {
  return String(random.int(10, 28)).padStart(2, '0');
}

/** The year of the last village committee election (换届) on or before `today`. */
export function lastElectionYear(today: LocalDate): number {
  let year = 2021;
  while (`${year + 5}-04-01` <= today) year += 5;
  return year;
}

function relationBetween(cadre: Member, relative: Member): string {
  const older = Number(cadre.person.birthDate.slice(0, 4)) - Number(relative.person.birthDate.slice(0, 4));
  if (Math.abs(older) <= 15) return '兄弟姐妹';
  if (older <= -18 && older >= -45) return '子女';
  if (older >= 18 && older <= 45) return '父母';
  return '其他近亲属';
}

export function chooseCadres(
  random: Random,
  households: readonly Household[],
  dibaoHouseholds: ReadonlySet<string>,
  today: LocalDate,
  nextId: () => number,
): CadreRecord[] {
  const first = households[0];
  if (!first) return [];
  const posts = isCommunity(first.villageCode) ? COMMUNITY_POSTS : VILLAGE_POSTS;
  const eligible = households.filter((h) => !dibaoHouseholds.has(h.id));
  const adults = (min: number, max: number) =>
    eligible.flatMap(
      (h) =>
      h.members.filter((m) => m.deathDate === null && ageOn(m.person.birthDate, today) >= min && ageOn(m.person.birthDate, today) <= max), // prettier-ignore
    );
  const candidates = adults(28, 62);
  const usedHouseholds = new Set<string>();
  const take = (want: (m: Member) => boolean): Member | null => {
    const open = candidates.filter((m) => !usedHouseholds.has(m.person.householdId));
    const preferred = open.filter(want);
    const pool = preferred.length > 0 ? preferred : open;
    if (pool.length === 0) return null;
    const chosen = random.pick(pool);
    usedHouseholds.add(chosen.person.householdId);
    return chosen;
  };

  const year = lastElectionYear(today);
  const termStart = `${year}-03-${day(random)}`;
  const cadres: CadreRecord[] = [];
  // Most 书记 are men; the 妇女主任 is a woman.
  const secretarySex = random.chance(0.8) ? 'male' : 'female';
  posts.forEach((post, index) => {
    const member = take((m) =>
      index === WOMEN_POST ? m.person.sex === 'female' : index === 0 ? m.person.sex === secretarySex : true,
    );
    if (!member) return;
    cadres.push({ id: nextId(), personId: member.id, villageCode: member.person.villageCode, post, termStart, termEnd: null, relatives: [] }); // prettier-ignore
  });

  // Declared close relatives living in other households of the village.
  const others = adults(18, 95);
  for (const cadre of cadres) {
    const self = others.find((m) => m.id === cadre.personId);
    const pool = others.filter((m) => !usedHouseholds.has(m.person.householdId));
    const count = Math.min(pool.length, random.int(1, 3));
    const chosen = new Set<Member>();
    while (chosen.size < count) chosen.add(random.pick(pool));
    if (!self) continue;
    for (const relative of [...chosen].sort((a, b) => a.id - b.id)) {
      cadre.relatives.push({ personId: relative.id, relation: relationBetween(self, relative) });
    }
  }

  // The window reaches back into the previous term: its 主任 stood down at the election.
  const formerStart = `${year - 5}-03-${day(random)}`;
  if (addYears(today, -3) < termStart && random.chance(0.5)) {
    const former = take((m) => ageOn(m.person.birthDate, today) >= 45);
    if (former) {
      cadres.push({ id: nextId(), personId: former.id, villageCode: former.person.villageCode, post: posts[1] ?? '', termStart: formerStart, termEnd: termStart, relatives: [] }); // prettier-ignore
    }
  }
  return cadres;
}
