/**
 * The details of a payment ask the main process for its program's public facts: the real handler over a
 * real replica file written from the demo county, through the dispatcher both transports use.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../county/demo/generate';
import type { DemoCounty } from '../../county/demo/model';
import { PROGRAM } from '../../county/demo/programs';
import { demoReplicaContent } from '../../county/replica/demo-content';
import { writeReplica } from '../../county/replica/write-replica';
import { TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import { createKioskRuntime, type KioskRuntime } from '../../electron/api/create-runtime';
import { dispatch } from '../../electron/api/dispatch';

let county: DemoCounty;
let runtime: KioskRuntime;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'huimin-program-info-'));
  county = generateDemoCounty({ residents: 20, seed: 5, today: '2026-11-20' });
  await writeReplica(
    path.join(dir, 'replica.db'),
    demoReplicaContent(county, {
      kdf: createKdfParams(TEST_KDF_COST),
      dataVersion: 2,
      asOf: new Date('2026-11-19T12:00:00Z'),
    }),
  );
  runtime = await createKioskRuntime(demoKioskConfig(dir), { now: () => new Date('2026-11-20T02:00:00Z') });
});

afterAll(() => runtime.close());

describe('getProgramInfo over a real replica', () => {
  it('answers every published program with its department, basis, standard, frequency and phone', async () => {
    for (const program of county.programs) {
      const answer = await dispatch(runtime.handlers, 'getProgramInfo', {
        programCode: program.code,
        locale: 'zh-CN',
      });
      expect(answer).toEqual({
        ok: true,
        value: {
          status: 'found',
          program: {
            code: program.code,
            name: program.nameZh,
            department: program.department,
            policyBasis: program.policyBasis,
            standardFen: program.standardFen,
            unit: program.unitZh,
            frequency: program.frequency,
            phone: program.phone,
          },
        },
      });
    }
  });

  it('names the program and its unit in English, and keeps a case-by-case standard as none', async () => {
    const relief = county.programs.find((p) => p.code === PROGRAM.relief);
    const answer = await runtime.handlers.getProgramInfo({ programCode: PROGRAM.relief, locale: 'en' });
    expect(answer).toMatchObject({
      status: 'found',
      program: { name: relief?.nameEn, unit: relief?.unitEn, standardFen: null },
    });
  });

  it('needs no session, and answers not-found for a code the county never published', async () => {
    expect(
      await runtime.handlers.getProgramInfo({ programCode: 'no-such-program', locale: 'zh-CN' }),
    ).toEqual({ status: 'not-found' });
  });

  it('refuses a call without a program code before the handler runs', async () => {
    const answer = await dispatch(runtime.handlers, 'getProgramInfo', { programCode: '', locale: 'zh-CN' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
