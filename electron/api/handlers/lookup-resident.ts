/**
 * Opening one resident's sealed record with the number and name they gave. The number is checked like any
 * other input; the record is found by the tag derived from both (schema 3), or from the number alone in a
 * schema-2 replica not yet replaced by the first sync after an upgrade, and must carry the same name.
 */
import { parseIdNumber } from '../../../domain/id-number';
import { mask } from '../../../domain/masking';
import { recordKeyName } from '../../../domain/person-name';
import { paymentStatus } from '../../../domain/payments';
import type { LocalDate } from '../../../domain/dates';
import type { SealedPayload } from '../../../domain/published/replica-format';
import { deriveRecordKeys, openRecord } from '../../../domain/published/sealing.nodejs';
import {
  recordKeyScheme,
  type ReplicaMeta,
  type ReplicaProgram,
} from '../../../domain/published/replica-format';
import type { ReplicaReader } from '../../replica/replica-reader';
import type { LookupResult, PaymentView } from '../contract';
import type { ResidentSessions } from '../resident-sessions';

export function paymentViews(
  record: SealedPayload,
  programs: ReadonlyMap<string, ReplicaProgram>,
  today: LocalDate,
): PaymentView[] {
  return record.payments
    .map((payment) => {
      const program = programs.get(payment.programCode);
      return {
        programCode: payment.programCode,
        programName: {
          'zh-CN': program?.nameZh ?? payment.programCode,
          en: program?.nameEn ?? payment.programCode,
        },
        period: payment.period,
        amountFen: payment.amountFen,
        plannedDate: payment.plannedDate,
        paidDate: payment.paidDate,
        status: paymentStatus(payment, today),
      };
    })
    .sort((a, b) => b.plannedDate.localeCompare(a.plannedDate) || a.programCode.localeCompare(b.programCode));
}

function sameRecordKeys(a: ReplicaMeta, b: ReplicaMeta): boolean {
  return (
    recordKeyScheme(a.schemaVersion) === recordKeyScheme(b.schemaVersion) &&
    JSON.stringify(a.kdf) === JSON.stringify(b.kdf)
  );
}

export async function lookupResident(
  input: { idNumber: string; name: string },
  replica: ReplicaReader,
  sessions: ResidentSessions,
  today: LocalDate,
): Promise<LookupResult> {
  const parsed = parseIdNumber(input.idNumber, today);
  if (!parsed.ok) return { status: 'invalid-id', reason: parsed.problem.reason };
  const identity = { idNumber: parsed.id.value, name: input.name };
  let meta = replica.meta();
  let keys = await deriveRecordKeys(identity, meta.kdf, recordKeyScheme(meta.schemaVersion));
  let found = replica.sealedRecord(keys.tag);
  // The sync agent may replace the replica while the key is derived. When the new one keys its records
  // differently (the first sync after an upgrade, a new salt), derive again for it, so no lookup fails then.
  for (let retries = 2; retries > 0 && !sameRecordKeys(found.meta, meta); retries--) {
    meta = found.meta;
    keys = await deriveRecordKeys(identity, meta.kdf, recordKeyScheme(meta.schemaVersion));
    found = replica.sealedRecord(keys.tag);
  }
  const record = found.row ? openRecord(keys, found.row) : null;
  // A wrong name answers exactly like an unknown number, so the terminal cannot be used to test whether
  // somebody's number belongs to a resident of the county. Names compare as they enter the key: a card
  // holds a long name cut at 15 characters.
  if (!record || recordKeyName(input.name) !== recordKeyName(record.name)) return { status: 'not-found' };
  return {
    status: 'found',
    resident: {
      sessionId: sessions.open(record),
      maskedName: mask('name', record.name),
      maskedIdNumber: mask('idNumber', record.idNumber),
      payments: paymentViews(record, replica.programs(), today),
    },
  };
}
