/**
 * One sync pass in a process of its own, for the kill tests: prints `ready` once loaded, then `step <what>` at
 * each point of its progress — a request, its answer, each chunk of a body received, each change to a file
 * beside the replica (unpacking, applying, renaming) — and at the end the result as JSON. The parent kills
 * it at one of the steps, so a kill lands in the same work however slow the machine is. The config (already
 * resolved) comes as the first argument.
 */
import { watch } from 'node:fs';
import { dirname } from 'node:path';
import type { KioskConfig } from '../../kiosk-config/schema';
import { syncOnce } from '../../sync-agent/replica-sync/sync-once';

/** Pipes are written synchronously on Linux: the parent sees the line before the next step starts. */
const step = (what: string) => process.stdout.write(`step ${what}\n`);

/** The pass's own fetch, reporting each request, answer and chunk of body as it goes. */
const reportingFetch: typeof fetch = async (input, init) => {
  step('request');
  const response = await fetch(input, init);
  step('answer');
  if (!response.body) return response;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        step('chunk');
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as KioskConfig;
  const watcher = watch(dirname(config.paths.replica), (event) => step(`file-${event}`));
  process.stdout.write('ready\n');
  const started = performance.now();
  const result = await syncOnce(config, { fetch: reportingFetch });
  watcher.close();
  process.stdout.write(`${JSON.stringify({ ...result, ms: performance.now() - started })}\n`);
}

void main();
