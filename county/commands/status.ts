/** `huimin-county status`: what the master database holds, the last publish, and how the terminals are doing. */
import { DB_OPTION, DB_USAGE, EXIT, dbPath, report, type CountyCommand } from '../cli/command';
import { readCounty } from '../master/county-settings';
import { openMaster, type MasterDatabase } from '../master/open-master';

const USAGE = `Usage: huimin-county status [options]

Shows the county, how many residents, payments and other records the master database holds, the last
import and publish, and the terminals (how many reported in the last day, and which data version they hold).

Options:
${DB_USAGE}
  --json     print the status as JSON
  --help     show this help`;

const COUNTED_TABLES = [
  'regions',
  'households',
  'persons',
  'programs',
  'payments',
  'rosters',
  'village_finances',
  'cadres',
  'service_items',
  'micro_powers',
  'complaints',
] as const;

interface Status {
  county: ReturnType<typeof readCounty>;
  counts: Record<(typeof COUNTED_TABLES)[number], number>;
  lastImport: { fileName: string; importedAt: string; rows: number } | null;
  lastPublish: { version: number; publishedAt: string; expiresAt: string } | null;
  terminals: {
    active: number;
    revoked: number;
    heardFromInLastDay: number;
    byDataVersion: Record<string, number>;
  };
}

function readStatus(db: MasterDatabase, now: Date): Status {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, count(t)])) as Status['counts'];
  const lastImport =
    (db
      .prepare(
        `SELECT file_name AS fileName, imported_at AS importedAt, rows_total AS rows
         FROM import_files ORDER BY id DESC LIMIT 1`,
      )
      .get() as Status['lastImport'] | undefined) ?? null;
  const lastPublish =
    (db
      .prepare(
        `SELECT version, published_at AS publishedAt, expires_at AS expiresAt
         FROM publishes ORDER BY version DESC LIMIT 1`,
      )
      .get() as Status['lastPublish'] | undefined) ?? null;
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const terminals = db
    .prepare(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL) AS active,
              count(*) FILTER (WHERE revoked_at IS NOT NULL) AS revoked,
              count(*) FILTER (WHERE revoked_at IS NULL AND last_heartbeat_at >= ?) AS heard
       FROM terminals`,
    )
    .get(dayAgo) as { active: number; revoked: number; heard: number };
  const versions = db
    .prepare(
      `SELECT coalesce(data_version, 'none') AS version, count(*) AS n FROM terminals
       WHERE revoked_at IS NULL GROUP BY 1 ORDER BY 1`,
    )
    .all() as { version: string | number; n: number }[];
  return {
    county: readCounty(db),
    counts,
    lastImport,
    lastPublish,
    terminals: {
      active: terminals.active,
      revoked: terminals.revoked,
      heardFromInLastDay: terminals.heard,
      byDataVersion: Object.fromEntries(versions.map((v) => [String(v.version), v.n])),
    },
  };
}

function describe(status: Status, file: string): string {
  const c = status.counts;
  const lines = [
    status.county ? `${status.county.name} (${status.county.code}) — ${file}` : `${file} (county not set)`,
    `  regions ${c.regions}, households ${c.households}, residents ${c.persons}, programs ${c.programs}`,
    `  payments ${c.payments}, rosters ${c.rosters}, village finance lines ${c.village_finances}`,
    `  cadres ${c.cadres}, service items ${c.service_items}, micro-power items ${c.micro_powers}`,
    `  complaints received ${c.complaints}`,
    status.lastImport
      ? `  last import: ${status.lastImport.fileName} (${status.lastImport.rows} rows) at ${status.lastImport.importedAt}`
      : '  no import yet',
    status.lastPublish
      ? `  last publish: version ${status.lastPublish.version} at ${status.lastPublish.publishedAt}, ` +
        `valid until ${status.lastPublish.expiresAt}`
      : '  not published yet',
    `  terminals: ${status.terminals.active} active (${status.terminals.heardFromInLastDay} heard from in the ` +
      `last day), ${status.terminals.revoked} revoked`,
  ];
  return lines.join('\n');
}

export const statusCommand: CountyCommand = {
  name: 'status',
  summary: 'show what the master database holds, the last publish and the terminals',
  usage: USAGE,
  options: { ...DB_OPTION },
  async run(context) {
    const file = dbPath(context.values);
    const db = openMaster(file);
    try {
      const status = readStatus(db, new Date());
      report(context, describe(status, file), status);
      return EXIT.ok;
    } finally {
      db.close();
    }
  },
};
