/** One measured figure of `npm run bench`, and the small timing helpers every benchmark module shares. */
import type { KdfParams } from '../../domain/published/replica-format';
import { deriveRecordKeys, type RecordIdentity } from '../../domain/published/sealing.nodejs';

export interface BenchRow {
  measure: string;
  value: number;
  unit: string;
  /** What it was measured on: data size, cost setting, or the peer tool. */
  data: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function timeMs(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** `count` key derivations for `people` in turn, one at a time, sorted (ms). */
export async function derivationTimesMs(
  kdf: KdfParams,
  people: readonly RecordIdentity[],
  count: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++)
    times.push(await timeMs(() => deriveRecordKeys(people[i % people.length]!, kdf)));
  return times.sort((a, b) => a - b);
}
