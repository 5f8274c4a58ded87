import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCountyCli } from '../cli';
import { captureOutput } from '../cli/capture-output';
import { openMaster } from '../master/open-master';
import { addTerminal } from '../server/terminal-registry';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

let dir: string;
let db: string;
let publishDir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'county-serve-'));
  db = join(dir, 'county.db');
  publishDir = join(dir, 'publish');
  mkdirSync(publishDir);
  writeFileSync(join(publishDir, 'timestamp.json'), '{"signed":{"version":1}}');
  openMaster(db, { create: true }).close();
});

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  url: string;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Runs the real CLI in its own process, as county IT would, and waits for it to print its address. */
function serve(...args: string[]): Promise<Running> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'county/bin.ts', 'serve', ...args], { cwd: REPO });
  child = proc;
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout.push(...chunk.split('\n').filter(Boolean));
      const url = stdout.map((line) => /^serving (http:\S+)|"url":"(http:[^"]+)"/.exec(line)).find(Boolean);
      if (url) resolve({ url: url[1] ?? url[2]!, stdout, stderr, exited });
    });
    proc.stderr
      .setEncoding('utf8')
      .on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)));
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr.join('\n')}`)));
  });
}

describe('huimin-county serve', () => {
  it('serves health, heartbeats and the publish directory, then stops cleanly on SIGTERM', async () => {
    const master = openMaster(db);
    const { token } = addTerminal(master, { id: 'T-001', siteName: '城关镇' }, new Date());
    master.close();

    const running = await serve('--db', db, '--publish-dir', publishDir, '--port', '0');
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await (await fetch(`${running.url}api/v1/health`)).json()).toEqual({
      ok: true,
      latestVersion: null,
    });
    const heartbeat = await fetch(`${running.url}api/v1/heartbeat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        dataVersion: null,
        appVersion: '0.1.0',
        devices: { printer: 'ready', cardReader: 'ready' },
        at: new Date().toISOString(),
      }),
    });
    expect(heartbeat.status).toBe(200);
    const file = await fetch(`${running.url}publish/timestamp.json`);
    expect(file.headers.get('cache-control')).toBe('no-cache');

    child!.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.stdout.at(-1)).toBe('stopped on SIGTERM');
    const answered = running.stderr
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; route?: string; terminal?: string })
      .filter((line) => line.msg === 'answered');
    expect(answered.map((line) => line.route)).toEqual(['/api/v1/health', '/api/v1/heartbeat', '/publish/*']);
    expect(answered[1]?.terminal).toBe('T-001');
    expect(running.stderr.join('\n')).not.toContain(token);
  });

  it('finishes a download in flight before it stops', async () => {
    const big = Buffer.alloc(16 * 1024 * 1024, 7);
    writeFileSync(join(publishDir, `${'c'.repeat(64)}.big.bin`), big);
    const running = await serve('--db', db, '--publish-dir', publishDir, '--port', '0');
    const download = await fetch(`${running.url}publish/${'c'.repeat(64)}.big.bin`);
    expect(download.status).toBe(200);
    // The body is still unread (the server is held by back-pressure) when the signal comes.
    child!.kill('SIGTERM');
    expect((await download.arrayBuffer()).byteLength).toBe(big.length);
    expect(await running.exited).toBe(0);
  });

  it('stops on SIGINT (Ctrl-C) too, and prints its address as JSON with --json', async () => {
    const running = await serve('--db', db, '--publish-dir', publishDir, '--port', '0', '--json');
    expect(JSON.parse(running.stdout[0]!)).toEqual({ url: running.url, publishDir });
    child!.kill('SIGINT');
    expect(await running.exited).toBe(0);
  });

  it('refuses to start without a publish directory or with a bad option', async () => {
    const missing = captureOutput();
    const code = await runCountyCli(['serve', '--db', db, '--publish-dir', join(dir, 'nope')], missing);
    expect(code).toBe(1);
    expect(missing.stderr.join('\n')).toContain("run 'huimin-county publish' first");

    for (const args of [['--port', '70000'], ['--log-level', 'loud'], []]) {
      const io = captureOutput();
      const base =
        args.length === 0 ? ['serve', '--db', db] : ['serve', '--db', db, '--publish-dir', publishDir];
      expect(await runCountyCli([...base, ...args], io)).toBe(2);
      expect(io.stderr.join('\n')).toContain('Usage: huimin-county serve');
    }
  });
});
