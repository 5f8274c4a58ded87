/**
 * A synthetic county for demos and tests: deterministic for a given seed and day, realistic enough to
 * exercise names, ID numbers, masking, printing and every payment status. No generated ID number can be a
 * real person's: all region codes lie in prefecture 3599, which GB/T 2260 does not assign.
 */
import { isValidLocalDate } from '../../domain/dates';
import { generateHouseholds } from './households';
import type { DemoCounty, DemoCountyOptions } from './model';
import { generatePayments } from './payments';
import { demoPrograms } from './programs';
import { createRandom } from './random';
import { demoRegions } from './regions';

export function generateDemoCounty(options: DemoCountyOptions): DemoCounty {
  const { residents, seed, today } = options;
  if (!Number.isInteger(residents) || residents < 1)
    throw new RangeError('residents must be a positive integer');
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  if (!isValidLocalDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');

  const random = createRandom(seed);
  const regions = demoRegions();
  const programs = demoPrograms();
  const households = generateHouseholds(random, regions, residents, today);
  return {
    countyName: regions.name,
    hotline: '12345',
    regions,
    programs,
    persons: households.flatMap((h) => h.members.map((m) => m.person)),
    payments: generatePayments(random, households, programs, today),
  };
}
