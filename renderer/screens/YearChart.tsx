import type { PaymentView } from '../../electron/api/contract';
import { formatYuan } from '../../domain/money';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { paymentsOfYear, yearTotals } from '../flow/payment-years';
import { useT } from '../i18n/use-t';

/**
 * 历年合计: one bar per year of the person's payments, latest first. Each bar is a button whose text is the
 * year and the amount, so the chart reads as a list; the bar's length only repeats the figure beside it.
 */
export function YearChart({
  years,
  payments,
  selectedYear,
  send,
}: {
  years: readonly number[];
  payments: readonly PaymentView[];
  selectedYear: number;
  send: SendFlowEvent;
}) {
  const t = useT();
  const totals = years.map((year) => ({
    year,
    totalFen: yearTotals(paymentsOfYear(payments, year)).totalFen,
  }));
  const largest = Math.max(...totals.map(({ totalFen }) => totalFen), 1);
  return (
    <section className="year-chart" aria-labelledby="year-chart-title">
      <h2 id="year-chart-title" className="section-title">
        {t('results.chartTitle')}
      </h2>
      <ul className="year-chart-bars">
        {totals.map(({ year, totalFen }) => (
          <li key={year}>
            <button
              type="button"
              className="year-bar"
              aria-pressed={year === selectedYear}
              onClick={() => send({ type: 'SELECT_YEAR', year })}
            >
              <span className="year-bar-year">{t('results.year', { year })}</span>
              <span className="year-bar-track" aria-hidden="true">
                {/* A width from data: set through the CSSOM, which the page's CSP allows. */}
                <span
                  className="year-bar-fill"
                  style={{ inlineSize: `${Math.max(0, (totalFen / largest) * 100)}%` }}
                />
              </span>
              <span className="year-bar-amount">{formatYuan(totalFen)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
