/**
 * The terminal's replica: one SQLite file the county publishes and every terminal holds read-only.
 *
 * Public data (programs, county facts) is stored plainly. Each resident's own record is sealed (see
 * sealing.nodejs.ts): the row is keyed by a tag derived from the ID number with a slow KDF, so the file names
 * nobody and can only be opened one guessed ID number at a time.
 *
 * Pure: no Node APIs, so the renderer's types and any reader can share it.
 */
import { z } from 'zod';

/** Bumped on any change a reader of an older version would misread. */
export const REPLICA_SCHEMA_VERSION = 1;

export const REPLICA_DDL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE programs (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  category TEXT NOT NULL,
  department TEXT NOT NULL,
  policy_basis TEXT NOT NULL,
  standard_fen INTEGER,
  unit_zh TEXT NOT NULL,
  unit_en TEXT NOT NULL,
  frequency TEXT NOT NULL,
  phone TEXT NOT NULL
);
CREATE TABLE sealed_records (
  tag BLOB PRIMARY KEY,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL
) WITHOUT ROWID;
`;

/** The keys of the `meta` table; every value is stored as TEXT. */
export const REPLICA_META_KEYS = {
  schemaVersion: 'schema_version',
  dataVersion: 'data_version',
  /** ISO 8601 instant the county's data was taken. */
  dataAsOf: 'data_as_of',
  countyName: 'county_name',
  hotline: 'hotline',
  /** JSON of KdfParams: how to derive a record's keys from an ID number. */
  kdf: 'kdf',
} as const;
export type ReplicaMetaKey = (typeof REPLICA_META_KEYS)[keyof typeof REPLICA_META_KEYS];

const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');

export const kdfCostSchema = z.object({
  // scrypt needs N to be a power of two above 1.
  N: z
    .number()
    .int()
    .min(2)
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
export type KdfCost = z.infer<typeof kdfCostSchema>;

export const kdfParamsSchema = kdfCostSchema.extend({
  algorithm: z.literal('scrypt'),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22,}={0,2}$/, 'expected base64 of at least 16 bytes'),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** About 50 ms and 32 MiB per derivation on a 2020s core: what a thief pays for each guessed ID number. */
export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 15, r: 8, p: 1 };
/** Cheap enough for tests and demos; never for a published county. */
export const TEST_KDF_COST: KdfCost = { N: 2 ** 10, r: 8, p: 1 };

export const programFrequencySchema = z.enum(['monthly', 'yearly', 'once']);
export type ProgramFrequency = z.infer<typeof programFrequencySchema>;

/** One row of `programs` (资金项目), public. */
export const replicaProgramSchema = z.object({
  code: z.string().min(1),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  category: z.string().min(1),
  department: z.string().min(1),
  policyBasis: z.string().min(1),
  /** Null where the amount is decided case by case (e.g. 临时救助). */
  standardFen: z.number().int().nonnegative().nullable(),
  unitZh: z.string().min(1),
  unitEn: z.string().min(1),
  frequency: programFrequencySchema,
  phone: z.string().min(1),
});
export type ReplicaProgram = z.infer<typeof replicaProgramSchema>;

export const sealedPaymentSchema = z.object({
  programCode: z.string().min(1),
  /** What the money is for (2025, 2025-03, 2025-H1), distinct from when it was planned or paid. */
  period: z.string().min(1),
  amountFen: z.number().int(),
  plannedDate: localDate,
  paidDate: localDate.nullable(),
});
export type SealedPayment = z.infer<typeof sealedPaymentSchema>;

/** A resident's own record once opened: only what the 明白卡 needs, no address, no phone. */
export const sealedPayloadSchema = z.object({
  v: z.literal(1),
  idNumber: z.string().regex(/^\d{17}[\dX]$/, 'expected a normalized 18-character ID number'),
  name: z.string().min(1),
  payments: z.array(sealedPaymentSchema),
});
export type SealedPayload = z.infer<typeof sealedPayloadSchema>;

/** The `meta` table as readers and writers use it. */
export interface ReplicaMeta {
  schemaVersion: number;
  dataVersion: number;
  dataAsOf: string;
  countyName: string;
  hotline: string;
  kdf: KdfParams;
}

export function encodeReplicaMeta(meta: ReplicaMeta): Record<ReplicaMetaKey, string> {
  const k = REPLICA_META_KEYS;
  return {
    [k.schemaVersion]: String(meta.schemaVersion),
    [k.dataVersion]: String(meta.dataVersion),
    [k.dataAsOf]: meta.dataAsOf,
    [k.countyName]: meta.countyName,
    [k.hotline]: meta.hotline,
    [k.kdf]: JSON.stringify(kdfParamsSchema.parse(meta.kdf)),
  };
}

const counter = z
  .string()
  .regex(/^(0|[1-9]\d*)$/, 'expected a non-negative integer')
  .transform(Number);

const kdfJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'kdf is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(kdfParamsSchema);

/** Parses the `meta` table's key/value rows (extra keys are ignored, so later versions can add some). */
export const replicaMetaSchema = z
  .object({
    [REPLICA_META_KEYS.schemaVersion]: counter,
    [REPLICA_META_KEYS.dataVersion]: counter,
    [REPLICA_META_KEYS.dataAsOf]: z.iso.datetime(),
    [REPLICA_META_KEYS.countyName]: z.string().min(1),
    [REPLICA_META_KEYS.hotline]: z.string().min(1),
    [REPLICA_META_KEYS.kdf]: kdfJson,
  })
  .transform((m): ReplicaMeta => ({
    schemaVersion: m[REPLICA_META_KEYS.schemaVersion],
    dataVersion: m[REPLICA_META_KEYS.dataVersion],
    dataAsOf: m[REPLICA_META_KEYS.dataAsOf],
    countyName: m[REPLICA_META_KEYS.countyName],
    hotline: m[REPLICA_META_KEYS.hotline],
    kdf: m[REPLICA_META_KEYS.kdf],
  }));
