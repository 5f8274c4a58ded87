/**
 * `npm start`: the whole demo on one machine. Writes a synthetic demo county's replica (once), then runs
 * the kiosk: in Electron where its binary is installed, otherwise in the browser host opened in Chromium.
 * It only spawns the built programs in dist/, so it depends on no part of the project's code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const demoDir = path.join(root, '.huimin', 'demo');

function electronBinary(): string | undefined {
  // The electron npm package records its binary's path in path.txt once `install-electron` has fetched it.
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

mkdirSync(demoDir, { recursive: true });
const replica = path.join(demoDir, 'replica.db');
if (!existsSync(replica)) {
  console.log('Writing the demo county (synthetic residents) …');
  const made = spawnSync(
    process.execPath,
    [path.join(dist, 'county.cjs'), 'demo-replica', '--out', replica],
    {
      stdio: 'inherit',
    },
  );
  if (made.status !== 0) process.exit(made.status ?? 1);
}
console.log(`Demo residents (synthetic) to try: ${replica}.people.json`);

const electron = electronBinary();
const child = electron
  ? spawn(electron, [path.join(dist, 'electron', 'main.cjs'), `--demo-dir=${demoDir}`], { stdio: 'inherit' })
  : spawn(process.execPath, [path.join(dist, 'browser-host.cjs'), '--demo-dir', demoDir, '--open'], {
      stdio: 'inherit',
    });
if (!electron)
  console.log(
    'No Electron binary here (run `npx install-electron` where the internet is reachable); using the browser host.',
  );
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
