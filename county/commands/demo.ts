/**
 * `huimin-county demo`: builds a synthetic demo county into the master database, up to millions of residents,
 * and lists the anomalies planted in it. The county is built in a fresh file beside the target and renamed
 * over it when complete, so a failed or interrupted run leaves the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isValidLocalDate, shanghaiDate } from '../../domain/dates';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import {
  DB_OPTION,
  DB_USAGE,
  EXIT,
  UsageError,
  dbPath,
  integerOption,
  report,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { startProgress } from '../cli/progress';
import { isMasterEmpty, writeDemoCounty, type DemoWriteResult } from '../demo/write-master';
import { openMaster } from '../master/open-master';

export const MAX_DEMO_RESIDENTS = 2_000_000;

const USAGE = `Usage: huimin-county demo [options]

Builds a synthetic demo county (岚溪县, region codes 3599xx, which GB/T 2260 does not assign) into the
master database: townships, villages and village groups, households and residents, 15 programs with three
years of payments (some late, some pending, some never paid, some returned), rosters before and after each
disbursement, cadres and their declared relatives, village finances by month, the service guide and the
micro-power list. The same seed and day give the same county.

It plants anomalies for the pre-audit to find (deceased still paid, cadre relatives on 低保, one person paid
twice for a period, amounts over the standard, one card tail for many payees) and lists them, with the ID
numbers involved, in FILE.anomalies.json. All ID numbers are synthetic.

Options:
${DB_USAGE}
  --residents N            how many residents (default 2000, at most ${MAX_DEMO_RESIDENTS})
  --seed N                 seed of the generator (default 1)
  --today YYYY-MM-DD       the day the payments run up to (default: today in Asia/Shanghai)
  --kdf-cost test|default  scrypt cost recorded for sealed records ('test' is fast and weak; default: default)
  --anomalies FILE         where to list the planted anomalies (default: the database path + .anomalies.json)
  --people FILE            also write the first 1,000 residents (ID number, name, birth date) as JSON, for
                           demos and tests; plaintext, so never copy it to a terminal
  --replace                replace a master database that already holds data
  --json                   print the result as JSON
  --help                   show this help`;

/** Owner-only: the lists name residents by ID number. */
function writeJson(file: string, value: unknown): void {
  writeFileAtomically(file, `${JSON.stringify(value, null, 2)}\n`);
}

function holdsData(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = openMaster(file, { readonly: true });
  try {
    return !isMasterEmpty(db);
  } finally {
    db.close();
  }
}

/** Builds the county in a fresh file beside `target` and renames it over the target. */
function buildFresh(
  target: string,
  run: (db: ReturnType<typeof openMaster>) => DemoWriteResult,
): DemoWriteResult {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.building`);
  const db = openMaster(temp, { create: true });
  try {
    const result = run(db);
    db.close();
    for (const suffix of ['-wal', '-shm', '']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(temp, target);
    return result;
  } catch (error) {
    if (db.open) db.close();
    for (const suffix of ['-wal', '-shm', '']) rmSync(`${temp}${suffix}`, { force: true });
    throw error;
  }
}

export const demoCommand: CountyCommand = {
  name: 'demo',
  summary: 'build a synthetic demo county (up to millions of residents) into the master database',
  usage: USAGE,
  options: {
    ...DB_OPTION,
    residents: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    'kdf-cost': { type: 'string' },
    anomalies: { type: 'string' },
    people: { type: 'string' },
    replace: { type: 'boolean' },
  },
  async run(context) {
    const { values, output } = context;
    const residents = integerOption(values, 'residents', 2000, 1, MAX_DEMO_RESIDENTS);
    const seed = integerOption(values, 'seed', 1, 0, 2 ** 32 - 1);
    const today = stringOption(values, 'today') ?? shanghaiDate(new Date());
    if (!isValidLocalDate(today)) throw new UsageError('--today must be a date as YYYY-MM-DD');
    const kdfCost = stringOption(values, 'kdf-cost') ?? 'default';
    if (kdfCost !== 'test' && kdfCost !== 'default') {
      throw new UsageError("--kdf-cost must be 'test' or 'default'");
    }
    const target = dbPath(values);
    const anomaliesFile = stringOption(values, 'anomalies') ?? `${target}.anomalies.json`;
    const peopleFile = stringOption(values, 'people');

    if (values['replace'] !== true && holdsData(target)) {
      output.err(
        `huimin-county demo: ${target} already holds data; use --replace to build the demo county in its place`,
      );
      return EXIT.refused;
    }

    const about = {
      synthetic: true,
      note:
        'Synthetic residents of the demo county (region codes 3599xx are not assigned by GB/T 2260): ' +
        'for demos and tests only. Never copy this file to a terminal.',
      seed,
      today,
      residents,
    };
    const started = process.hrtime.bigint();
    const progress = startProgress(output, 'demo', residents, values['json'] === true);
    const result = buildFresh(target, (db) => {
      const written = writeDemoCounty(db, { residents, seed, today, kdfCost }, progress);
      // Before the county is renamed into place: a demo county that exists has its lists, so a run cut off
      // anywhere is simply run again (npm start goes by the database).
      writeJson(anomaliesFile, { ...about, anomalies: written.anomalies });
      if (peopleFile !== undefined) writeJson(peopleFile, { ...about, people: written.sample });
      return written;
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const { anomalies, sample, ...counts } = result;
    report(
      context,
      `demo: wrote ${target} in ${seconds.toFixed(1)} s: ${counts.residents} residents in ${counts.households} ` +
        `households, ${counts.payments} payments, ${counts.rosters} rosters, ${counts.cadres} cadres; ` +
        `${anomalies.length} planted anomalies listed in ${anomaliesFile}` +
        (peopleFile === undefined ? '' : `; ${sample.length} residents in ${peopleFile}`),
      {
        db: target,
        anomaliesFile,
        peopleFile: peopleFile ?? null,
        seed,
        today,
        kdfCost,
        seconds,
        counts,
        anomalies: anomalies.length,
      },
    );
    return EXIT.ok;
  },
};
