/**
 * One sync pass in a process of its own, for the kill tests: prints `ready` once loaded, then the result as
 * JSON. The config (already resolved) comes as the first argument.
 */
import type { KioskConfig } from '../../kiosk-config/schema';
import { syncOnce } from '../../sync-agent/replica-sync/sync-once';

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as KioskConfig;
  process.stdout.write('ready\n');
  const started = performance.now();
  const result = await syncOnce(config);
  process.stdout.write(`${JSON.stringify({ ...result, ms: performance.now() - started })}\n`);
}

void main();
