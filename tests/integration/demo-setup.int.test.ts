/**
 * `npm start`'s demo set-up (build/demo-setup.ts):
 * - run with the built command lines on real files under umask 022, then served and synced, it leaves every
 *   file that holds personal data or a secret 0600 in 0700 folders; a deployment whose files an earlier
 *   version made 0644 is tightened by the next start and sync;
 * - a terminal token that starts with '-' (one random token in 64) goes through to the config;
 * - a set-up cut off at any step is completed by the next one, never wedged ("terminal demo-01 already
 *   exists" was every later start's answer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DemoSetupError,
  builtProgramRunner,
  demoPaths,
  option,
  setUpDemo,
  type DemoPaths,
  type RunProgram,
} from '../../build/demo-setup';
import { captureOutput } from '../../county/cli/capture-output';
import { openMaster } from '../../county/master/open-master';
import { generateSigningKey } from '../../county/publish/signing-keys';
import { terminalByToken } from '../../county/server/terminal-registry';
import type * as TerminalTokens from '../../county/server/terminal-tokens';
import { runCountyCli } from '../../county/cli';
import { createVirtualPrinter } from '../../electron/devices/printer/virtual-printer';
import { loadKioskConfig } from '../../kiosk-config/load-config';
import { runSyncCli } from '../../sync-agent/cli/run-sync-cli';
import { BUNDLE_ENTRIES, BUNDLE_OPTIONS } from '../../build/bundle-entries';

// The county's token source, so a test can hand out the token it needs; random otherwise.
const nextTokens = vi.hoisted(() => [] as string[]);
vi.mock('../../county/server/terminal-tokens', async (importOriginal) => {
  const original = await importOriginal<typeof TerminalTokens>();
  return { ...original, newTerminalToken: () => nextTokens.shift() ?? original.newTerminalToken() };
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const SMALL = { residents: '30', seed: '7', kdfCost: 'test' } as const;

let dir: string;
let umask: number;

beforeAll(() => {
  // What a login shell or a service usually has: new files 0644 and folders 0755 unless the code says so.
  umask = process.umask(0o022);
  dir = mkdtempSync(join(tmpdir(), 'demo-setup-'));
});

afterAll(() => {
  process.umask(umask);
  rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string) => statSync(path).mode & 0o777;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** Runs the command lines in this process (so the token source above applies); `failAt` cuts the set-up. */
function inProcessRunner(failAt = Number.POSITIVE_INFINITY): RunProgram & { calls: string[] } {
  const calls: string[] = [];
  const run = async (program: string, args: string[]) => {
    calls.push(`${program} ${args.filter((arg) => !arg.startsWith('--')).join(' ')}`);
    if (calls.length === failAt) throw new DemoSetupError(`cut off before ${calls.at(-1)}`, 1);
    const output = captureOutput();
    const code = await (program === 'county' ? runCountyCli : runSyncCli)(args, output);
    if (code !== 0)
      throw new DemoSetupError(`${program} ${args[0]} failed: ${output.stderr.join('\n')}`, code);
    return output.stdout.join('\n');
  };
  return Object.assign(run, { calls });
}

/** The set-up is complete: the config loads and carries a token the county knows as demo-01's. */
function expectComplete(paths: DemoPaths): string {
  const config = loadKioskConfig(paths.config);
  const db = openMaster(paths.db, { readonly: true });
  try {
    expect(terminalByToken(db, config.accessToken)).toEqual({ kind: 'active', terminalId: 'demo-01' });
  } finally {
    db.close();
  }
  expect(existsSync(paths.people)).toBe(true);
  expect(existsSync(join(paths.publishDir, 'timestamp.json'))).toBe(true);
  return config.accessToken;
}

describe('a terminal token that starts with -', () => {
  it('is written to the config and accepted by the county', async () => {
    const token = `-${randomBytes(32).toString('base64url').slice(1)}`;
    nextTokens.push(token);
    const paths = demoPaths(join(dir, 'dash-token'));
    await setUpDemo({
      paths,
      ...SMALL,
      countyUrl: 'http://127.0.0.1:1',
      run: inProcessRunner(),
      log: () => {},
    });
    expect(expectComplete(paths)).toBe(token);
  });
});

