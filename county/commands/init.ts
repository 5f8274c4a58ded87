/** `huimin-county init`: creates the master database with the county's facts and its sealing parameters. */
import { DEFAULT_KDF_COST, TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import {
  DB_OPTION,
  DB_USAGE,
  EXIT,
  UsageError,
  dbPath,
  report,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { readCounty, readKdf, writeCounty, writeSetting } from '../master/county-settings';
import { openMaster } from '../master/open-master';

const USAGE = `Usage: huimin-county init --county-code CODE --county-name NAME [options]

Creates the county master database (or brings an existing one's schema up to date) and records the county.
The scrypt salt that seals residents' records is made once here and kept: changing it would force every
resident's key to be derived again.

Options:
${DB_USAGE}
  --county-code CODE       the county's 6-digit administrative division code
  --county-name NAME       the county's name as residents know it, e.g. 岚溪县
  --hotline PHONE          the number printed on receipts for questions (default 12345)
  --kdf-cost default|test  scrypt cost for sealed records ('test' only for tests and demos; default: default)
  --json                   print the result as JSON
  --help                   show this help`;

export const initCommand: CountyCommand = {
  name: 'init',
  summary: 'create the county master database',
  usage: USAGE,
  options: {
    ...DB_OPTION,
    'county-code': { type: 'string' },
    'county-name': { type: 'string' },
    hotline: { type: 'string' },
    'kdf-cost': { type: 'string' },
  },
  async run(context) {
    const { values } = context;
    const code = stringOption(values, 'county-code');
    const name = stringOption(values, 'county-name');
    const hotline = stringOption(values, 'hotline') ?? '12345';
    const kdfCost = stringOption(values, 'kdf-cost') ?? 'default';
    if (code === undefined || !/^\d{6}$/.test(code)) throw new UsageError('--county-code must be 6 digits');
    if (name === undefined || name.trim() === '') throw new UsageError('--county-name is required');
    if (!/^[\d-]{3,20}$/.test(hotline)) throw new UsageError('--hotline must be a phone number');
    if (kdfCost !== 'default' && kdfCost !== 'test')
      throw new UsageError("--kdf-cost must be 'default' or 'test'");

    const file = dbPath(values);
    const db = openMaster(file, { create: true });
    try {
      const existing = readCounty(db);
      if (existing && existing.code !== code) {
        context.output.err(
          `huimin-county init: ${file} already belongs to county ${existing.code} (${existing.name}); ` +
            'use another --db',
        );
        return EXIT.refused;
      }
      db.transaction(() => {
        writeCounty(db, { code, name: name.trim(), hotline }, new Date());
        if (readKdf(db) === null) {
          writeSetting(db, 'kdf', createKdfParams(kdfCost === 'test' ? TEST_KDF_COST : DEFAULT_KDF_COST));
        }
      })();
      const kdf = readKdf(db);
      report(
        context,
        `init: ${file} is ready for ${name.trim()} (${code}); sealed records use scrypt N=${kdf?.N}`,
        { db: file, county: { code, name: name.trim(), hotline }, scryptN: kdf?.N },
      );
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
