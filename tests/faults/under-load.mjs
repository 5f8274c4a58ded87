/**
 * Runs the fault tests (tests/faults) with busy CPU loops beside them, as on a machine CI shares with other
 * work: `node tests/faults/under-load.mjs` (4 loops), `LOOPS=8 node tests/faults/under-load.mjs`, and any
 * arguments go to Vitest (`SEED=22793 node tests/faults/under-load.mjs tests/faults/outbox-kill.int.test.ts`).
 * The loops are this script's own child processes and end with it, Ctrl-C included.
 */
import { spawn } from 'node:child_process';

const loops = Number(process.env.LOOPS ?? 4);
const busy = Array.from({ length: loops }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopLoops = () => {
  for (const loop of busy) loop.kill('SIGKILL');
};
process.on('exit', stopLoops);

const args = process.argv.slice(2);
console.log(`fault tests beside ${loops} busy CPU loops`);
const tests = spawn('npx', ['vitest', 'run', ...(args.length > 0 ? args : ['tests/faults'])], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => tests.kill(signal));
tests.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
