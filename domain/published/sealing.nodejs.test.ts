import { describe, expect, it } from 'vitest';
import { TEST_KDF_COST, type KdfParams, type SealedPayload } from './replica-format';
import { createKdfParams, deriveRecordKeys, openRecord, sealRecord } from './sealing.nodejs';

// Synthetic numbers in the demo county's unassigned prefecture 3599 (check digits valid).
const ID_A = '35990119580314002X';
const ID_B = '359901196207210035';
const A = { idNumber: ID_A, name: '欧阳秀䶮' };
const B = { idNumber: ID_B, name: '王建国' };

const kdf: KdfParams = {
  algorithm: 'scrypt',
  ...TEST_KDF_COST,
  salt: Buffer.alloc(16, 7).toString('base64'),
};

const payload: SealedPayload = {
  v: 1,
  idNumber: ID_A,
  name: '欧阳秀䶮',
  payments: [
    {
      programCode: 'elderly-allowance',
      period: '2025-03',
      amountFen: 10000,
      plannedDate: '2025-03-15',
      paidDate: '2025-03-15',
    },
    {
      programCode: 'farmland-fertility',
      period: '2025',
      amountFen: 41625,
      plannedDate: '2025-06-20',
      paidDate: null,
    },
  ],
};

describe('sealing a resident record', () => {
  it('opens with the keys derived from the same ID number and name, however they were typed', async () => {
    const sealed = sealRecord(await deriveRecordKeys(A, kdf), payload);
    const typedAgain = await deriveRecordKeys(
      { idNumber: ' 35990119580314002x ', name: ' 欧阳 秀䶮　' },
      kdf,
    );
    expect(typedAgain.tag.equals(sealed.tag)).toBe(true);
    expect(openRecord(typedAgain, sealed)).toEqual(payload);
  });

  it('opens nothing with keys from another ID number', async () => {
    const sealed = sealRecord(await deriveRecordKeys(A, kdf), payload);
    expect(openRecord(await deriveRecordKeys(B, kdf), sealed)).toBeNull();
    expect(openRecord(await deriveRecordKeys({ ...A, idNumber: ID_B }, kdf), sealed)).toBeNull();
  });

  it('needs the name too: the right number with another name finds no row and opens nothing', async () => {
    const sealed = sealRecord(await deriveRecordKeys(A, kdf), payload);
    for (const name of ['欧阳秀艳', '欧阳*䶮', '']) {
      const keys = await deriveRecordKeys({ ...A, name }, kdf);
      expect(keys.tag.equals(sealed.tag)).toBe(false);
      expect(openRecord(keys, sealed)).toBeNull();
    }
  });

  it('keeps the schema-2 key (ID number alone) apart from the current one', async () => {
    const legacy = await deriveRecordKeys(A, kdf, 'id-number');
    const sameNumberOtherName = await deriveRecordKeys({ ...A, name: '王建国' }, kdf, 'id-number');
    const current = await deriveRecordKeys(A, kdf);
    expect(legacy.tag.equals(sameNumberOtherName.tag)).toBe(true);
    expect(legacy.tag.equals(current.tag)).toBe(false);
    expect(openRecord(current, sealRecord(legacy, payload))).toBeNull();
  });

  it('opens nothing under another county salt', async () => {
    const sealed = sealRecord(await deriveRecordKeys(A, kdf), payload);
    const otherCounty = createKdfParams(TEST_KDF_COST);
    expect(openRecord(await deriveRecordKeys(A, otherCounty), sealed)).toBeNull();
  });

  it('returns null when any single bit of the ciphertext or nonce is flipped', async () => {
    const keys = await deriveRecordKeys(A, kdf);
    const sealed = sealRecord(keys, payload);
    for (const field of ['ciphertext', 'nonce'] as const) {
      for (const byteIndex of [0, Math.floor(sealed[field].length / 2), sealed[field].length - 1]) {
        const tampered = { ...sealed, [field]: Buffer.from(sealed[field]) };
        tampered[field][byteIndex] = (tampered[field][byteIndex] ?? 0) ^ 0x01;
        expect(openRecord(keys, tampered)).toBeNull();
      }
    }
  });

  it('returns null for a row moved under another resident’s tag', async () => {
    const keysA = await deriveRecordKeys(A, kdf);
    const keysB = await deriveRecordKeys(B, kdf);
    const sealedA = sealRecord(keysA, payload);
    // Same AES key, different associated data: the tag binds the row.
    expect(openRecord({ tag: keysB.tag, key: keysA.key }, sealedA)).toBeNull();
  });

  it('derives a different tag for each ID number and never stores the plaintext', async () => {
    const keysA = await deriveRecordKeys(A, kdf);
    const keysB = await deriveRecordKeys(B, kdf);
    expect(keysA.tag.equals(keysB.tag)).toBe(false);
    expect(keysA.tag.equals(keysA.key)).toBe(false);
    const sealed = sealRecord(keysA, payload);
    const bytes = Buffer.concat([sealed.tag, sealed.nonce, sealed.ciphertext]);
    expect(bytes.includes(Buffer.from(ID_A))).toBe(false);
    expect(bytes.includes(Buffer.from(payload.name))).toBe(false);
  });

  it('uses a fresh nonce each time, and hides the record length within a block', async () => {
    const keys = await deriveRecordKeys(A, kdf);
    const first = sealRecord(keys, { ...payload, payments: payload.payments.slice(0, 1) });
    const second = sealRecord(keys, { ...payload, payments: [] });
    expect(first.nonce.equals(second.nonce)).toBe(false);
    expect(first.ciphertext.length).toBe(second.ciphertext.length);
  });

  it('refuses to seal a record that would not open as valid', async () => {
    const keys = await deriveRecordKeys(A, kdf);
    expect(() =>
      sealRecord(keys, { ...payload, payments: [{ ...payload.payments[0]!, amountFen: 100.5 }] }),
    ).toThrow();
  });

  it('rejects KDF parameters that are not a power-of-two scrypt cost', async () => {
    await expect(deriveRecordKeys(A, { ...kdf, N: 1000 })).rejects.toThrow();
  });
});
