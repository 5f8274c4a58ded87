/**
 * Benchmark of `huimin-county demo`: the time to build a demo county into a fresh master database, the rows
 * written, the file's size and the peak memory. The demo runs in a child process (this file, with
 * `--child`), so the peak RSS is the demo's own and not whatever the bench process did before.
 * Standalone: npx tsx tests/bench/county-demo.ts [--residents N]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runCountyCli } from '../../county/cli';
import { captureOutput } from '../../county/cli/capture-output';
import type { BenchRow } from './bench-row';

interface ChildReport {
  seconds: number;
  counts: { residents: number; payments: number; rosterEntries: number; households: number };
  maxRssKiB: number;
}

const TODAY = '2026-11-20';

async function runChild(db: string, residents: number): Promise<void> {
  const io = captureOutput();
  const code = await runCountyCli(
    ['demo', '--db', db, '--residents', String(residents), '--seed', '1', '--today', TODAY, '--kdf-cost', 'test', '--json'], // prettier-ignore
    io,
  );
  if (code !== 0) throw new Error(`demo exited ${code}: ${io.stderr.join('\n')}`);
  const summary = JSON.parse(io.stdout.join('')) as Omit<ChildReport, 'maxRssKiB'>;
  const report: ChildReport = { ...summary, maxRssKiB: process.resourceUsage().maxRSS };
  process.stdout.write(JSON.stringify(report));
}

function spawnChild(db: string, residents: number): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--child', db, '--residents', String(residents)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the demo bench child exited ${code}`));
      else resolve(JSON.parse(out) as ChildReport);
    });
  });
}

export async function demoBench(options: { residents: number }): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-bench-demo-'));
  try {
    const db = path.join(dir, 'county.db');
    const report = await spawnChild(db, options.residents);
    const { counts } = report;
    const data = `${counts.residents} residents, ${counts.payments} payments`;
    return [
      { measure: 'demo county build (huimin-county demo)', value: report.seconds, unit: 's', data },
      { measure: 'demo rows: persons', value: counts.residents, unit: 'rows', data },
      { measure: 'demo rows: payments', value: counts.payments, unit: 'rows', data },
      { measure: 'demo rows: roster entries', value: counts.rosterEntries, unit: 'rows', data },
      { measure: 'demo payments written per second', value: counts.payments / report.seconds, unit: 'rows/s', data }, // prettier-ignore
      { measure: 'demo master database size', value: statSync(db).size / 2 ** 20, unit: 'MiB', data },
      { measure: 'demo peak RSS', value: report.maxRssKiB / 1024, unit: 'MiB', data },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { child: { type: 'string' }, residents: { type: 'string', default: '100000' } },
  });
  const residents = Number(values.residents);
  if (values.child !== undefined) {
    await runChild(values.child, residents);
  } else {
    const rows = await demoBench({ residents });
    console.table(rows.map((row) => ({ ...row, value: Number(row.value.toFixed(1)) })));
  }
}
