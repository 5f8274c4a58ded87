import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF_COST,
  REPLICA_SCHEMA_VERSION,
  TEST_KDF_COST,
  encodeReplicaMeta,
  replicaMetaSchema,
  sealedPayloadSchema,
  type ReplicaMeta,
} from './replica-format';

const meta: ReplicaMeta = {
  schemaVersion: REPLICA_SCHEMA_VERSION,
  dataVersion: 42,
  dataAsOf: '2025-06-01T02:00:00.000Z',
  countyName: '岚溪县',
  hotline: '12345',
  kdf: { algorithm: 'scrypt', ...DEFAULT_KDF_COST, salt: Buffer.alloc(16, 1).toString('base64') },
};

describe('replica meta', () => {
  it('reads back what was written', () => {
    expect(replicaMetaSchema.parse(encodeReplicaMeta(meta))).toEqual(meta);
  });

  it('rejects a meta table whose KDF is missing or malformed', () => {
    const rows = encodeReplicaMeta(meta);
    expect(replicaMetaSchema.safeParse({ ...rows, kdf: 'not json' }).success).toBe(false);
    expect(replicaMetaSchema.safeParse({ ...rows, kdf: JSON.stringify({ ...meta.kdf, N: 3 }) }).success).toBe(
      false,
    );
    const { kdf: _dropped, ...withoutKdf } = rows;
    expect(replicaMetaSchema.safeParse(withoutKdf).success).toBe(false);
  });

  it('rejects a data version that is not a plain integer', () => {
    expect(replicaMetaSchema.safeParse({ ...encodeReplicaMeta(meta), data_version: '1.5' }).success).toBe(
      false,
    );
  });

  it('keeps the test cost far below the published default', () => {
    expect(TEST_KDF_COST.N * TEST_KDF_COST.r).toBeLessThan(DEFAULT_KDF_COST.N * DEFAULT_KDF_COST.r);
  });
});

describe('sealed payload', () => {
  const record = {
    v: 1,
    idNumber: '35990119580314002X',
    name: '阿依古丽·买买提',
    payments: [
      {
        programCode: 'dibao',
        period: '2025-03',
        amountFen: 45600,
        plannedDate: '2025-03-10',
        paidDate: null,
      },
    ],
  };

  it('accepts a well-formed record', () => {
    expect(sealedPayloadSchema.parse(record)).toEqual(record);
  });

  it('rejects fractional fen, impossible dates and unnormalized ID numbers', () => {
    const payment = record.payments[0]!;
    expect(
      sealedPayloadSchema.safeParse({ ...record, payments: [{ ...payment, amountFen: 1.5 }] }).success,
    ).toBe(false);
    expect(
      sealedPayloadSchema.safeParse({ ...record, payments: [{ ...payment, plannedDate: '2025-13-01' }] })
        .success,
    ).toBe(false);
    expect(sealedPayloadSchema.safeParse({ ...record, idNumber: '35990119580314002x' }).success).toBe(false);
  });
});
