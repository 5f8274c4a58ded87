/**
 * The county command line. For now one command: write a demo replica (a synthetic county, sealed) and a
 * list of its synthetic residents for demos and tests. Exit codes: 0 ok, 1 failure, 2 usage error.
 */
import { writeFile } from 'node:fs/promises';
import { isValidLocalDate, shanghaiDate } from '../domain/dates';
import { DEFAULT_KDF_COST, TEST_KDF_COST } from '../domain/published/replica-format';
import { createKdfParams } from '../domain/published/sealing.nodejs';
import { generateDemoCounty } from './demo/generate';
import { writeReplica } from './replica/write-replica';

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const USAGE = `Usage: huimin-county demo-replica --out FILE [options]

Writes a replica of a synthetic demo county (region codes 3599xx, unassigned by GB/T 2260) and, beside it,
FILE.people.json listing the synthetic residents (ID number, name, birth date) for demos and tests.
The people list is plaintext: never copy it to a terminal.

Options:
  --out FILE               the replica to write (replaced atomically)
  --residents N            how many residents (default 300)
  --seed N                 seed of the generator; the same seed and day give the same county (default 1)
  --kdf-cost test|default  scrypt cost: 'test' is fast and weak, 'default' is what a county publishes
                           (default: default)
  --today YYYY-MM-DD       the day the payments run up to (default: today in Asia/Shanghai)
  --help                   show this help`;

interface DemoReplicaArgs {
  out: string;
  residents: number;
  seed: number;
  kdfCost: 'test' | 'default';
  today: string;
}

class UsageError extends Error {}

function integerOption(name: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  }
  return Number(text);
}

function parseDemoReplicaArgs(args: readonly string[]): DemoReplicaArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unexpected argument: ${arg}`);
    const name = match[1] ?? '';
    if (!['out', 'residents', 'seed', 'kdf-cost', 'today'].includes(name)) {
      throw new UsageError(`unknown option: --${name}`);
    }
    const value = match[2] ?? args[++i];
    if (value === undefined || (match[2] === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    values.set(name, value);
  }
  const out = values.get('out');
  if (!out) throw new UsageError('--out FILE is required');
  const kdfCost = values.get('kdf-cost') ?? 'default';
  if (kdfCost !== 'test' && kdfCost !== 'default')
    throw new UsageError("--kdf-cost must be 'test' or 'default'");
  const today = values.get('today') ?? shanghaiDate(new Date());
  if (!isValidLocalDate(today)) throw new UsageError('--today must be a date as YYYY-MM-DD');
  return {
    out,
    residents: integerOption('residents', values.get('residents') ?? '300', 1, 1_000_000),
    seed: integerOption('seed', values.get('seed') ?? '1', 0, 2 ** 32 - 1),
    kdfCost,
    today,
  };
}

async function demoReplica(args: DemoReplicaArgs, output: CliOutput): Promise<void> {
  const county = generateDemoCounty({ residents: args.residents, seed: args.seed, today: args.today });
  const cost = args.kdfCost === 'test' ? TEST_KDF_COST : DEFAULT_KDF_COST;
  const kdf = createKdfParams(cost);
  const result = await writeReplica(args.out, county, { kdf, dataVersion: 1, asOf: new Date() });

  const peopleFile = `${args.out}.people.json`;
  const people = {
    synthetic: true,
    note:
      'Synthetic residents of the demo county (region codes 3599xx are not assigned by GB/T 2260): ' +
      'for demos and tests only. Never copy this file to a terminal.',
    seed: args.seed,
    today: args.today,
    residents: county.persons.map((p) => ({ idNumber: p.idNumber, name: p.name, birthDate: p.birthDate })),
  };
  await writeFile(peopleFile, `${JSON.stringify(people, null, 2)}\n`, 'utf8');

  output.out(
    `demo-replica: wrote ${args.out} (${result.residents} residents, ${result.records} sealed records, ` +
      `${county.payments.length} payments, scrypt N=${cost.N} ${args.kdfCost} cost) and ${peopleFile}`,
  );
}

/** Runs the CLI with the arguments after the script name; resolves to the exit code. */
export async function runCountyCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? output.err : output.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(USAGE);
    return 0;
  }
  if (command !== 'demo-replica') {
    output.err(`huimin-county: unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  let args: DemoReplicaArgs;
  try {
    args = parseDemoReplicaArgs(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`huimin-county: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    await demoReplica(args, output);
    return 0;
  } catch (error) {
    output.err(
      `huimin-county: demo-replica failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}
