/**
 * A replica's content made straight from an in-memory demo county (`huimin-county demo-replica`, the
 * end-to-end tests): programs in the clear, every resident's record sealed with freshly derived keys.
 */
import { randomInt } from 'node:crypto';
import type {
  KdfParams,
  ReplicaRow,
  SealedPayload,
  SealedPayment,
} from '../../domain/published/replica-format';
import { deriveRecordKeys } from '../../domain/published/sealing.nodejs';
import type { DemoCounty } from '../demo/model';
import { sealRecords } from './seal-records';
import type { ReplicaContent } from './write-replica';

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function recordsOf(county: DemoCounty): SealedPayload[] {
  const paymentsById = new Map<string, SealedPayment[]>();
  for (const { idNumber, ...payment } of county.payments) {
    const list = paymentsById.get(idNumber) ?? [];
    list.push(payment);
    paymentsById.set(idNumber, list);
  }
  const records = county.persons.map((person): SealedPayload => {
    const payments = paymentsById.get(person.idNumber) ?? [];
    paymentsById.delete(person.idNumber);
    payments.sort(
      (a, b) => a.plannedDate.localeCompare(b.plannedDate) || a.programCode.localeCompare(b.programCode),
    );
    return { v: 1, idNumber: person.idNumber, name: person.name, payments };
  });
  // Deliberately vague: an error message must never carry an ID number.
  if (paymentsById.size > 0) throw new Error(`${paymentsById.size} payee(s) are not among the persons`);
  if (new Set(records.map((r) => r.idNumber)).size !== records.length) {
    throw new Error('the persons contain a duplicate ID number');
  }
  return records;
}

export function demoReplicaContent(
  county: DemoCounty,
  options: { kdf: KdfParams; dataVersion: number; asOf: Date; concurrency?: number },
): ReplicaContent {
  const programs = county.programs.map((p): ReplicaRow<'programs'> => ({
    code: p.code,
    name_zh: p.nameZh,
    name_en: p.nameEn,
    category: p.category,
    department: p.department,
    policy_basis: p.policyBasis,
    standard_fen: p.standardFen,
    unit_zh: p.unitZh,
    unit_en: p.unitEn,
    frequency: p.frequency,
    eligibility: p.eligibility,
    process: p.process,
    materials: p.materials,
    phone: p.phone,
  }));
  // Sealing in a random order keeps the file's page layout from echoing the source's village order.
  const records = shuffled(recordsOf(county));
  return {
    meta: {
      dataVersion: options.dataVersion,
      dataAsOf: options.asOf.toISOString(),
      countyName: county.countyName,
      hotline: county.hotline,
      kdf: options.kdf,
    },
    tables: { programs },
    sealed: sealRecords(records, (record) => deriveRecordKeys(record, options.kdf), options.concurrency),
  };
}
