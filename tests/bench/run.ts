/**
 * `npm run bench`: measured figures, printed as a table and written as JSON (never asserted in tests).
 * Usage: npm run bench [-- --only lookup,renderer,import,demo,publish,sync,journey] [--residents N]
 *        [--import-rows N] [--county-residents N] [--sync-residents N] [--journey-residents N] [--sessions N]
 *        (residents of the kiosk lookup replica; rows of the import CSV; residents of the demo county that is
 *        generated and published; residents of the synced county; sealed records behind the journey in Chromium,
 *        and its scripted sessions)
 * Run `npm run build` first for the renderer and journey figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchRow } from './bench-row';
import { demoBench } from './county-demo';
import { importBench } from './county-import';
import { publishBench } from './county-publish';
import { journeyBench } from './kiosk-journey';
import { lookupBench } from './kiosk-lookup';
import { rendererBench } from './renderer-size';
import { syncBench } from './sync-transfer';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    residents: { type: 'string', default: '10000' },
    'import-rows': { type: 'string', default: '100000' },
    'county-residents': { type: 'string', default: '100000' },
    'sync-residents': { type: 'string', default: '20000' },
    'journey-residents': { type: 'string', default: '1000000' },
    sessions: { type: 'string', default: '1000' },
  },
});
const residents = Number(values.residents);
const BENCHES: Record<string, () => Promise<BenchRow[]> | BenchRow[]> = {
  lookup: () => lookupBench({ residents }),
  renderer: () => rendererBench(),
  import: () => importBench({ rows: Number(values['import-rows']) }),
  demo: () => demoBench({ residents: Number(values['county-residents']) }),
  publish: () => publishBench({ residents: Number(values['county-residents']) }),
  sync: () => syncBench({ residents: Number(values['sync-residents']) }),
  journey: () =>
    journeyBench({ residents: Number(values['journey-residents']), sessions: Number(values.sessions) }),
};
const chosen = values.only ? values.only.split(',') : Object.keys(BENCHES);
const unknown = chosen.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`,
  );
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const name of chosen) rows.push(...(await BENCHES[name]!()));

const machine = `${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nhuimin-kiosk benchmarks — ${machine}\n`);
console.table(rows.map((row) => ({ ...row, value: Number(row.value.toFixed(row.unit === 'ms' ? 2 : 1)) })));
mkdirSync('.huimin/bench', { recursive: true });
const out = path.resolve('.huimin/bench/results.json');
writeFileSync(out, JSON.stringify({ machine, at: new Date().toISOString(), rows }, null, 2));
console.log(`JSON: ${out}`);
