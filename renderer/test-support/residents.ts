/**
 * Test residents with numbers that pass GB 11643 (check digits computed, not copied) and payments over
 * two years in every status.
 */
import type { PaymentView } from '../../electron/api/contract';
import { checkDigitOf } from '../../domain/id-number';
import type { FakeResident } from './fake-kiosk';

export function validIdNumber(first17: string): string {
  return first17 + checkDigitOf(first17);
}

/** The same number with a check digit that is not the right one, and the digit that would be. */
export function wrongCheckDigit(first17: string): { idNumber: string; expected: string } {
  const expected = checkDigitOf(first17);
  return { idNumber: first17 + (expected === '1' ? '2' : '1'), expected };
}

const program = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const farmland = program('耕地地力保护补贴', 'Farmland fertility protection subsidy');
const oldAge = program('高龄津贴', 'Old-age allowance');

export const linPayments: PaymentView[] = [
  {
    programCode: 'GDDL',
    programName: farmland,
    period: '2025',
    amountFen: 31250,
    plannedDate: '2025-05-20',
    paidDate: '2025-05-20',
    status: 'paid',
  },
  {
    programCode: 'GLJT',
    programName: oldAge,
    period: '2025-03',
    amountFen: 10000,
    plannedDate: '2025-03-10',
    paidDate: '2025-03-12',
    status: 'paid',
  },
  {
    programCode: 'GLJT',
    programName: oldAge,
    period: '2025-04',
    amountFen: 10000,
    plannedDate: '2025-04-10',
    paidDate: null,
    status: 'overdue',
  },
  {
    programCode: 'GLJT',
    programName: oldAge,
    period: '2025-07',
    amountFen: 10000,
    plannedDate: '2025-07-10',
    paidDate: null,
    status: 'pending',
  },
  {
    programCode: 'GDDL',
    programName: farmland,
    period: '2024',
    amountFen: 30000,
    plannedDate: '2024-05-18',
    paidDate: '2024-05-18',
    status: 'paid',
  },
];

/** 林秀英, born 1948-03-15; 2025 totals ¥612.50, 2024 ¥300.00. */
export const lin: FakeResident = {
  idNumber: validIdNumber('35010219480315123'),
  name: '林秀英',
  payments: linPayments,
};
