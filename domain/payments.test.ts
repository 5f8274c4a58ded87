import { describe, expect, it } from 'vitest';
import { paymentStatus } from './payments';

const TODAY = '2026-03-05';

describe('paymentStatus', () => {
  it('is paid once there is a paid date, late or not', () => {
    expect(paymentStatus({ plannedDate: '2026-01-15', paidDate: '2026-01-15' }, TODAY)).toBe('paid');
    expect(paymentStatus({ plannedDate: '2025-06-30', paidDate: '2026-02-01' }, TODAY)).toBe('paid');
    expect(paymentStatus({ plannedDate: '2026-06-30', paidDate: '2026-03-01' }, TODAY)).toBe('paid');
  });

  it('is overdue when unpaid after its planned date', () => {
    expect(paymentStatus({ plannedDate: '2026-03-04', paidDate: null }, TODAY)).toBe('overdue');
    expect(paymentStatus({ plannedDate: '2025-12-31', paidDate: null }, '2026-01-01')).toBe('overdue');
  });

  it('is pending when unpaid on or before its planned date', () => {
    expect(paymentStatus({ plannedDate: TODAY, paidDate: null }, TODAY)).toBe('pending');
    expect(paymentStatus({ plannedDate: '2026-12-31', paidDate: null }, TODAY)).toBe('pending');
    expect(paymentStatus({ plannedDate: '2026-01-01', paidDate: null }, '2025-12-31')).toBe('pending');
  });
});
