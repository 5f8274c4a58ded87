/**
 * What the county publishes for terminals, beyond the TUF metadata itself: the names of the target files,
 * the custom fields each target carries, and the delta format (a small SQLite file of the rows to put and
 * the keys to delete, table by table). The county writes these; the sync agent reads them.
 * Pure: no Node APIs.
 */
import { z } from 'zod';
import { REPLICA_DDL, REPLICA_SCHEMA_VERSION, REPLICA_TABLES, type ReplicaTableName } from './replica-format';

/** The gzipped full replica. */
export const FULL_TARGET = 'replica.db.gz';

/** The gzipped delta that turns version `from` into the version its targets.json names. */
export function deltaTarget(from: number): string {
  return `delta-from-${from}.db.gz`;
}

export const targetCustomSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('full'),
    dataVersion: z.number().int().positive(),
    schemaVersion: z.number().int().positive(),
    /** Of the replica once gunzipped: a terminal checks it before swapping the file in. */
    uncompressedLength: z.number().int().positive(),
    uncompressedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  z.object({
    kind: z.literal('delta'),
    dataVersion: z.number().int().positive(),
    schemaVersion: z.number().int().positive(),
    baseVersion: z.number().int().positive(),
    uncompressedLength: z.number().int().positive(),
    uncompressedSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
]);
export type TargetCustom = z.infer<typeof targetCustomSchema>;

export const DELTA_SCHEMA_VERSION = REPLICA_SCHEMA_VERSION;

function deletedTable(table: ReplicaTableName): string {
  return `deleted_${table}`;
}

/**
 * A delta file: every replica table (holding the rows to insert or replace), a `deleted_<table>` table per
 * replica table (holding the primary keys to delete), and `delta_meta` naming the two versions.
 */
export const DELTA_DDL = `${REPLICA_DDL}
CREATE TABLE delta_meta (
  base_version INTEGER NOT NULL,
  data_version INTEGER NOT NULL,
  schema_version INTEGER NOT NULL
);
${(Object.keys(REPLICA_TABLES) as ReplicaTableName[])
  .map(
    (table) =>
      `CREATE TABLE ${deletedTable(table)} (${REPLICA_TABLES[table].primaryKey.join(', ')}, ` +
      `PRIMARY KEY (${REPLICA_TABLES[table].primaryKey.join(', ')})) WITHOUT ROWID;`,
  )
  .join('\n')}
`;

/** Statements that fill a fresh delta (schema `into`) with what turns replica `old` into replica `new`. */
export function deltaDiffStatements(schemas: { into: string; old: string; new: string }): string[] {
  const { into, old, new: next } = schemas;
  return (Object.keys(REPLICA_TABLES) as ReplicaTableName[]).flatMap((table) => {
    const { columns, primaryKey } = REPLICA_TABLES[table];
    const all = columns.join(', ');
    const keys = primaryKey.join(', ');
    return [
      `INSERT INTO ${into}.${table} (${all}) SELECT ${all} FROM ${next}.${table} ` +
        `EXCEPT SELECT ${all} FROM ${old}.${table}`,
      `INSERT INTO ${into}.${deletedTable(table)} (${keys}) SELECT ${keys} FROM ${old}.${table} ` +
        `EXCEPT SELECT ${keys} FROM ${next}.${table}`,
    ];
  });
}

/** Statements that apply a delta (schema `delta`) to a replica (schema `replica`), in order. */
export function deltaApplyStatements(schemas: { replica: string; delta: string }): string[] {
  const { replica, delta } = schemas;
  return (Object.keys(REPLICA_TABLES) as ReplicaTableName[]).flatMap((table) => {
    const { columns, primaryKey } = REPLICA_TABLES[table];
    const all = columns.join(', ');
    const keys = primaryKey.join(', ');
    return [
      `DELETE FROM ${replica}.${table} WHERE (${keys}) IN (SELECT ${keys} FROM ${delta}.${deletedTable(table)})`,
      `INSERT OR REPLACE INTO ${replica}.${table} (${all}) SELECT ${all} FROM ${delta}.${table}`,
    ];
  });
}
