/**
 * Lookup: card/number → opened record through the real handler over a real replica, at the test KDF cost for
 * the bulk of the file, with the cost of one derivation at the default cost measured beside it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemoCounty } from '../../county/demo/generate';
import { demoReplicaContent } from '../../county/replica/demo-content';
import { writeReplica } from '../../county/replica/write-replica';
import { DEFAULT_KDF_COST, TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { createKioskRuntime } from '../../electron/api/create-runtime';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import { derivationTimesMs, percentile, timeMs, type BenchRow as Row } from './bench-row';

export async function lookupBench({ residents }: { residents: number }): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-bench-'));
  const county = generateDemoCounty({ residents, seed: 3, today: '2026-11-20' });
  const writeMs = await timeMs(() =>
    writeReplica(
      path.join(dir, 'replica.db'),
      demoReplicaContent(county, { kdf: createKdfParams(TEST_KDF_COST), dataVersion: 1, asOf: new Date() }),
    ),
  );
  const runtime = await createKioskRuntime(demoKioskConfig(dir));
  const sample = county.persons.filter((_, i) => i % Math.max(1, Math.floor(residents / 300)) === 0);
  const lookups: number[] = [];
  for (const person of sample) {
    lookups.push(
      await timeMs(async () => {
        const found = await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: person.name });
        if (found.status !== 'found') throw new Error('bench resident not found');
        await runtime.handlers.endSession({ sessionId: found.resident.sessionId });
      }),
    );
  }
  await runtime.close();
  lookups.sort((a, b) => a - b);

  const derivations = await derivationTimesMs(createKdfParams(DEFAULT_KDF_COST), sample, 15);
  // Everything a lookup costs besides its one derivation: the B-tree search, opening and checking the record,
  // the views, the session (issue 10's "the rest", on the main-process side).
  const testDerivation = percentile(await derivationTimesMs(createKdfParams(TEST_KDF_COST), sample, 100), 50);
  const rest = lookups.map((ms) => ms - testDerivation);

  const data = `${residents} residents, ${county.payments.length} payments`;
  const cost = (c: typeof TEST_KDF_COST) => `scrypt N=2^${Math.log2(c.N)} r=${c.r} p=${c.p}`;
  return [
    { measure: `replica write (${cost(TEST_KDF_COST)})`, value: writeMs, unit: 'ms', data },
    { measure: `lookup p50 (${cost(TEST_KDF_COST)})`, value: percentile(lookups, 50), unit: 'ms', data },
    { measure: `lookup p99 (${cost(TEST_KDF_COST)})`, value: percentile(lookups, 99), unit: 'ms', data },
    {
      measure: 'lookup less its derivation, p50',
      value: percentile(rest, 50),
      unit: 'ms',
      data: `less ${testDerivation.toFixed(2)} ms (${cost(TEST_KDF_COST)})`,
    },
    { measure: 'lookup less its derivation, p95', value: percentile(rest, 95), unit: 'ms', data },
    {
      measure: `one key derivation p50 (${cost(DEFAULT_KDF_COST)})`,
      value: percentile(derivations, 50),
      unit: 'ms',
      data: 'default cost',
    },
  ];
}
