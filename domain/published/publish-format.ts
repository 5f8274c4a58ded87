/**
 * What the county publishes for terminals, beyond the TUF metadata itself: the names of the target files,
 * the custom fields each target carries, distribution-keys.json, and the delta format (a small SQLite file
 * of the rows to put and the keys to delete, table by table). The county writes these; the sync agent reads them.
 * Pure: no Node APIs.
 */
import { z } from 'zod';
import { REPLICA_DDL, REPLICA_SCHEMA_VERSION, REPLICA_TABLES, type ReplicaTableName } from './replica-format';

/** The full replica, gzipped, then encrypted under the county's distribution key. */
export const FULL_TARGET = 'replica.db.gz.enc';

/** The delta that turns version `from` into the version its targets.json names, gzipped and encrypted. */
export function deltaTarget(from: number): string {
  return `delta-from-${from}.db.gz.enc`;
}

/** The distribution keys, each wrapped for each terminal allowed to read the data (`distributionKeysSchema`). */
export const DISTRIBUTION_KEYS_TARGET = 'distribution-keys.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** A distribution key's id: the first 8 bytes of its SHA-256, in hex. */
export const distributionKeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/);

const dataTargetFields = {
  dataVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  /** Of the replica once decrypted and gunzipped: a terminal checks it before swapping the file in. */
  uncompressedLength: z.number().int().positive(),
  uncompressedSha256: sha256Hex,
  /** The distribution key the target is encrypted under (the file's length and SHA-256 are of the ciphertext). */
  encryption: z.strictObject({ keyId: distributionKeyIdSchema }),
};

/** The custom fields of a data target: the full replica or a delta. */
export const targetCustomSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), ...dataTargetFields }),
  z.object({ kind: z.literal('delta'), ...dataTargetFields, baseVersion: z.number().int().positive() }),
]);
export type TargetCustom = z.infer<typeof targetCustomSchema>;

const distributionKeysCustomSchema = z.object({ kind: z.literal('distribution-keys') });

/** The custom fields of any target the county publishes. */
export const publishedTargetCustomSchema = z.discriminatedUnion('kind', [
  ...targetCustomSchema.options,
  distributionKeysCustomSchema,
]);
export type PublishedTargetCustom = z.infer<typeof publishedTargetCustomSchema>;

const wrappedDistributionKeySchema = z.strictObject({
  keyId: distributionKeyIdSchema,
  /** 12 bytes in hex. */
  nonce: z.string().regex(/^[0-9a-f]{24}$/),
  /** The 32-byte key encrypted with AES-256-GCM, then the 16-byte tag, in hex. */
  wrapped: z.string().regex(/^[0-9a-f]{96}$/),
});
export type WrappedDistributionKey = z.infer<typeof wrappedDistributionKeySchema>;

/**
 * distribution-keys.json: for each terminal allowed to read the data, a slot derived from its token (so the
 * file names no terminal) and the distribution keys wrapped under a key derived from the same token.
 */
export const distributionKeysSchema = z.strictObject({
  v: z.literal(1),
  recipients: z.array(
    z.strictObject({ slot: z.string().regex(/^[0-9a-f]{32}$/), keys: z.array(wrappedDistributionKeySchema) }),
  ),
});
export type DistributionKeysDocument = z.infer<typeof distributionKeysSchema>;

export const DELTA_SCHEMA_VERSION = REPLICA_SCHEMA_VERSION;

/**
 * Replica schema versions a delta of this schema may be applied to. Schema 3 changed how record keys are
 * derived, not the tables, so a terminal holding a schema-2 replica takes a delta like any other (the delta
 * replaces every sealed record and the meta row that names the schema).
 */
export const DELTA_BASE_SCHEMA_VERSIONS: ReadonlySet<number> = new Set([2, REPLICA_SCHEMA_VERSION]);

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
