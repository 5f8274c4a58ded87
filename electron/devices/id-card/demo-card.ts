/**
 * A card for the simulator made from an ID number and a name alone (synthetic residents, the helper mode's
 * test card): sex and birth date come from the number, the rest are plausible fixed values.
 */
import { parseIdNumber } from '../../../domain/id-number';
import type { CardIdentity } from './card-reader';

const DEMO_ISSUER = '示例县公安局';

/** Null when the number is not a valid GB 11643 number: no card could carry it. */
export function demoCard(idNumber: string, name: string): CardIdentity | null {
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) return null;
  return {
    idNumber: parsed.id.value,
    name,
    sex: parsed.id.sex,
    nationCode: '01',
    birthDate: parsed.id.birthDate,
    validFrom: '2016-05-01',
    validTo: 'long-term',
    issuer: DEMO_ISSUER,
  };
}