describe('a set-up cut off', () => {
  it('at any step is completed by the next start', async () => {
    const complete = inProcessRunner();
    await setUpDemo({
      paths: demoPaths(join(dir, 'steps')),
      ...SMALL,
      countyUrl: 'http://127.0.0.1:1',
      run: complete,
      log: () => {},
    });
    const steps = complete.calls.length;
    expect(complete.calls).toContain('sync-agent demo-config');

    for (let cut = 1; cut <= steps; cut++) {
      const paths = demoPaths(join(dir, `cut-${cut}`));
      const options = { paths, ...SMALL, countyUrl: 'http://127.0.0.1:1', log: () => {} };
      // The token of the cut-off run starts with '-' too, as in the start that wedged.
      nextTokens.push(`-${randomBytes(32).toString('base64url').slice(1)}`);
      await expect(setUpDemo({ ...options, run: inProcessRunner(cut) })).rejects.toThrow(/cut off/);
      await setUpDemo({ ...options, run: inProcessRunner() });
      expectComplete(paths);
    }
  });

  it('inside keygen, after its first key, is completed by the next start', async () => {
    const paths = demoPaths(join(dir, 'half-keys'));
    const options = { paths, ...SMALL, countyUrl: 'http://127.0.0.1:1', log: () => {} };
    await expect(setUpDemo({ ...options, run: inProcessRunner(2) })).rejects.toThrow(/cut off/);
    // keygen had made its folder and one key when it was stopped.
    mkdirSync(paths.keys, { mode: 0o700 });
    generateSigningKey(paths.keys, 'root');
    await setUpDemo({ ...options, run: inProcessRunner() });
    expectComplete(paths);
  });

  it('after a county URL change, or a county built anew, writes a config that works with it', async () => {
    const paths = demoPaths(join(dir, 'moved'));
    const options = { paths, ...SMALL, log: () => {} };
    await setUpDemo({ ...options, countyUrl: 'http://127.0.0.1:1', run: inProcessRunner() });
    const first = expectComplete(paths);
    await setUpDemo({ ...options, countyUrl: 'http://127.0.0.1:2', run: inProcessRunner() });
    expect(loadKioskConfig(paths.config).county.baseUrl).toBe('http://127.0.0.1:2');
    expect(expectComplete(paths)).not.toBe(first);

    rmSync(paths.db);
    await setUpDemo({ ...options, countyUrl: 'http://127.0.0.1:2', run: inProcessRunner() });
    expectComplete(paths);
  });
});

