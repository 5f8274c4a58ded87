/**
 * Seals every resident's record from the master database, paying scrypt only where nothing is cached:
 * derived keys are kept per person (valid while the county's KDF parameters and the person's number and
 * name as they enter the key stay the same), and so is the
 * last sealed row with the hash of its payload, so an unchanged record is republished byte for byte and a
 * delta carries only the records that changed.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { KdfParams, SealedPayload, SealedPayment } from '../../domain/published/replica-format';
import {
  deriveRecordKeys,
  kdfPassword,
  sealRecord,
  type RecordKeys,
  type SealedRow,
} from '../../domain/published/sealing.nodejs';
import type { MasterDatabase } from '../master/open-master';
import { mapConcurrent } from '../replica/map-concurrent';

export interface SealingStats {
  residents: number;
  /** Keys derived with scrypt in this run (new residents, corrected numbers or names, or all after a KDF change). */
  derived: number;
  /** Records sealed afresh because their content changed or they are new. */
  resealed: number;
  /** Records republished unchanged from the cache. */
  reused: number;
}

const CHUNK = 1024;

interface PersonRow {
  id: number;
  idNumber: string;
  name: string;
}
interface PaymentRow {
  personId: number;
  programCode: string;
  period: string;
  quantityMilli: number | null;
  standardFen: number | null;
  amountFen: number;
  plannedDate: string;
  paidDate: string | null;
  status: 'paid' | 'pending' | 'failed';
  cardTail: string | null;
}
interface CachedRow {
  personId: number;
  keyFingerprint: string | null;
  tag: Buffer | null;
  key: Buffer | null;
  payloadSha256: Buffer | null;
  nonce: Buffer | null;
  ciphertext: Buffer | null;
}

/**
 * What a person's cached keys were derived from: the KDF parameters (salt included) and the KDF's password.
 * Stored in `sealing_keys.kdf_fingerprint` (named before the name joined the key); a fingerprint from before
 * then never matches, so the first publish re-derives.
 */
function keyFingerprint(kdf: string, person: { idNumber: string; name: string }): string {
  return createHash('sha256')
    .update(kdf)
    .update('\u0000')
    .update(kdfPassword(person))
    .digest('hex')
    .slice(0, 32);
}

function sealedPayment(p: PaymentRow): SealedPayment {
  const payment: SealedPayment = {
    programCode: p.programCode,
    period: p.period,
    amountFen: p.amountFen,
    plannedDate: p.plannedDate,
    paidDate: p.paidDate,
  };
  // Optional facts only when present, so records stay small.
  if (p.status === 'failed') payment.returned = true;
  if (p.quantityMilli !== null) payment.quantityMilli = p.quantityMilli;
  if (p.standardFen !== null) payment.standardFen = p.standardFen;
  if (p.cardTail !== null) payment.cardTail = p.cardTail;
  return payment;
}

export async function* sealFromMaster(
  db: MasterDatabase,
  kdf: KdfParams,
  stats: SealingStats,
  options: { concurrency?: number; onProgress?: (residents: number) => void } = {},
): AsyncGenerator<SealedRow[]> {
  const concurrency = options.concurrency ?? availableParallelism();
  const kdfJson = JSON.stringify(kdf);
  const persons = db.prepare(
    'SELECT id, id_number AS idNumber, name FROM persons WHERE id > ? ORDER BY id LIMIT ?',
  );
  const payments = db.prepare(
    `SELECT person_id AS personId, program_code AS programCode, period, quantity_milli AS quantityMilli,
            standard_fen AS standardFen, amount_fen AS amountFen, planned_date AS plannedDate,
            paid_date AS paidDate, status, card_tail AS cardTail
     FROM payments WHERE person_id BETWEEN ? AND ?
     ORDER BY person_id, planned_date, program_code, period, batch`,
  );
  const cached = db.prepare(
    `SELECT p.id AS personId, k.kdf_fingerprint AS keyFingerprint, k.tag, k.key,
            s.payload_sha256 AS payloadSha256, s.nonce, s.ciphertext
     FROM persons p LEFT JOIN sealing_keys k ON k.person_id = p.id LEFT JOIN sealed_rows s ON s.person_id = p.id
     WHERE p.id BETWEEN ? AND ?`,
  );
  const saveKeys = db.prepare(
    `INSERT INTO sealing_keys (person_id, kdf_fingerprint, tag, key) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id) DO UPDATE SET kdf_fingerprint = excluded.kdf_fingerprint, tag = excluded.tag,
       key = excluded.key`,
  );
  const saveRow = db.prepare(
    `INSERT INTO sealed_rows (person_id, payload_sha256, nonce, ciphertext) VALUES (?, ?, ?, ?)
     ON CONFLICT (person_id) DO UPDATE SET payload_sha256 = excluded.payload_sha256, nonce = excluded.nonce,
       ciphertext = excluded.ciphertext`,
  );

  let lastId = 0;
  for (;;) {
    const chunk = persons.all(lastId, CHUNK) as PersonRow[];
    if (chunk.length === 0) break;
    const first = chunk[0]!.id;
    lastId = chunk.at(-1)!.id;

    const byPerson = new Map<number, SealedPayment[]>();
    for (const p of payments.iterate(first, lastId) as Iterable<PaymentRow>) {
      let list = byPerson.get(p.personId);
      if (!list) byPerson.set(p.personId, (list = []));
      list.push(sealedPayment(p));
    }
    const cache = new Map((cached.all(first, lastId) as CachedRow[]).map((row) => [row.personId, row]));

    const rows = await mapConcurrent(chunk, concurrency, async (person) => {
      const payload: SealedPayload = {
        v: 1,
        idNumber: person.idNumber,
        name: person.name,
        payments: byPerson.get(person.id) ?? [],
      };
      const hash = createHash('sha256').update(JSON.stringify(payload)).digest();
      const hit = cache.get(person.id);
      const fingerprint = keyFingerprint(kdfJson, person);
      const keysCached = hit?.keyFingerprint === fingerprint && hit.tag !== null && hit.key !== null;
      if (keysCached && hit.payloadSha256?.equals(hash) && hit.nonce && hit.ciphertext) {
        stats.reused++;
        const row = { tag: hit.tag!, nonce: hit.nonce, ciphertext: hit.ciphertext };
        return { row, person, hash, fingerprint, fresh: null, reused: true };
      }
      let keys: RecordKeys;
      let fresh: RecordKeys | null = null;
      if (keysCached) keys = { tag: hit.tag!, key: hit.key! };
      else {
        keys = fresh = await deriveRecordKeys(person, kdf);
        stats.derived++;
      }
      stats.resealed++;
      return { row: sealRecord(keys, payload), person, hash, fingerprint, fresh, reused: false };
    });

    for (const { row, person, hash, fingerprint, fresh, reused } of rows) {
      if (fresh) saveKeys.run(person.id, fingerprint, fresh.tag, fresh.key);
      if (!reused) saveRow.run(person.id, hash, row.nonce, row.ciphertext);
    }
    stats.residents += chunk.length;
    options.onProgress?.(chunk.length);
    yield rows.map((r) => r.row);
  }
}
