/**
 * Helper mode in a real runtime over a real replica: the demo config's PIN, the simulator's test card kept
 * away from the screen waiting for a card, the 'helper-assist' count in outbox.db, and a sync pass against a
 * county that is not there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../county/demo/generate';
import type { DemoCounty } from '../../county/demo/model';
import { demoReplicaContent } from '../../county/replica/demo-content';
import { writeReplica } from '../../county/replica/write-replica';
import { shanghaiDate } from '../../domain/dates';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { DEMO_HELPER_PIN, demoKioskConfig } from '../../kiosk-config/demo-config';
import { openOutbox } from '../../sync-agent/outbox/open-outbox';
import { createSimulatedCardReader } from '../../electron/devices/id-card/simulated-card-reader';
import { createKioskRuntime, type KioskRuntime } from '../../electron/api/create-runtime';

const NOW = new Date('2026-11-20T02:00:00Z');
let dir: string;
let county: DemoCounty;
let runtime: KioskRuntime;
let outboxFile: string;
const reader = createSimulatedCardReader({ readDelayMs: 10 });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-helper-'));
  county = generateDemoCounty({ residents: 20, seed: 9, today: '2026-11-20' });
  await writeReplica(
    path.join(dir, 'replica.db'),
    demoReplicaContent(county, { kdf: createKdfParams(TEST_KDF_COST), dataVersion: 4, asOf: NOW }),
  );
  const demo = demoKioskConfig(dir);
  // Port 9 (discard) refuses connections: a county that is not there.
  const config = { ...demo, county: { ...demo.county, baseUrl: 'http://127.0.0.1:9' } };
  outboxFile = config.paths.outbox;
  runtime = await createKioskRuntime(config, { now: () => NOW, reader });
}, 30_000);

afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

async function unlock(): Promise<string> {
  const result = await runtime.handlers.helperUnlock({ pin: DEMO_HELPER_PIN });
  if (result.status !== 'unlocked') throw new Error(`expected unlocked, got ${result.status}`);
  return result.token;
}

describe('helper mode in the runtime', () => {
  it('unlocks with the demo PIN and shows the terminal’s state', async () => {
    expect(await runtime.handlers.helperUnlock({ pin: '000000' })).toEqual({
      status: 'wrong',
      attemptsLeft: 4,
    });
    const status = await runtime.handlers.helperStatus({ token: await unlock() });
    if (status.status !== 'ok') throw new Error('expected ok');
    expect(status.devices.cardReader).toBe('ready');
    expect(status.sync).toMatchObject({ dataVersion: 4, outboxDepth: 0 });
    expect(status.canExitToMaintenance).toBe(false);
  });

  it('reads the test card while the screen waits for a card, and the screen gets no card', async () => {
    const token = await unlock();
    const before = await runtime.handlers.waitForCard({ after: 0 });
    const screen = runtime.handlers.waitForCard({ after: before.seq });
    expect(await runtime.handlers.helperTestCard({ token })).toEqual({ status: 'read', simulated: true });
    expect((await screen).card).toBeNull();
    // Nothing is left over for the next wait either.
    const after = await runtime.handlers.waitForCard({ after: 0 });
    expect(after.card).toBeNull();
  });

  it('counts an assisted session once in outbox.db, without anything about the person', async () => {
    const token = await unlock();
    const person = county.persons[0]!;
    const found = await runtime.handlers.lookupResident({ idNumber: person.idNumber, name: person.name });
    if (found.status !== 'found') throw new Error('expected found');
    const { sessionId } = found.resident;
    expect(await runtime.handlers.helperMarkAssisted({ token, sessionId })).toEqual({ status: 'counted' });
    expect(await runtime.handlers.helperMarkAssisted({ token, sessionId })).toEqual({
      status: 'already-counted',
    });
    const outbox = openOutbox(outboxFile);
    try {
      const counts = outbox.unreportedCounts(shanghaiDate(NOW)).filter((c) => c.kind === 'helper-assist');
      expect(counts).toEqual([{ day: shanghaiDate(NOW), kind: 'helper-assist', count: 1 }]);
    } finally {
      outbox.close();
    }
    await runtime.handlers.endSession({ sessionId });
    expect(await runtime.handlers.helperMarkAssisted({ token, sessionId })).toEqual({ status: 'no-session' });
  });

  it('runs a sync pass now and says the county could not be reached', async () => {
    const token = await unlock();
    expect(await runtime.handlers.helperSyncNow({ token })).toEqual({
      status: 'failed',
      reason: 'unreachable',
    });
    const status = await runtime.handlers.helperStatus({ token });
    expect(status.status === 'ok' && status.sync?.lastOutcome).toBe('unreachable');
  }, 30_000);
});
