/**
 * `huimin-county demo-replica`: a sealed replica of a small synthetic county written straight to a file, for
 * `npm start` and the end-to-end tests until the sync agent (issue 4) builds replicas from a publish.
 */
import { isValidLocalDate, shanghaiDate } from '../../domain/dates';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { DEFAULT_KDF_COST, TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import {
  EXIT,
  UsageError,
  integerOption,
  requiredOption,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { generateDemoCounty } from '../demo/generate';
import { demoReplicaContent } from '../replica/demo-content';
import { writeReplica } from '../replica/write-replica';

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
  --json                   print the result as JSON
  --help                   show this help`;

export const demoReplicaCommand: CountyCommand = {
  name: 'demo-replica',
  summary: 'write a sealed replica of a small synthetic county straight to a file (demos, tests)',
  usage: USAGE,
  options: {
    out: { type: 'string' },
    residents: { type: 'string' },
    seed: { type: 'string' },
    'kdf-cost': { type: 'string' },
    today: { type: 'string' },
  },
  async run({ values, output }) {
    const out = requiredOption(values, 'out');
    const residents = integerOption(values, 'residents', 300, 1, 1_000_000);
    const seed = integerOption(values, 'seed', 1, 0, 2 ** 32 - 1);
    const kdfCost = stringOption(values, 'kdf-cost') ?? 'default';
    if (kdfCost !== 'test' && kdfCost !== 'default')
      throw new UsageError("--kdf-cost must be 'test' or 'default'");
    const today = stringOption(values, 'today') ?? shanghaiDate(new Date());
    if (!isValidLocalDate(today)) throw new UsageError('--today must be a date as YYYY-MM-DD');

    const county = generateDemoCounty({ residents, seed, today });
    const cost = kdfCost === 'test' ? TEST_KDF_COST : DEFAULT_KDF_COST;
    const result = await writeReplica(
      out,
      demoReplicaContent(county, { kdf: createKdfParams(cost), dataVersion: 1, asOf: new Date() }),
    );

    const peopleFile = `${out}.people.json`;
    const people = {
      synthetic: true,
      note:
        'Synthetic residents of the demo county (region codes 3599xx are not assigned by GB/T 2260): ' +
        'for demos and tests only. Never copy this file to a terminal.',
      seed,
      today,
      residents: county.persons.map((p) => ({ idNumber: p.idNumber, name: p.name, birthDate: p.birthDate })),
    };
    // Owner-only: it lists residents by ID number.
    writeFileAtomically(peopleFile, `${JSON.stringify(people, null, 2)}\n`);

    const summary = {
      replica: out,
      people: peopleFile,
      residents: county.persons.length,
      sealedRecords: result.records,
      payments: county.payments.length,
      scryptN: cost.N,
    };
    if (values['json'] === true) output.out(JSON.stringify(summary));
    else
      output.out(
        `demo-replica: wrote ${out} (${county.persons.length} residents, ${result.records} sealed records, ` +
          `${county.payments.length} payments, scrypt N=${cost.N} ${kdfCost} cost) and ${peopleFile}`,
      );
    return EXIT.ok;
  },
};
