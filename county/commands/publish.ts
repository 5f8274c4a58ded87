/** `huimin-county publish`: a new signed data version for the terminals. */
import {
  DB_OPTION,
  DB_USAGE,
  EXIT,
  dbPath,
  integerOption,
  report,
  requiredOption,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { startProgress } from '../cli/progress';
import { openMaster } from '../master/open-master';
import { publish, PublishError } from '../publish/publish';
import { SigningKeyError } from '../publish/signing-keys';
import { PublicationError } from '../publish/verify-publication';

const USAGE = `Usage: huimin-county publish --keys DIR --publish-dir DIR [options]

Builds the next data version from the master database and writes it to the publish directory: a full
replica and deltas from recent versions, gzipped and encrypted under the county's distribution key
(content-addressed, never changed afterwards), the key wrapped for every terminal registered and not revoked
(distribution-keys.json), then signed metadata (TUF: root, targets, snapshot, timestamp). timestamp.json is
replaced last, so terminals see the previous publication or the whole new one. Everything is verified from
disk before it goes live; then data files no publication names any more are deleted.
Residents' records are sealed; only residents new since the last publish cost a key derivation.
A terminal registered after this publish can read data from the next one.

Options:
${DB_USAGE}
  --keys DIR           the keys (from 'huimin-county keygen'): online.pem and the distribution keys; a
                       distribution key is made here when there is none
  --publish-dir DIR    the directory any static web server serves to terminals
  --work-dir DIR       plain copies of recent replicas, for deltas (default: <publish-dir>.work)
  --deltas N           deltas from this many previous versions (default 3)
  --json               print the result as JSON
  --help               show this help`;

export const publishCommand: CountyCommand = {
  name: 'publish',
  summary: 'sign and write a new data version for the terminals',
  usage: USAGE,
  options: {
    ...DB_OPTION,
    keys: { type: 'string' },
    'publish-dir': { type: 'string' },
    'work-dir': { type: 'string' },
    deltas: { type: 'string' },
  },
  async run(context) {
    const { values, output } = context;
    const keysDir = requiredOption(values, 'keys');
    const publishDir = requiredOption(values, 'publish-dir');
    const deltas = integerOption(values, 'deltas', 3, 0, 50);
    const db = openMaster(dbPath(values));
    try {
      const residents = db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
      const progress = startProgress(output, 'sealing records', residents, values['json'] === true);
      const result = await publish({
        db,
        keysDir,
        publishDir,
        workDir: stringOption(values, 'work-dir'),
        deltas,
        onProgress: (_step, n) => progress.advance(n),
      });
      progress.done();
      const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
      report(
        context,
        [
          `publish: version ${result.version} is live in ${publishDir}`,
          `  ${result.residents} residents, ${result.payments} payments; keys derived ${result.sealing.derived}, ` +
            `records resealed ${result.sealing.resealed}, unchanged ${result.sealing.reused}`,
          `  full replica ${mib(result.full.length)} gzipped (${mib(result.full.replicaLength)} plain)`,
          ...result.deltas.map(
            (d) => `  delta from ${d.from}: ${mib(d.length)} (${d.puts} rows put, ${d.deletes} deleted)`,
          ),
          `  encrypted under distribution key ${result.distribution.keyId}` +
            (result.distribution.change === null ? '' : ` (${result.distribution.change} now)`) +
            `, readable by ${result.distribution.recipients} terminal(s)`,
          ...(result.removed > 0 ? [`  ${result.removed} target file(s) no longer served, deleted`] : []),
          `  valid until ${result.verified.expires}`,
        ].join('\n'),
        {
          version: result.version,
          residents: result.residents,
          payments: result.payments,
          sealing: result.sealing,
          full: result.full,
          deltas: result.deltas,
          distribution: result.distribution,
          removed: result.removed,
          expires: result.verified.expires,
        },
      );
      return EXIT.ok;
    } catch (error) {
      if (
        error instanceof SigningKeyError ||
        error instanceof PublishError ||
        error instanceof PublicationError
      ) {
        output.err(`huimin-county publish: ${error.message}`);
        return EXIT.refused;
      }
      throw error;
    } finally {
      db.close();
    }
  },
};
