/**
 * The demo county, village by village: each village's households, residents, payments, cadres, rosters,
 * finances and planted anomalies are made together and handed out, so a county of a million residents never
 * has to be in memory at once. Each village draws from its own seeded stream; only the set of ID numbers
 * issued so far and the anomaly plan run across villages, so the same seed and day always give the same
 * county. No generated ID number can be a real person's: all region codes lie in prefecture 3599, which
 * GB/T 2260 does not assign.
 */
import { isValidLocalDate } from '../../domain/dates';
import { planAnomalies, plantAnomalies } from './anomalies';
import { chooseCadres } from './cadres';
import { villageFinances } from './finances';
import { generateVillageHouseholds, newCountyState } from './households';
import { demoMicroPowers, type DemoMicroPower } from './micro-powers';
import type { DemoCountyOptions, DemoProgram, DemoRegions, HouseholdRecord, ResidentRecord, VillageChunk } from './model'; // prettier-ignore
import { generateVillagePayments, paymentCalendar } from './payments';
import { PROGRAM_ALIASES, demoPrograms } from './programs';
import { createRandom, deriveSeed } from './random';
import { demoRegions } from './regions';
import { villageRosters } from './rosters';
import { demoServiceItems, type DemoServiceItem } from './service-items';

export const DEMO_HOTLINE = '12345';

export interface DemoCountyStream {
  countyName: string;
  hotline: string;
  regions: DemoRegions;
  programs: DemoProgram[];
  aliases: readonly (readonly [string, string])[];
  serviceItems: DemoServiceItem[];
  microPowers: DemoMicroPower[];
  /** The villages in order; call once. */
  villages(): Generator<VillageChunk>;
}

/** Separate streams per village, so changing one kind of record leaves the others as they were. */
const STREAM = { quota: 0, households: 1, payments: 2, cadres: 3, finances: 4, anomalies: 5 } as const;

export function validateDemoOptions(options: DemoCountyOptions): void {
  const { residents, seed, today } = options;
  if (!Number.isInteger(residents) || residents < 1)
    throw new RangeError('residents must be a positive integer');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!isValidLocalDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
}

/** How many residents each village gets: shares of 0.6 to 1.4, summing exactly to `residents`. */
function villageQuotas(seed: number, residents: number, villages: number): number[] {
  const random = createRandom(deriveSeed(seed, STREAM.quota));
  const weights = Array.from({ length: villages }, () => 0.6 + 0.8 * random.next());
  const total = weights.reduce((sum, w) => sum + w, 0);
  const quotas = weights.map((w) => Math.floor((residents * w) / total));
  let short = residents - quotas.reduce((sum, q) => sum + q, 0);
  for (let i = 0; short > 0; i = (i + 1) % villages, short--) quotas[i] = (quotas[i] ?? 0) + 1;
  return quotas;
}

export function streamDemoCounty(options: DemoCountyOptions): DemoCountyStream {
  validateDemoOptions(options);
  const { residents, seed, today } = options;
  const regions = demoRegions(residents);
  const programs = demoPrograms();

  function* villages(): Generator<VillageChunk> {
    const list = regions.townships.flatMap((t) => t.villages.map((v) => ({ ...v, townshipCode: t.code })));
    const quotas = villageQuotas(seed, residents, list.length);
    const state = newCountyState(today);
    const calendar = paymentCalendar(seed, today, programs);
    const frequencies = new Map(programs.map((p) => [p.code, p.frequency]));
    const plan = planAnomalies(list.length, residents);
    let cadreIds = 0;
    for (const [index, village] of list.entries()) {
      const stream = (kind: number) => createRandom(deriveSeed(seed, index, kind));
      const households = generateVillageHouseholds(
        stream(STREAM.households),
        {
          code: village.code,
          townshipCode: village.townshipCode,
          groupCodes: village.groups.map((g) => g.code),
        },
        quotas[index] ?? 0,
        state,
      );
      const { payments, dibaoHouseholds } = generateVillagePayments(calendar, stream(STREAM.payments), households); // prettier-ignore
      const cadres = chooseCadres(
        stream(STREAM.cadres),
        households,
        dibaoHouseholds,
        today,
        () => ++cadreIds,
      );
      const anomalies = plantAnomalies(plan, index, {
        random: stream(STREAM.anomalies),
        calendar,
        households,
        payments,
        cadres,
      });
      const householdRecords: HouseholdRecord[] = households.map((h) => ({
        id: h.id,
        villageCode: h.villageCode,
        groupCode: h.groupCode,
      }));
      const residentRecords: ResidentRecord[] = households.flatMap((h) =>
        h.members.map((m) => ({
          id: m.id,
          person: m.person,
          relation: m.role,
          deceasedOn: m.deathDate,
          cardTail: m.cardTail,
        })),
      );
      yield {
        villageCode: village.code,
        households: householdRecords,
        residents: residentRecords,
        payments,
        rosters: villageRosters(village.code, payments, frequencies, today, calendar.shift),
        cadres,
        finances: villageFinances(stream(STREAM.finances), village.code, calendar.months, today, cadres.filter((c) => c.termEnd === null).length), // prettier-ignore
        anomalies,
      };
    }
  }

  return {
    countyName: regions.name,
    hotline: DEMO_HOTLINE,
    regions,
    programs,
    aliases: PROGRAM_ALIASES,
    serviceItems: demoServiceItems(),
    microPowers: demoMicroPowers(),
    villages,
  };
}
