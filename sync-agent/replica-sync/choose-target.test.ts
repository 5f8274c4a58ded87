import { describe, expect, it } from 'vitest';
import { FULL_TARGET, deltaTarget } from '../../domain/published/publish-format';
import { REPLICA_SCHEMA_VERSION } from '../../domain/published/replica-format';
import { chooseTarget, type SignedTarget } from './choose-target';

const SHA = 'a'.repeat(64);

function target(custom: Record<string, unknown>, sha256 = SHA): SignedTarget {
  return {
    length: 1000,
    hashes: { sha256 },
    unrecognizedFields: {
      custom: {
        schemaVersion: REPLICA_SCHEMA_VERSION,
        uncompressedLength: 5000,
        uncompressedSha256: SHA,
        encryption: { keyId: '0123456789abcdef' },
        ...custom,
      },
    },
  };
}

const full = (dataVersion = 5) => target({ kind: 'full', dataVersion });
const delta = (baseVersion: number, dataVersion = 5) => target({ kind: 'delta', dataVersion, baseVersion });

describe('chooseTarget', () => {
  it('takes the delta from the held version when the county signed one', () => {
    const targets = new Map([
      [FULL_TARGET, full()],
      [deltaTarget(4), delta(4)],
    ]);
    expect(chooseTarget(5, targets, 4)).toMatchObject({ kind: 'fetch', target: { path: deltaTarget(4) } });
  });

  it('takes the full replica without a replica or without a delta from its version', () => {
    const targets = new Map([
      [FULL_TARGET, full()],
      [deltaTarget(4), delta(4)],
    ]);
    expect(chooseTarget(5, targets, null)).toMatchObject({ target: { path: FULL_TARGET } });
    expect(chooseTarget(5, targets, 2)).toMatchObject({ target: { path: FULL_TARGET } });
  });

  it('does nothing when the replica holds the published version', () => {
    expect(chooseTarget(5, new Map([[FULL_TARGET, full()]]), 5)).toEqual({ kind: 'current' });
  });

  it('refuses targets whose fields disagree with what was signed or held', () => {
    expect(() => chooseTarget(5, new Map([[FULL_TARGET, full(4)]]), null)).toThrow(/claims data version 4/);
    expect(() => chooseTarget(5, new Map([[deltaTarget(4), delta(3)]]), 4)).toThrow(/starts from version 3/);
    expect(() =>
      chooseTarget(5, new Map([[FULL_TARGET, target({ kind: 'full', dataVersion: 5 }, '../x')]]), null),
    ).toThrow(/no SHA-256/);
    expect(() =>
      chooseTarget(
        5,
        new Map([[FULL_TARGET, target({ kind: 'full', dataVersion: 5, schemaVersion: 99 })]]),
        null,
      ),
    ).toThrow(/schema 99/);
    expect(() => chooseTarget(4, new Map([[FULL_TARGET, full(4)]]), 5)).toThrow(/older than the 5 held/);
  });

  it('refuses a target that is not encrypted, as a publisher before encryption wrote them', () => {
    const plain = target({ kind: 'full', dataVersion: 5 });
    delete (plain.unrecognizedFields['custom'] as Record<string, unknown>)['encryption'];
    expect(() => chooseTarget(5, new Map([[FULL_TARGET, plain]]), null)).toThrow(/is not encrypted/);
  });
});
