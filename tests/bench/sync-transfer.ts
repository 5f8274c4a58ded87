/**
 * Sync: a fixture county published and synced to a terminal, then a 1% random change republished and synced
 * again. Measured: bytes on the wire for that second sync against rsync of the replica file v1 → v2 in the
 * same run (delta algorithm, local); the delta apply rate for the 1% and a 20% change; the p99 of lookups
 * (sealed record fetched and opened) on the terminal's replica while another process syncs a 20% change,
 * against idle.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fixtureIdNumber, fixtureName } from '../../county/publish/publish-fixture';
import type { PublishResult } from '../../county/publish/publish';
import { replicaMetaSchema } from '../../domain/published/replica-format';
import { deriveRecordKeys, openRecord, type RecordKeys } from '../../domain/published/sealing.nodejs';
import type { KioskConfig } from '../../kiosk-config/schema';
import type { FetchFunction } from '../../sync-agent/replica-sync/county-fetcher';
import { syncOnce } from '../../sync-agent/replica-sync/sync-once';
import { startSyncCounty, terminalConfig, type SyncCounty } from '../faults/sync-county';
import { percentile, type BenchRow } from './bench-row';

const LOOKUP_SAMPLE = 200;
const IDLE_LOOKUPS = 3000;

interface WireCounter {
  bytes: number;
}

/** Node's fetch, counting response status lines, headers and bodies as they arrive. */
function countingFetch(counter: WireCounter): FetchFunction {
  return async (input, init) => {
    const response = await fetch(input, init);
    counter.bytes += `HTTP/1.1 ${response.status} ${response.statusText}\r\n\r\n`.length;
    response.headers.forEach((value, name) => (counter.bytes += name.length + value.length + 4));
    if (response.body === null) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          counter.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** A sync pass in this process: bytes on the wire and the time the agent took to put the target in service. */
async function measuredSync(
  config: KioskConfig,
): Promise<{ bytes: number; targetBytes: number; applyMs: number }> {
  const counter: WireCounter = { bytes: 0 };
  const result = await syncOnce(config, { fetch: countingFetch(counter) });
  if (result.outcome !== 'updated') throw new Error(`bench sync ended ${result.outcome}: ${result.reason}`);
  return {
    bytes: counter.bytes,
    targetBytes: result.bytes,
    applyMs: result.applyMs ?? Number.NaN,
  };
}

/** Adds a fen to every payment of `share` of the residents, chosen at random. */
function changeAtRandom(county: SyncCounty, residents: number, share: number): void {
  county.db
    .prepare(
      `UPDATE payments SET amount_fen = amount_fen + 1
       WHERE person_id IN (SELECT id FROM persons ORDER BY random() LIMIT ?)`,
    )
    .run(Math.round(residents * share));
}

function deltaRows(result: PublishResult, from: number): number {
  const delta = result.deltas.find((d) => d.from === from);
  if (!delta) throw new Error(`no delta from ${from}`);
  return delta.puts + delta.deletes;
}

/** rsync's delta algorithm between two local directories: bytes it sent and received for `from` → `to`. */
function rsyncBytes(dir: string, from: string, to: string): { total: number; literal: number } {
  const src = path.join(dir, 'rsync-src');
  const dst = path.join(dir, 'rsync-dst');
  mkdirSync(src);
  mkdirSync(dst);
  copyFileSync(to, path.join(src, 'replica.db'));
  copyFileSync(from, path.join(dst, 'replica.db'));
  const stats = execFileSync(
    'rsync',
    ['-a', '--no-whole-file', '--ignore-times', '--stats', `${src}/`, `${dst}/`],
    {
      encoding: 'utf8',
    },
  );
  const figure = (label: string): number => {
    const match = new RegExp(`${label}: ([\\d,]+)`).exec(stats);
    if (!match?.[1]) throw new Error(`rsync --stats without "${label}"`);
    return Number(match[1].replaceAll(',', ''));
  };
  return {
    total: figure('Total bytes sent') + figure('Total bytes received'),
    literal: figure('Literal data'),
  };
}

/** Lookups as the app makes them: the record's row by tag, then opened; reopened when the file is replaced. */
async function lookupKeys(replica: string): Promise<RecordKeys[]> {
  const db = new Database(replica, { readonly: true, fileMustExist: true });
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  db.close();
  const { kdf } = replicaMetaSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  const keys: RecordKeys[] = [];
  for (let i = 1; i <= LOOKUP_SAMPLE; i++)
    keys.push(await deriveRecordKeys({ idNumber: fixtureIdNumber(i * 7), name: fixtureName(i * 7) }, kdf));
  return keys;
}

class ReplicaLookups {
  #db!: Database.Database;
  #inode = 0;
  #select!: Database.Statement;
  #next = 0;
  readonly latencies: number[] = [];

  constructor(
    private readonly replica: string,
    private readonly keys: RecordKeys[],
  ) {
    this.#open();
  }

  #open(): void {
    this.#db?.close();
    this.#db = new Database(this.replica, { readonly: true, fileMustExist: true });
    this.#inode = statSync(this.replica).ino;
    this.#select = this.#db.prepare('SELECT nonce, ciphertext FROM sealed_records WHERE tag = ?');
  }

  one(): void {
    const keys = this.keys[this.#next++ % this.keys.length]!;
    const start = performance.now();
    if (statSync(this.replica).ino !== this.#inode) this.#open();
    const row = this.#select.get(keys.tag) as { nonce: Buffer; ciphertext: Buffer } | undefined;
    if (!row || openRecord(keys, row) === null) throw new Error('bench resident not found');
    this.latencies.push(performance.now() - start);
  }

  close(): void {
    this.#db.close();
  }
}

/** Lookups in this process, yielding between them, for as long as a sync runs in a child process. */
async function lookupsDuringChildSync(lookups: ReplicaLookups, config: KioskConfig): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, '..', 'faults', 'sync-child.ts'),
      JSON.stringify(config),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    if (output.includes('ready')) lookups.one();
    await new Promise((resolve) => setImmediate(resolve));
  }
  if ((await exited) !== 0 || !output.includes('"outcome":"updated"')) {
    throw new Error(`bench child sync failed: ${output}`);
  }
}

