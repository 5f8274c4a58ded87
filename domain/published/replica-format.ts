/**
 * The terminal's replica: one SQLite file the county publishes and every terminal holds read-only.
 *
 * Public data (programs, county facts) is stored plainly. Each resident's own record is sealed (see
 * sealing.nodejs.ts): the row is keyed by a tag derived from the ID number and name with a slow KDF, so the
 * file names nobody and can only be opened one guessed number and name at a time.
 *
 * Pure: no Node APIs, so the renderer's types and any reader can share it.
 */
import { z } from 'zod';

/** Bumped on any change a reader of an older version would misread. */
export const REPLICA_SCHEMA_VERSION = 3;

/**
 * What a record's key is derived from. Schema 2 keyed records by the ID number alone, which a public roster
 * entry narrowed to about a thousand guesses; schema 3 adds the resident's name (docs/adr/0001-record-key.md).
 * The tables of both are the same.
 */
export type RecordKeyScheme = 'id-number' | 'id-number+name';

const RECORD_KEY_SCHEMES: Readonly<Record<number, RecordKeyScheme>> = {
  2: 'id-number',
  3: 'id-number+name',
};

/**
 * The replica schemas a terminal reads: the current one, and schema 2 until the first sync after an upgrade
 * replaces it (so lookups never stop while the new data is on its way).
 */
export const READABLE_REPLICA_SCHEMA_VERSIONS: readonly number[] =
  Object.keys(RECORD_KEY_SCHEMES).map(Number);

/** The record-key scheme of a readable replica schema version. */
export function recordKeyScheme(schemaVersion: number): RecordKeyScheme {
  const scheme = RECORD_KEY_SCHEMES[schemaVersion];
  if (scheme === undefined) throw new RangeError(`replica schema ${schemaVersion} is not readable here`);
  return scheme;
}

/**
 * Public tables hold what the law publishes anyway (programs, masked rosters, village finances, cadre
 * disclosures, the service guide, micro powers); private data lives only in `sealed_records`.
 * No table has a foreign key or a trigger: the replica is only ever written whole, or patched by a delta.
 */
