/**
 * The sync agent against a real publication served by the real county server over HTTP: first the full
 * replica, then deltas, root rotation, and every attack or fault a terminal must refuse while the last good
 * replica stays in service.
 */
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  appendFileSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateKey } from '../../county/publish/root-chain';
import { syncOnce } from '../../sync-agent/replica-sync/sync-once';
import { readSyncState } from '../../sync-agent/replica-sync/sync-state';
import type { KioskConfig } from '../../kiosk-config/schema';
import {
  differingRows,
  integrityOf,
  opensSealedRecord,
  replicaVersion,
  startSyncCounty,
  terminalConfig,
  type SyncCounty,
} from '../faults/sync-county';

let county: SyncCounty;
let terminal: string;
let config: KioskConfig;

beforeAll(async () => {
  county = await startSyncCounty(60);
  await county.publish();
  terminal = mkdtempSync(join(tmpdir(), 'sync-terminal-'));
  config = terminalConfig(terminal, county);
});

afterAll(async () => {
  await county.close();
  rmSync(terminal, { recursive: true, force: true });
});

function workReplica(version: number): string {
  return join(`${county.publishDir}.work`, `replica-${version}.db`);
}

/** The replica still holds `version`, passes its integrity check and opens a resident's record. */
async function expectInService(version: number): Promise<void> {
  expect(replicaVersion(config.paths.replica)).toBe(version);
  expect(integrityOf(config.paths.replica)).toBe('ok');
  expect(await opensSealedRecord(config.paths.replica, 3)).toBe(true);
}

describe('a terminal syncing from the county', () => {
  it('takes the full replica first, then only the delta after a change', async () => {
    const first = await syncOnce(config);
    expect(first).toMatchObject({ outcome: 'updated', fromVersion: null, toVersion: 1 });
    await expectInService(1);
    expect(differingRows(config.paths.replica, workReplica(1))).toBe(0);

    county.change(0.1);
    const v2 = await county.publish();
    const second = await syncOnce(config);
    expect(second).toMatchObject({ outcome: 'updated', fromVersion: 1, toVersion: 2 });
    const delta = v2.deltas.find((d) => d.from === 1)!;
    expect(second.bytes).toBe(delta.length);
    expect(second.bytes).toBeLessThan(v2.full.length / 2);
    expect(differingRows(config.paths.replica, workReplica(2))).toBe(0);
    await expectInService(2);

    expect(await syncOnce(config)).toMatchObject({
      outcome: 'current',
      fromVersion: 2,
      toVersion: 2,
      bytes: 0,
    });
    expect(readSyncState(config.paths.syncState!)).toMatchObject({
      lastOutcome: 'current',
      lastError: null,
      dataVersion: 2,
    });
  });

  it('follows rotations of the online key and of the root key', async () => {
    rotateKey(county.keysDir, 'online', new Date(), 365);
    county.change(0.1);
    await county.publish();
    expect(await syncOnce(config)).toMatchObject({ outcome: 'updated', toVersion: 3 });
    rotateKey(county.keysDir, 'root', new Date(), 365);
    county.change(0.1);
    await county.publish();
    expect(await syncOnce(config)).toMatchObject({ outcome: 'updated', toVersion: 4 });
    await expectInService(4);
  });
});