function p99(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    99,
  );
}

export async function syncBench({ residents }: { residents: number }): Promise<BenchRow[]> {
  const county = await startSyncCounty(residents);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-sync-bench-'));
  try {
    const config = terminalConfig(path.join(dir, 'terminal'), county);
    const work = (version: number): string => path.join(`${county.publishDir}.work`, `replica-${version}.db`);
    const v1 = await county.publish();
    const full = await measuredSync(config);
    const data = `${residents} residents, ${v1.payments} payments`;

    changeAtRandom(county, residents, 0.01);
    const v2 = await county.publish();
    const daily = await measuredSync(config);
    const dailyRows = deltaRows(v2, v1.version);
    const rsync = rsyncBytes(dir, work(v1.version), work(v2.version));

    changeAtRandom(county, residents, 0.2);
    const v3 = await county.publish();
    const large = await measuredSync(config);
    const largeRows = deltaRows(v3, v2.version);

    const lookups = new ReplicaLookups(config.paths.replica, await lookupKeys(config.paths.replica));
    for (let i = 0; i < IDLE_LOOKUPS; i++) lookups.one();
    const idle = p99(lookups.latencies);
    lookups.latencies.length = 0;
    changeAtRandom(county, residents, 0.2);
    await county.publish();
    await lookupsDuringChildSync(lookups, config);
    const busy = p99(lookups.latencies);
    const busyCount = lookups.latencies.length;
    lookups.close();

    const replicaMiB = statSync(work(v2.version)).size / 2 ** 20;
    return [
      {
        measure: 'sync: first sync (full replica), on the wire',
        value: full.bytes / 1024,
        unit: 'KiB',
        data,
      },
      {
        measure: 'sync: 1% random change, on the wire',
        value: daily.bytes / 1024,
        unit: 'KiB',
        data: `${dailyRows} delta rows; ${(daily.targetBytes / 1024).toFixed(1)} KiB of it the delta, the rest metadata`,
      },
      {
        measure: 'sync: rsync of the replica file for the same change',
        value: rsync.total / 1024,
        unit: 'KiB',
        data: `${replicaMiB.toFixed(1)} MiB file, ${(rsync.literal / 1024).toFixed(0)} KiB literal`,
      },
      {
        measure: 'sync: rsync bytes / our bytes (goal ≥ 20)',
        value: rsync.total / daily.bytes,
        unit: 'ratio',
        data: 'same change, same run',
      },
      {
        measure: 'sync: delta apply rate, 1% change',
        value: dailyRows / (daily.applyMs / 1000),
        unit: 'rows/s',
        data: `${dailyRows} rows in ${daily.applyMs.toFixed(0)} ms (gunzip, apply, checks, fsync)`,
      },
      {
        measure: 'sync: delta apply rate, 20% change (goal ≥ 100k)',
        value: largeRows / (large.applyMs / 1000),
        unit: 'rows/s',
        data: `${largeRows} rows in ${large.applyMs.toFixed(0)} ms (gunzip, apply, checks, fsync)`,
      },
      { measure: 'sync: lookup p99, idle', value: idle, unit: 'ms', data: `${IDLE_LOOKUPS} lookups` },
      {
        measure: 'sync: lookup p99 while another process syncs a 20% change',
        value: busy,
        unit: 'ms',
        data: `${busyCount} lookups`,
      },
      { measure: 'sync: lookup p99 busy / idle (goal ≤ 2)', value: busy / idle, unit: 'ratio', data },
    ];
  } finally {
    await county.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
