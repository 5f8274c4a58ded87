/**
 * Seals residents' records in batches, deriving keys concurrently (scrypt runs on libuv's thread pool).
 * Batches keep memory flat for a county of a million; the caller decides where keys come from (derived
 * afresh, or from the county's cache).
 */
import { availableParallelism } from 'node:os';
import type { SealedPayload } from '../../domain/published/replica-format';
import { sealRecord, type RecordKeys, type SealedRow } from '../../domain/published/sealing.nodejs';
import { mapConcurrent } from './map-concurrent';

export const SEAL_BATCH_SIZE = 1024;

export async function* sealRecords(
  payloads: Iterable<SealedPayload>,
  keysFor: (payload: SealedPayload) => Promise<RecordKeys>,
  concurrency = availableParallelism(),
): AsyncGenerator<SealedRow[]> {
  let batch: SealedPayload[] = [];
  const flush = () =>
    mapConcurrent(batch, concurrency, async (payload) => sealRecord(await keysFor(payload), payload));
  for (const payload of payloads) {
    batch.push(payload);
    if (batch.length === SEAL_BATCH_SIZE) {
      yield await flush();
      batch = [];
    }
  }
  if (batch.length > 0) yield await flush();
}
