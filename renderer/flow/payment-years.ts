/**
 * The 明白卡 shows one year at a time. A payment belongs to the year of its planned date, the same rule the
 * receipt printer uses, so the screen and the printed receipt always list the same payments.
 */
import type { PaymentView } from '../../electron/api/contract';
import { yearOf } from '../../domain/dates';
import { sumFen, type Fen } from '../../domain/money';

/** The years that have payments, latest first. */
export function paymentYears(payments: readonly PaymentView[]): number[] {
  return [...new Set(payments.map((payment) => yearOf(payment.plannedDate)))].sort((a, b) => b - a);
}

export function paymentsOfYear(payments: readonly PaymentView[], year: number): PaymentView[] {
  return payments.filter((payment) => yearOf(payment.plannedDate) === year);
}

export interface YearTotals {
  totalFen: Fen;
  paidFen: Fen;
  /** Pending and overdue together: what the person has not received yet. */
  unpaidFen: Fen;
}

export function yearTotals(payments: readonly PaymentView[]): YearTotals {
  const paidFen = sumFen(payments.filter((p) => p.status === 'paid').map((p) => p.amountFen));
  const unpaidFen = sumFen(payments.filter((p) => p.status !== 'paid').map((p) => p.amountFen));
  return { totalFen: sumFen([paidFen, unpaidFen]), paidFen, unpaidFen };
}