describe('the files of npm start, a publish and a sync, under umask 022', () => {
  let dist: string;
  let paths: DemoPaths;
  let server: ChildProcess | undefined;
  let countyUrl: string;

  beforeAll(async () => {
    dist = join(dir, 'dist');
    // The two command lines npm start runs, bundled as build/bundle.ts bundles them.
    await Promise.all(
      ['county', 'sync-agent'].map((name) =>
        build({
          ...BUNDLE_OPTIONS,
          entryPoints: [join(ROOT, BUNDLE_ENTRIES[name]!)],
          outfile: join(dist, `${name}.cjs`),
          logLevel: 'error',
        }),
      ),
    );
    // The bundles sit outside the repository; their native modules come from its node_modules.
    process.env['NODE_PATH'] = join(ROOT, 'node_modules');
    paths = demoPaths(join(dir, 'demo'));
    countyUrl = `http://127.0.0.1:${await freePort()}`;
  }, 120_000);

  afterAll(() => stopServer());

  /** The built programs, their output kept from the test's. */
  const quietRunner = (): RunProgram => {
    const run = builtProgramRunner(dist);
    return (program, args) => run(program, args, true);
  };

  async function serve(): Promise<void> {
    server = spawn(
      process.execPath,
      [
        join(dist, 'county.cjs'),
        ...['serve', option('db', paths.db), option('publish-dir', paths.publishDir)],
        ...[option('port', new URL(countyUrl).port), option('log-level', 'warn'), '--json'],
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const child = server;
    await new Promise<void>((done, fail) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('"url"')) done();
      });
      child.on('exit', (code) => fail(new Error(`the county server ended (${code})`)));
    });
  }

  async function stopServer(): Promise<void> {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const ended = new Promise((done) => child.on('exit', done));
    child.kill('SIGTERM');
    await ended;
  }

  /** npm start up to its first sync, and a receipt printed by the demo terminal's virtual printer. */
  async function startAndSync(run: RunProgram): Promise<void> {
    await setUpDemo({ paths, ...SMALL, countyUrl, run, log: () => {} });
    await serve();
    await run('sync-agent', ['sync', option('config', paths.config)], true);
    const config = loadKioskConfig(paths.config);
    if (config.printer.kind !== 'virtual') throw new Error('the demo terminal prints to files');
    const printed = await createVirtualPrinter(config.printer.directory).deliver(
      { bytes: new TextEncoder().encode('张*明 3501**********123X\n'), preview: '张*明' },
      `job-${Date.now()}`,
    );
    expect(printed.printed).toBe(true);
  }

  /** Every file and folder below the demo folder, but for what is public on purpose. */
  function everything(): { dirs: string[]; files: string[] } {
    const publicDirs = [paths.publishDir, join(paths.keys, 'roots')];
    const dirs: string[] = [];
    const files: string[] = [];
    const walk = (at: string) => {
      dirs.push(at);
      for (const entry of readdirSync(at, { withFileTypes: true })) {
        const path = join(at, entry.name);
        if (publicDirs.includes(path)) continue;
        if (entry.isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk(paths.demoDir);
    return { dirs, files };
  }

  const named = () => ({
    dirs: [
      paths.demoDir,
      paths.countyDir,
      paths.terminalDir,
      paths.keys,
      `${paths.publishDir}.work`,
      join(paths.terminalDir, 'sync'),
      join(paths.terminalDir, 'sync', 'downloads'),
      join(paths.terminalDir, 'receipts'),
    ],
    files: [
      paths.db,
      // The server holds the master open in WAL mode while this runs.
      `${paths.db}-wal`,
      `${paths.db}-shm`,
      paths.people,
      `${paths.db}.anomalies.json`,
      join(paths.keys, 'root.pem'),
      join(paths.keys, 'online.pem'),
      paths.config,
      join(paths.terminalDir, 'replica.db'),
      join(paths.terminalDir, 'outbox.db'),
      join(paths.terminalDir, 'sync', 'state.json'),
    ],
  });

  function expectPrivate(which: { dirs: string[]; files: string[] }): void {
    const shown = (path: string) => relative(dir, path);
    const wrongDirs = which.dirs
      .filter((d) => modeOf(d) !== 0o700)
      .map((d) => `${shown(d)} ${modeOf(d).toString(8)}`);
    const wrongFiles = which.files
      .filter((f) => modeOf(f) !== 0o600)
      .map((f) => `${shown(f)} ${modeOf(f).toString(8)}`);
    expect(wrongDirs, 'folders that are not 0700').toEqual([]);
    expect(wrongFiles, 'files that are not 0600').toEqual([]);
  }

  it('makes every personal file 0600 in 0700 folders', async () => {
    try {
      await startAndSync(quietRunner());
      expect(readdirSync(join(paths.terminalDir, 'receipts')).length).toBeGreaterThan(0);
      const all = everything();
      for (const path of [...named().dirs, ...named().files])
        expect(all.dirs.concat(all.files)).toContain(path);
      expectPrivate(all);
    } finally {
      await stopServer();
    }
  }, 120_000);

  it('tightens the files of a deployment an earlier version made 0644 at the next start and sync', async () => {
    // What an earlier version left: every folder 0755 and every file 0644, but for the keys (always 0600 in a
    // 0700 folder).
    const { dirs, files } = everything();
    const notKeys = (path: string) => !path.startsWith(paths.keys);
    for (const d of dirs.filter(notKeys)) chmodSync(d, 0o755);
    for (const f of files.filter(notKeys)) chmodSync(f, 0o644);

    try {
      await startAndSync(quietRunner());
      expectPrivate(named());
    } finally {
      await stopServer();
    }
  }, 120_000);

  it('keeps the publish directory readable by the web server that may serve it', () => {
    const timestamp = join(paths.publishDir, 'timestamp.json');
    expect(readFileSync(timestamp, 'utf8')).toContain('signed');
    const unreadable = readdirSync(paths.publishDir, { recursive: true, encoding: 'utf8' })
      .map((name) => join(paths.publishDir, name))
      .filter((path) => (modeOf(path) & 0o044) !== 0o044);
    expect(unreadable, 'published files others cannot read').toEqual([]);
  });
});
