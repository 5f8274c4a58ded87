import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../domain/id-number';
import type { ReplicaProgram } from '../../../domain/published/replica-format';
import { demoKioskConfig } from '../../../kiosk-config/demo-config';
import type { PrintJob } from '../../devices/printer/printer-service';
import { createResidentSessions } from '../resident-sessions';
import { printReceipt, receiptLocaleFor } from './print-receipt';

const oldAge: ReplicaProgram = {
  code: 'GLJT',
  nameZh: '高龄津贴',
  nameEn: 'Old-age allowance',
  category: '老龄',
  department: '县民政局',
  policyBasis: '县高龄津贴发放办法',
  standardFen: 10000,
  unitZh: '月',
  unitEn: 'month',
  frequency: 'monthly',
  eligibility: '',
  process: '',
  materials: '',
  phone: '0000-1234567',
};

/** Prints one receipt for a resident with one payment, in the screen language given; answers its preview. */
async function printedPreview(locale: 'zh-CN' | 'en' | 'bo'): Promise<string> {
  const sessions = createResidentSessions(60_000);
  const sessionId = sessions.open({
    v: 1,
    idNumber: `35010219400101002${checkDigitOf('35010219400101002')}`,
    name: '林秀英',
    payments: [
      {
        programCode: 'GLJT',
        period: '2025-03',
        amountFen: 10000,
        plannedDate: '2025-03-10',
        paidDate: '2025-03-12',
      },
    ],
  });
  const jobs: PrintJob[] = [];
  const result = await printReceipt(
    { sessionId, year: 2025, locale },
    {
      config: demoKioskConfig('/nonexistent/demo'),
      replica: {
        meta: () => ({
          schemaVersion: 1,
          dataVersion: 7,
          dataAsOf: '2025-06-30T16:30:00.000Z',
          countyName: '青山县',
          hotline: '0000-1234567',
          kdf: { algorithm: 'scrypt', N: 1024, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' },
        }),
        programs: () => new Map([['GLJT', oldAge]]),
      },
      sessions,
      printer: {
        submit: (job) => {
          jobs.push(job);
          return 'job-1';
        },
        firstAttempt: async () => ({ state: 'printed' }),
      },
      now: new Date('2025-07-01T02:00:00.000Z'),
      today: '2025-07-01',
    },
  );
  expect(result).toEqual({ status: 'printed', jobId: 'job-1' });
  expect(jobs).toHaveLength(1);
  return jobs[0]?.preview ?? '';
}

describe('the receipt language', () => {
  it('prints a Tibetan (bo) screen’s receipt in zh-CN: the printer’s GB18030 font has no Tibetan', async () => {
    expect(receiptLocaleFor('bo')).toBe('zh-CN');
    const bo = await printedPreview('bo');
    expect(bo).toBe(await printedPreview('zh-CN'));
    expect(bo).toContain('高龄津贴');
    expect(bo).not.toMatch(/[\u0F00-\u0FFF]/);
  });

  it('prints zh-CN and en receipts in their own language', async () => {
    expect(receiptLocaleFor('zh-CN')).toBe('zh-CN');
    expect(receiptLocaleFor('en')).toBe('en');
    expect(await printedPreview('en')).toContain('Old-age allowance');
  });
});