/** A proxy to the county that cuts the first target download halfway, and notes every target request's Range. */
async function cuttingProxy(
  target: string,
): Promise<{ url: string; ranges: (string | null)[]; server: Server }> {
  const ranges: (string | null)[] = [];
  let cut = false;
  const server = createServer((incoming, outgoing) => {
    const isTarget = incoming.url?.startsWith('/publish/targets/') ?? false;
    if (isTarget) ranges.push(incoming.headers.range ?? null);
    const upstream = httpRequest(`${target}${incoming.url}`, { headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      if (!isTarget || cut) {
        response.pipe(outgoing);
        return;
      }
      cut = true;
      const half = Math.floor(Number(response.headers['content-length']) / 2);
      let sent = 0;
      response.on('data', (chunk: Buffer) => {
        if (sent >= half) return;
        const piece = chunk.subarray(0, Math.max(0, half - sent));
        sent += piece.length;
        const last = sent >= half;
        // Cut only once the half has reached the terminal, as a dropped connection would.
        outgoing.write(piece, () => {
          if (last) setTimeout(() => outgoing.socket?.destroy(), 50);
        });
        if (last) response.destroy();
      });
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return { url: `http://127.0.0.1:${address.port}`, ranges, server };
}

describe('an interrupted download', () => {
  it('resumes with a Range request and takes the data once', async () => {
    const proxy = await cuttingProxy(county.baseUrl);
    try {
      expect((await syncOnce(config)).outcome).toMatch(/^(updated|current)$/);
      const held = replicaVersion(config.paths.replica);
      county.change(0.5);
      const published = await county.publish();
      const delta = published.deltas.find((d) => d.from === held)!;
      const result = await syncOnce({ ...config, county: { ...config.county, baseUrl: proxy.url } });
      expect(result).toMatchObject({ outcome: 'updated', toVersion: held + 1 });
      expect(proxy.ranges).toHaveLength(2);
      expect(proxy.ranges[0]).toBeNull();
      expect(proxy.ranges[1]).toMatch(/^bytes=\d+-$/);
      expect(Number(/\d+/.exec(proxy.ranges[1]!)![0])).toBeGreaterThan(0);
      expect(result.bytes).toBe(delta.length);
      await expectInService(held + 1);
    } finally {
      proxy.server.closeAllConnections();
      await new Promise((resolve) => proxy.server.close(resolve));
    }
  });
});

describe('refusals keep the last good replica in service', () => {
  /** Publishes a change, spoils the target the terminal would fetch, and restores it afterwards. */
  async function withSpoiledTarget(spoil: (file: string) => void, expectReason: RegExp): Promise<void> {
    const held = replicaVersion(config.paths.replica);
    county.change(0.1);
    const file = (await county.publish()).deltas.find((d) => d.from === held)!.path;
    const original = readFileSync(file);
    spoil(file);
    const result = await syncOnce(config);
    expect(result).toMatchObject({ outcome: 'refused', fromVersion: held, toVersion: held });
    expect(result.reason).toMatch(expectReason);
    await expectInService(held);
    expect(readdirSync(join(config.paths.syncState!, 'downloads'))).toEqual([]);
    expect(readSyncState(config.paths.syncState!)?.lastError).toMatch(expectReason);
    writeFileSync(file, original);
    expect(await syncOnce(config)).toMatchObject({ outcome: 'updated', toVersion: held + 1 });
  }

  it('refuses a target with a flipped bit', async () => {
    await withSpoiledTarget((file) => {
      const bytes = readFileSync(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x10;
      writeFileSync(file, bytes);
    }, /does not match its signed length and SHA-256/);
  });

  it('refuses a truncated target', async () => {
    await withSpoiledTarget((file) => truncateSync(file, 100), /shorter than its signed length/);
  });

  it('refuses a target longer than its signed length', async () => {
    await withSpoiledTarget(
      (file) => appendFileSync(file, Buffer.alloc(4096, 7)),
      /longer than its signed length/,
    );
  });

  it('refuses an older timestamp (rollback)', async () => {
    const held = replicaVersion(config.paths.replica);
    const older = readFileSync(join(county.publishDir, 'timestamp.json'));
    county.change(0.1);
    await county.publish();
    const newer = readFileSync(join(county.publishDir, 'timestamp.json'));
    expect(await syncOnce(config)).toMatchObject({ outcome: 'updated', toVersion: held + 1 });
    writeFileSync(join(county.publishDir, 'timestamp.json'), older);
    const result = await syncOnce(config);
    expect(result).toMatchObject({ outcome: 'refused', toVersion: held + 1 });
    expect(result.reason).toMatch(/rollback/);
    await expectInService(held + 1);
    writeFileSync(join(county.publishDir, 'timestamp.json'), newer);
  });

  it('reports an expired publication as stale and keeps the data', async () => {
    const held = replicaVersion(config.paths.replica);
    const later = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const result = await syncOnce(config, { now: later });
    expect(result).toMatchObject({ outcome: 'stale', toVersion: held });
    expect(result.reason).toMatch(/expired/);
    await expectInService(held);
  });

  it('refuses a county whose root is not signed by the pinned key', async () => {
    const held = replicaVersion(config.paths.replica);
    const wrong = { keyId: 'someone-else', ed25519: Buffer.alloc(32, 9).toString('base64') };
    const result = await syncOnce({ ...config, trust: { publicKeys: [wrong] } });
    expect(result).toMatchObject({ outcome: 'refused', toVersion: held });
    expect(result.reason).toMatch(/not the ones pinned/);
    await expectInService(held);
  });
});
