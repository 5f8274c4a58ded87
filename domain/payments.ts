/** Where a payment stands on a given day, as the resident sees it. */
import type { LocalDate } from './dates';

export type PaymentStatus = 'paid' | 'pending' | 'overdue';

// 'YYYY-MM-DD' strings compare in calendar order, so plain string comparison is enough.
export function paymentStatus(
  p: { plannedDate: LocalDate; paidDate: LocalDate | null },
  today: LocalDate,
): PaymentStatus {
  if (p.paidDate !== null) return 'paid';
  return p.plannedDate < today ? 'overdue' : 'pending';
}
