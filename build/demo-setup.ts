/**
 * `npm start`'s demo set-up: a synthetic county in its master database, the county's keys, the demo terminal
 * registered with its config written, and a publish. Every step looks at what is there first, so a set-up
 * cut off anywhere (a crash, Ctrl-C, a step that failed) is completed by the next start instead of wedging
 * it, and a complete one is only republished.
 *
 * It runs the built command lines (huimin-county, huimin-sync) and passes every value as `--name=value`:
 * a value that starts with '-' (a random token does, one time in 64) is then never read as an option.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DEMO_TERMINAL_ID = 'demo-01';
const DEMO_TERMINAL_SITE = '青山镇便民服务中心';

export interface DemoPaths {
  /** Holds `county/` and `terminal/`. */
  demoDir: string;
  countyDir: string;
  terminalDir: string;
  db: string;
  keys: string;
  /** The root document terminals pin; keygen writes it last, so it marks keys that are complete. */
  rootDocument: string;
  publishDir: string;
  /** The synthetic residents to try, written by `huimin-county demo` before its database. */
  people: string;
  config: string;
}

export function demoPaths(demoDir: string): DemoPaths {
  const countyDir = path.join(demoDir, 'county');
  const terminalDir = path.join(demoDir, 'terminal');
  const keys = path.join(countyDir, 'keys');
  return {
    demoDir,
    countyDir,
    terminalDir,
    db: path.join(countyDir, 'county.db'),
    keys,
    rootDocument: path.join(keys, 'roots', '1.root.json'),
    publishDir: path.join(countyDir, 'publish'),
    people: path.join(countyDir, 'people.json'),
    config: path.join(terminalDir, 'config.json'),
  };
}

export type Program = 'county' | 'sync-agent';

/**
 * Runs one of our command lines to the end. With `capture` it answers what the program printed on stdout
 * (for `--json` results); otherwise the program's output goes to the terminal. Throws when it fails.
 */
export type RunProgram = (program: Program, args: string[], capture?: boolean) => Promise<string>;

export class DemoSetupError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Runs `dist/<program>.cjs` with this Node. */
export function builtProgramRunner(dist: string): RunProgram {
  return (program, args, capture = false) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(dist, `${program}.cjs`), ...args], {
        stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
      });
      let stdout = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(stdout);
        else reject(new DemoSetupError(`${program} ${args[0] ?? ''} failed`, code ?? 1));
      });
    });
}

/** `--name=value`, never `--name value`. */
export function option(name: string, value: string): string {
  return `--${name}=${value}`;
}

/**
 * Folders for personal data are 0700 (the county's master database, the people list, keys, the terminal's
 * replica, outbox and receipts live below them). build/ links no code of the project, so this is not
 * domain/private-files.nodejs.ts; the programs it runs use that one for everything they create.
 */
function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Files an older version left 0644 are tightened; the programs tighten the databases they open. */
function tightenFile(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
}

export interface DemoSetupOptions {
  paths: DemoPaths;
  residents: string;
  seed: string;
  kdfCost: string;
  /** Where the terminal will find the county, e.g. http://127.0.0.1:8787. */
  countyUrl: string;
  run: RunProgram;
  log?: (line: string) => void;
}

async function demoTerminalRegistered(run: RunProgram, db: string): Promise<boolean> {
  const listed = JSON.parse(await run('county', ['terminals', 'list', option('db', db), '--json'], true)) as {
    terminals: { id: string }[];
  };
  return listed.terminals.some((terminal) => terminal.id === DEMO_TERMINAL_ID);
}

/** The county URL in an existing config, or null when there is no config (or not one we can read). */
function configuredCountyUrl(config: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(config, 'utf8')) as { county?: { baseUrl?: unknown } };
    return typeof parsed.county?.baseUrl === 'string' ? parsed.county.baseUrl : null;
  } catch {
    return null;
  }
}

export async function setUpDemo(options: DemoSetupOptions): Promise<void> {
  const { paths, run } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  for (const dir of [paths.demoDir, paths.countyDir, paths.terminalDir]) privateDir(dir);
  for (const file of [paths.people, `${paths.db}.anomalies.json`, paths.config]) tightenFile(file);

  // The demo writes the people list before it renames its database into place; a database without the list
  // was left by an older version cut off in between, and is built again.
  if (!existsSync(paths.db) || !existsSync(paths.people)) {
    log('Building the demo county (synthetic residents) …');
    await run('county', [
      'demo',
      option('db', paths.db),
      option('people', paths.people),
      option('residents', options.residents),
      option('seed', options.seed),
      option('kdf-cost', options.kdfCost),
      '--replace',
    ]);
  }

  // keygen completes a key set it left without a root document.
  const newKeys = !existsSync(paths.rootDocument);
  if (newKeys) await run('county', ['keygen', option('keys', paths.keys)]);

  // The terminal is registered before the publish, so the publication is made for it too. Its token exists
  // only in the config: when the config is missing (a set-up cut off after the registration) or unreadable,
  // names another county URL, pins keys that were just replaced, or belongs to a terminal a rebuilt county
  // no longer has, the token is made anew and the config written again.
  const registered = await demoTerminalRegistered(run, paths.db);
  if (!registered || newKeys || configuredCountyUrl(paths.config) !== options.countyUrl) {
    const issued = JSON.parse(
      await run(
        'county',
        registered
          ? ['terminals', 'rotate', option('db', paths.db), option('id', DEMO_TERMINAL_ID), '--json']
          : [
              ...['terminals', 'add', option('db', paths.db), option('id', DEMO_TERMINAL_ID)],
              ...[option('site', DEMO_TERMINAL_SITE), '--json'],
            ],
        true,
      ),
    ) as { token: string };
    await run('sync-agent', [
      'demo-config',
      option('dir', paths.terminalDir),
      option('county-url', options.countyUrl),
      option('token', issued.token),
      option('root', paths.rootDocument),
      option('out', paths.config),
    ]);
  }

  await run('county', [
    'publish',
    option('db', paths.db),
    option('keys', paths.keys),
    option('publish-dir', paths.publishDir),
  ]);
}