export const REPLICA_DDL = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  parent_code TEXT,
  level TEXT NOT NULL,
  name TEXT NOT NULL
) WITHOUT ROWID;
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
  eligibility TEXT NOT NULL,
  process TEXT NOT NULL,
  materials TEXT NOT NULL,
  phone TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE rosters (
  id INTEGER PRIMARY KEY,
  program_code TEXT NOT NULL,
  village_code TEXT NOT NULL,
  period TEXT NOT NULL,
  stage TEXT NOT NULL,
  posted_on TEXT NOT NULL,
  objections_until TEXT
);
CREATE INDEX rosters_village ON rosters(village_code, program_code);
CREATE TABLE roster_entries (
  roster_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  masked_name TEXT NOT NULL,
  masked_id_number TEXT NOT NULL,
  quantity_milli INTEGER,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (roster_id, seq)
) WITHOUT ROWID;
CREATE TABLE village_finances (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL,
  month TEXT NOT NULL,
  direction TEXT NOT NULL,
  category TEXT NOT NULL,
  item TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  voucher TEXT
);
CREATE INDEX village_finances_village ON village_finances(village_code, month);
CREATE TABLE cadres (
  id INTEGER PRIMARY KEY,
  village_code TEXT NOT NULL,
  post TEXT NOT NULL,
  name TEXT NOT NULL,
  term_start TEXT NOT NULL,
  term_end TEXT
);
CREATE TABLE cadre_benefits (
  cadre_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  relation TEXT NOT NULL,
  masked_name TEXT NOT NULL,
  program_code TEXT NOT NULL,
  period TEXT NOT NULL,
  amount_fen INTEGER NOT NULL,
  PRIMARY KEY (cadre_id, seq)
) WITHOUT ROWID;
CREATE TABLE service_items (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  category TEXT NOT NULL,
  conditions TEXT NOT NULL,
  materials TEXT NOT NULL,
  steps TEXT NOT NULL,
  time_limit_days INTEGER,
  fee TEXT NOT NULL,
  department TEXT NOT NULL,
  phone TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE micro_powers (
  code TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  responsible_unit TEXT NOT NULL,
  supervising_unit TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE micro_power_steps (
  power_code TEXT NOT NULL,
  step_no INTEGER NOT NULL,
  title TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  PRIMARY KEY (power_code, step_no)
) WITHOUT ROWID;
CREATE TABLE sealed_records (
  tag BLOB PRIMARY KEY,
  nonce BLOB NOT NULL,
  ciphertext BLOB NOT NULL
) WITHOUT ROWID;
`;

/**
 * Every replica table with its columns (in DDL order) and primary key: what a writer fills and what a delta
 * (see publish-format.ts) puts and deletes. A test keeps this list and REPLICA_DDL in step.
 */
export const REPLICA_TABLES = {
  meta: { columns: ['key', 'value'], primaryKey: ['key'] },
  regions: { columns: ['code', 'parent_code', 'level', 'name'], primaryKey: ['code'] },
  programs: {
    columns: [
      'code', 'name_zh', 'name_en', 'category', 'department', 'policy_basis', 'standard_fen', 'unit_zh',
      'unit_en', 'frequency', 'eligibility', 'process', 'materials', 'phone',
    ],
    primaryKey: ['code'],
  },
  rosters: {
    columns: ['id', 'program_code', 'village_code', 'period', 'stage', 'posted_on', 'objections_until'],
    primaryKey: ['id'],
  },
  roster_entries: {
    columns: ['roster_id', 'seq', 'masked_name', 'masked_id_number', 'quantity_milli', 'amount_fen'],
    primaryKey: ['roster_id', 'seq'],
  },
  village_finances: {
    columns: ['id', 'village_code', 'month', 'direction', 'category', 'item', 'amount_fen', 'voucher'],
    primaryKey: ['id'],
  },
  cadres: { columns: ['id', 'village_code', 'post', 'name', 'term_start', 'term_end'], primaryKey: ['id'] },
  cadre_benefits: {
    columns: ['cadre_id', 'seq', 'relation', 'masked_name', 'program_code', 'period', 'amount_fen'],
    primaryKey: ['cadre_id', 'seq'],
  },
  service_items: {
    columns: [
      'code', 'name_zh', 'name_en', 'category', 'conditions', 'materials', 'steps', 'time_limit_days', 'fee',
      'department', 'phone',
    ],
    primaryKey: ['code'],
  },
  micro_powers: {
    columns: ['code', 'category', 'name_zh', 'name_en', 'legal_basis', 'responsible_unit', 'supervising_unit'],
    primaryKey: ['code'],
  },
  micro_power_steps: {
    columns: ['power_code', 'step_no', 'title', 'actor', 'detail'],
    primaryKey: ['power_code', 'step_no'],
  },
  sealed_records: { columns: ['tag', 'nonce', 'ciphertext'], primaryKey: ['tag'] },
} as const satisfies Record<string, { columns: readonly string[]; primaryKey: readonly string[] }>; // prettier-ignore

export type ReplicaTableName = keyof typeof REPLICA_TABLES;
/** A row as stored: column name → SQLite value. */
export type ReplicaRow<T extends ReplicaTableName> = {
  [C in (typeof REPLICA_TABLES)[T]['columns'][number]]: string | number | Uint8Array | null;
};

/** The keys of the `meta` table; every value is stored as TEXT. */
export const REPLICA_META_KEYS = {
  schemaVersion: 'schema_version',
  dataVersion: 'data_version',
  /** ISO 8601 instant the county's data was taken. */
  dataAsOf: 'data_as_of',
  countyName: 'county_name',
  hotline: 'hotline',
  /** JSON of KdfParams: the cost and salt of deriving a record's keys from an ID number and name. */
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

/** About 50 ms and 32 MiB per derivation on a 2020s core: what a thief pays for each guess. */
export const DEFAULT_KDF_COST: KdfCost = { N: 2 ** 15, r: 8, p: 1 };
/** Cheap enough for tests and demos; never for a published county. */
export const TEST_KDF_COST: KdfCost = { N: 2 ** 10, r: 8, p: 1 };

export const programFrequencySchema = z.enum(['monthly', 'quarterly', 'yearly', 'once']);
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
  /** Who qualifies, how it is applied for and paid, and what to bring (plain text, Chinese). */
  eligibility: z.string(),
  process: z.string(),
  materials: z.string(),
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
  /** 发放失败/退回: the bank returned the money; it counts as not paid. */
  returned: z.boolean().optional(),
  /** Mu, heads, months… in thousandths, with the standard per unit, where the program pays by quantity. */
  quantityMilli: z.number().int().nonnegative().nullable().optional(),
  standardFen: z.number().int().nonnegative().nullable().optional(),
  /** Last four digits of the 一卡通 account the money went to. */
  cardTail: z
    .string()
    .regex(/^\d{4}$/)
    .nullable()
    .optional(),
  batch: z.string().optional(),
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
