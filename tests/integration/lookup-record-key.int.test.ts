/**
 * The kiosk's lookup against a real replica file: the record opens with the number and the name as the card
 * gives them (a long name cut at 15 characters) or as typed, and with nothing less.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReplica } from '../../county/replica/write-replica';
import { TEST_KDF_COST, type SealedPayload } from '../../domain/published/replica-format';
import { createKdfParams, deriveRecordKeys, sealRecord } from '../../domain/published/sealing.nodejs';
import { lookupResident } from '../../electron/api/handlers/lookup-resident';
import { createResidentSessions } from '../../electron/api/resident-sessions';
import { createReplicaReader, type ReplicaReader } from '../../electron/replica/replica-reader';

// Synthetic number in the demo county's unassigned prefecture 3599 (check digit valid).
const ID_NUMBER = '359901195803140020';
const LONG_NAME = '阿依古丽·买买提·阿不都热合曼·艾力';
const resident: SealedPayload = { v: 1, idNumber: ID_NUMBER, name: LONG_NAME, payments: [] };

let dir: string;
let replica: ReplicaReader;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lookup-key-'));
  const kdf = createKdfParams(TEST_KDF_COST);
  const row = sealRecord(await deriveRecordKeys(resident, kdf), resident);
  await writeReplica(join(dir, 'replica.db'), {
    meta: {
      dataVersion: 1,
      dataAsOf: '2026-06-01T00:00:00.000Z',
      countyName: '岚溪县',
      hotline: '12345',
      kdf,
    },
    tables: {},
    sealed: (async function* () {
      yield [row];
    })(),
  });
  replica = createReplicaReader(join(dir, 'replica.db'));
});

afterAll(() => {
  replica?.close();
  rmSync(dir, { recursive: true, force: true });
});

const lookUp = async (idNumber: string, name: string) =>
  (await lookupResident({ idNumber, name }, replica, createResidentSessions(60_000), '2026-06-01')).status;

describe('looking a resident up by number and name', () => {
  it('opens with the name cut where the card cuts it, and with the whole name typed', async () => {
    expect(await lookUp(ID_NUMBER, LONG_NAME.slice(0, 15))).toBe('found');
    expect(
      await lookUp(`${ID_NUMBER.slice(0, 6)} ${ID_NUMBER.slice(6)}`, ` ${LONG_NAME.replaceAll('·', '・')} `),
    ).toBe('found');
  });

  it('finds nothing with a shorter or another name', async () => {
    expect(await lookUp(ID_NUMBER, LONG_NAME.slice(0, 14))).toBe('not-found');
    expect(await lookUp(ID_NUMBER, '阿依古丽')).toBe('not-found');
  });
});
