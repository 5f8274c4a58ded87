/**
 * The publication works through any static host: Debian's nginx serves a real publish directory (no county
 * server involved) and a terminal syncs from it, first the full replica, then the delta after a republish;
 * the same files fetched from nginx without a terminal's token give nothing readable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedFiles, readableWithoutToken } from '../../county/publish/publish-fixture';
import { syncOnce } from '../../sync-agent/replica-sync/sync-once';
import type { KioskConfig } from '../../kiosk-config/schema';
import {
  differingRows,
  integrityOf,
  opensSealedRecord,
  startSyncCounty,
  terminalConfig,
  type SyncCounty,
} from '../faults/sync-county';

const NGINX = '/usr/sbin/nginx';

let county: SyncCounty;
let nginxDir: string;
let nginx: ChildProcess | undefined;
let terminal: string;
let config: KioskConfig;
let nginxUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Starts nginx in the foreground as this user, with every path it writes inside `dir`. */
async function startNginx(dir: string, publishDir: string): Promise<string> {
  const port = await freePort();
  const temp = join(dir, 'temp');
  mkdirSync(temp);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off;
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${temp}/client;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  types { application/json json; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${port};
    location /publish/ { alias ${publishDir}/; }
  }
}
`,
  );
  nginx = spawn(NGINX, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${baseUrl}/publish/root.json`);
      return baseUrl;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not answer on ${baseUrl}: ${stderr}`);
}

beforeAll(async () => {
  if (!existsSync(NGINX)) {
    throw new Error(
      `${NGINX} is missing: run as root \`apt-get install -y nginx\` (or node tests/system-packages.mjs)`,
    );
  }
  county = await startSyncCounty(60);
  // Only the publish directory is used; the county server stays idle.
  await county.publish();
  nginxDir = mkdtempSync(join(tmpdir(), 'sync-nginx-'));
  nginxUrl = await startNginx(nginxDir, county.publishDir);
  terminal = mkdtempSync(join(tmpdir(), 'sync-terminal-'));
  config = terminalConfig(terminal, { ...county, baseUrl: nginxUrl });
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGTERM');
    await exited;
  }
  await county?.close();
  for (const dir of [nginxDir, terminal]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a terminal syncing from a publish directory served by nginx', () => {
  it('takes the full replica first, then only the delta after a republish', async () => {
    const first = await syncOnce(config);
    expect(first).toMatchObject({ outcome: 'updated', fromVersion: null, toVersion: 1 });
    expect(integrityOf(config.paths.replica)).toBe('ok');
    expect(await opensSealedRecord(config.paths.replica, 3)).toBe(true);

    county.change(0.1);
    const v2 = await county.publish();
    const second = await syncOnce(config);
    expect(second).toMatchObject({ outcome: 'updated', fromVersion: 1, toVersion: 2 });
    expect(second.bytes).toBe(v2.deltas.find((d) => d.from === 1)!.length);
    expect(differingRows(config.paths.replica, join(`${county.publishDir}.work`, 'replica-2.db'))).toBe(0);
    expect(integrityOf(config.paths.replica)).toBe('ok');
    const log = readFileSync(join(nginxDir, 'access.log'), 'utf8');
    expect(log).toMatch(/GET \/publish\/targets\/\w+\.distribution-keys\.json/);
    expect(log).toMatch(/GET \/publish\/targets\/\w+\.delta-from-1\.db\.gz\.enc/);

    expect(await syncOnce(config)).toMatchObject({ outcome: 'current', toVersion: 2 });
  });

  it('gives nothing readable to a fetch without a token', async () => {
    const files = publishedFiles(county.publishDir);
    expect(files.some((name) => name.endsWith('.replica.db.gz.enc'))).toBe(true);
    for (const name of files) {
      const response = await fetch(`${nginxUrl}/publish/${name}`);
      expect(response.status, name).toBe(200);
      expect(readableWithoutToken(Buffer.from(await response.arrayBuffer())), name).toBe(false);
    }
  });
});
