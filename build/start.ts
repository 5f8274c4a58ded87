/**
 * `npm start`: the whole system on one machine (ARCHITECTURE.md, "How it starts"). A synthetic demo county in
 * the county's master database, signed and published; the county server serving it; this terminal's sync agent
 * pulling it into the replica and running on as a daemon; and the kiosk: in Electron where its binary is
 * installed, otherwise in the browser host opened in Chromium. What exists already is reused, so a second
 * start only republishes (cheap: keys and sealed records are cached) and syncs.
 * It only spawns the built programs in dist/, so it depends on no part of the project's code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DemoSetupError, builtProgramRunner, demoPaths, option, setUpDemo } from './demo-setup';

const USAGE = `usage: node dist/start.cjs [--dir DIR] [--residents N] [--seed N] [--kdf-cost default|test]
                          [--county-port N] [--kiosk-port N] [--headless]
  --dir DIR          where the demo county and the terminal keep their files (default .huimin/demo)
  --residents N      synthetic residents of a new demo county (default 300)
  --seed N           the demo generator's seed (default 1)
  --kdf-cost C       scrypt cost of the sealed records: default, or test (fast; for the end-to-end tests)
  --county-port N    the county server's port on 127.0.0.1 (default 8787)
  --kiosk-port N     the browser host's port on 127.0.0.1 (default 8788)
  --headless         open no window and never use Electron: the browser host only (the end-to-end tests)`;

const { values: options } = (() => {
  try {
    return parseArgs({
      options: {
        dir: { type: 'string', default: '.huimin/demo' },
        residents: { type: 'string', default: '300' },
        seed: { type: 'string', default: '1' },
        'kdf-cost': { type: 'string', default: 'default' },
        'county-port': { type: 'string', default: '8787' },
        'kiosk-port': { type: 'string', default: '8788' },
        headless: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const paths = demoPaths(path.resolve(root, options.dir));
const { db, publishDir, people, config } = paths;
const countyPort = options['county-port'];
const countyUrl = `http://127.0.0.1:${countyPort}`;

const county = (...args: string[]) => [path.join(dist, 'county.cjs'), ...args];
const agent = (...args: string[]) => [path.join(dist, 'sync-agent.cjs'), ...args];
const runProgram = builtProgramRunner(dist);

/** Waits for a step that runs built programs; one that fails ends `npm start` with its exit code. */
async function orExit(step: Promise<unknown>): Promise<void> {
  try {
    await step;
  } catch (error) {
    if (!(error instanceof DemoSetupError)) throw error;
    console.error(`npm start: ${error.message}`);
    // The county server may already run: the next start must not find it answering.
    stopAll(error.exitCode);
  }
}

function electronBinary(): string | undefined {
  // The electron npm package records its binary's path in path.txt once `install-electron` has fetched it.
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

async function countyAnswers(): Promise<boolean> {
  try {
    return (await fetch(`${countyUrl}/api/v1/health`)).ok;
  } catch {
    return false;
  }
}

const children: ChildProcess[] = [];
function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}

async function main(): Promise<void> {
  await orExit(
    setUpDemo({
      paths,
      residents: options.residents,
      seed: options.seed,
      kdfCost: options['kdf-cost'],
      countyUrl,
      run: runProgram,
    }),
  );

  if (await countyAnswers()) {
    console.error(`npm start: something already answers on ${countyUrl}; stop it first`);
    process.exit(1);
  }
  const server = spawn(
    process.execPath,
    county(
      'serve',
      ...[option('db', db), option('publish-dir', publishDir), option('port', countyPort)],
      option('log-level', 'warn'),
    ),
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  children.push(server);
  for (let waited = 0; !(await countyAnswers()); waited += 100) {
    if (waited > 15_000 || server.exitCode !== null) {
      console.error(`npm start: the county server did not come up on ${countyUrl}`);
      stopAll(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  console.log(`County server: ${countyUrl} (publish directory ${publishDir})`);

  // The first pass in the foreground, so the kiosk starts with data; then the agent keeps it current.
  await orExit(runProgram('sync-agent', ['sync', option('config', config)]));
  console.log(`Demo residents (synthetic) to try: ${people}`);

  const electron = options.headless ? undefined : electronBinary();
  // In Electron the main process keeps the agent running; beside the browser host, this script does.
  if (!electron) {
    children.push(
      spawn(process.execPath, agent('run', option('config', config), option('interval', '60')), {
        stdio: 'ignore',
      }),
    );
  }
  const kiosk = electron
    ? spawn(electron, [path.join(dist, 'electron', 'main.cjs'), `--config=${config}`], { stdio: 'inherit' })
    : spawn(
        process.execPath,
        [
          path.join(dist, 'browser-host.cjs'),
          ...[option('config', config), option('port', options['kiosk-port']), '--simulator-control'],
          ...(options.headless ? [] : ['--open']),
        ],
        { stdio: 'inherit' },
      );
  children.push(kiosk);
  if (!electron) {
    console.log(
      `Simulated card reader: curl -X POST -H 'content-type: application/json' ` +
        `-d '{"idNumber":"…","name":"…"}' http://127.0.0.1:${options['kiosk-port']}/simulator/card ` +
        '(and /simulator/lift)',
    );
  }
  if (!electron && !options.headless)
    console.log(
      'No Electron binary here (run `npx install-electron` where the internet is reachable); using the browser host.',
    );
  kiosk.on('exit', (code) => stopAll(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(0));
}

void main();
