/**
 * `huimin-sync sync` and `status` through the CLI function, against the real publisher and county server on
 * 127.0.0.1: the replica arrives, queued complaints reach the county, the heartbeat is recorded, and a second
 * pass started while one runs is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput as capture } from '../../county/cli/capture-output';
import { runSyncCli } from '../../sync-agent/cli/run-sync-cli';
import { openOutbox } from '../../sync-agent/outbox/open-outbox';
import { replicaVersion, startSyncCounty, terminalConfig, type SyncCounty } from '../faults/sync-county';

let county: SyncCounty;
let dir: string;
let configFile: string;
let replica: string;
let outboxFile: string;

beforeAll(async () => {
  county = await startSyncCounty(6);
  // Registered before the publish, so the publish gives it the distribution key.
  const token = county.addTerminal('T-cli');
  await county.publish();
  dir = mkdtempSync(join(tmpdir(), 'huimin-sync-cli-'));
  const config = terminalConfig(dir, { ...county, token });
  replica = config.paths.replica;
  outboxFile = config.paths.outbox;
  configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
});

afterAll(async () => {
  await county.close();
  rmSync(dir, { recursive: true, force: true });
});

function complaintsAtCounty(): number {
  return county.db
    .prepare("SELECT count(*) FROM complaints WHERE terminal_id = 'T-cli'")
    .pluck()
    .get() as number;
}

describe('huimin-sync', () => {
  it('status before the first sync shows no data and the queued complaint', async () => {
    const outbox = openOutbox(outboxFile);
    outbox.enqueueComplaint({
      createdAt: new Date().toISOString(),
      category: 'missing',
      message: '补贴没有到账',
      contact: { name: '林秀英', phone: '13800138000' },
    });
    outbox.close();
    const output = capture();
    expect(await runSyncCli(['status', '--config', configFile, '--json'], output)).toBe(0);
    const status = JSON.parse(output.stdout.join('\n')) as Record<string, unknown>;
    expect(status).toMatchObject({ dataVersion: null, dataAsOf: null, lastSync: null, outbox: { depth: 1 } });
  });

  it('sync fetches the data, uploads the outbox and sends a heartbeat', async () => {
    const output = capture();
    expect(await runSyncCli(['sync', '--config', configFile, '--app-version', '1.2.3'], output)).toBe(0);
    const text = output.stdout.join('\n');
    expect(text).toContain('data: updated none → 1');
    expect(text).toContain('outbox: 1 sent');
    expect(text).toContain('heartbeat: sent');
    expect(complaintsAtCounty()).toBe(1);
    const heartbeat = county.db
      .prepare(
        "SELECT data_version, app_version, last_sync_succeeded_at IS NOT NULL AS synced FROM terminals WHERE id = 'T-cli'",
      )
      .get();
    expect(heartbeat).toEqual({ data_version: 1, app_version: '1.2.3', synced: 1 });
    expect(replicaVersion(replica)).toBe(1);
  });

  it('status then shows the version, its age and the successful attempt', async () => {
    const output = capture();
    expect(await runSyncCli(['status', '--config', configFile], output)).toBe(0);
    const text = output.stdout.join('\n');
    expect(text).toMatch(/data version: 1\n/);
    expect(text).toMatch(/data as of: {3}\d{4}-\d\d-\d\dT/);
    expect(text).toMatch(/last attempt: \S+ updated/);
    expect(text).toContain('outbox:       0 not acknowledged, 0 set aside');
  });

  it('refuses a second sync while one runs (exit 3)', async () => {
    county.change(0.5);
    await county.publish();
    const outputs = [capture(), capture()];
    const codes = await Promise.all(outputs.map((o) => runSyncCli(['sync', '--config', configFile], o)));
    expect(codes.sort()).toEqual([0, 3]);
    expect(outputs.flatMap((o) => o.stderr).join('\n')).toContain('another sync is running');
    const status = capture();
    await runSyncCli(['status', '--config', configFile, '--json'], status);
    expect(JSON.parse(status.stdout.join(''))).toMatchObject({ dataVersion: 2 });
  });

  it('reports a county it cannot reach as a failed pass (exit 1) and keeps the data', async () => {
    const unreachable = join(dir, 'unreachable.json');
    const config = terminalConfig(dir, county);
    // Port 9 (discard) has no listener: the connection is refused at once.
    const offline = { ...config, county: { ...config.county, baseUrl: 'http://127.0.0.1:9' } };
    writeFileSync(unreachable, JSON.stringify(offline));
    const output = capture();
    expect(await runSyncCli(['sync', '--config', unreachable, '--json'], output)).toBe(1);
    expect(JSON.parse(output.stdout.join(''))).toMatchObject({
      sync: { outcome: 'unreachable', toVersion: 2 },
    });
  });

  it('answers usage errors with exit 2 and --help with the command usage', async () => {
    const missing = capture();
    expect(await runSyncCli(['sync'], missing)).toBe(2);
    expect(missing.stderr.join('\n')).toContain('--config is required');
    const help = capture();
    expect(await runSyncCli(['run', '--help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('SIGUSR1');
    expect(await runSyncCli(['nonsense'], capture())).toBe(2);
  });
});
