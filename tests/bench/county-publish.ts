/**
 * Publish: a demo county of `residents` in a fresh master database (KDF at the test cost, as ARCHITECTURE.md
 * allows for benchmarks at scale), its first publish (every key derived), then a 1% change (one resident in a
 * hundred has a payment corrected) and the republish with its delta. The cost of one derivation at the
 * default cost is measured beside it, to scale the first publish to a real county.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCountyCli } from '../../county/cli';
import { captureOutput } from '../../county/cli/capture-output';
import { openMaster } from '../../county/master/open-master';
import { publish } from '../../county/publish/publish';
import { createKeys } from '../../county/publish/root-chain';
import { DEFAULT_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams, deriveRecordKeys } from '../../domain/published/sealing.nodejs';
import { percentile, timeMs, type BenchRow } from './bench-row';

const MiB = 2 ** 20;

export async function publishBench({ residents }: { residents: number }): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-publish-bench-'));
  try {
    const dbFile = path.join(dir, 'county.db');
    const io = captureOutput();
    const argv = [
      'demo',
      '--db',
      dbFile,
      '--residents',
      String(residents),
      '--seed',
      '1',
      '--kdf-cost',
      'test',
    ];
    if ((await runCountyCli([...argv, '--json'], io)) !== 0) throw new Error(io.stderr.join('\n'));

    const db = openMaster(dbFile);
    const payments = db.prepare('SELECT count(*) FROM payments').pluck().get() as number;
    const data = `${residents} residents, ${payments} payments`;
    const keysDir = path.join(dir, 'keys');
    const publishDir = path.join(dir, 'publish');
    createKeys(keysDir, new Date(), 365);

    let first!: Awaited<ReturnType<typeof publish>>;
    const firstMs = await timeMs(async () => {
      first = await publish({ db, keysDir, publishDir });
    });
    db.prepare(
      `UPDATE payments SET amount_fen = amount_fen + 100
       WHERE id IN (SELECT min(id) FROM payments WHERE person_id % 100 = 0 GROUP BY person_id)`,
    ).run();
    let second!: Awaited<ReturnType<typeof publish>>;
    const secondMs = await timeMs(async () => {
      second = await publish({ db, keysDir, publishDir, now: new Date(Date.now() + 60_000) });
    });
    db.close();
    const delta = second.deltas.find((d) => d.from === first.version);

    const defaultKdf = createKdfParams(DEFAULT_KDF_COST);
    const derivations: number[] = [];
    for (let i = 0; i < 10; i++) {
      derivations.push(
        await timeMs(() =>
          deriveRecordKeys(
            { idNumber: `35990119500101${String(1000 + i)}`.slice(0, 17) + 'X', name: '王秀英' },
            defaultKdf,
          ),
        ),
      );
    }
    derivations.sort((a, b) => a - b);
    const oneDefault = percentile(derivations, 50);

    return [
      { measure: 'first publish (scrypt N=2^10, every key derived)', value: firstMs / 1000, unit: 's', data },
      { measure: 'full replica, gzipped', value: first.full.length / MiB, unit: 'MiB', data },
      { measure: 'full replica, plain', value: first.full.replicaLength / MiB, unit: 'MiB', data },
      {
        measure: 'republish after a 1% change',
        value: secondMs / 1000,
        unit: 's',
        data: `${second.sealing.resealed} records resealed`,
      },
      {
        measure: 'delta for a 1% change, gzipped',
        value: (delta?.length ?? Number.NaN) / 1024,
        unit: 'KiB',
        data: `${delta?.puts ?? 0} rows put`,
      },
      {
        measure: 'one key derivation p50 (scrypt N=2^15 r=8 p=1)',
        value: oneDefault,
        unit: 'ms',
        data: 'default cost',
      },
      {
        measure: 'first publish at the default cost, estimated',
        value: (residents * oneDefault) / os.availableParallelism() / 3600_000,
        unit: 'h',
        data: `${residents} derivations on ${os.availableParallelism()} cores`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
