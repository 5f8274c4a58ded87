import type { PaymentView } from '../../electron/api/contract';
import { formatYuan } from '../../domain/money';
import { formatPeriod } from '../i18n/format';
import { useLocale } from '../i18n/use-locale';
import { StatusBadge } from './StatusBadge';
import { useT } from '../i18n/use-t';

/** One row per payment (发放) of the chosen year. */
export function PaymentTable({ year, payments }: { year: number; payments: readonly PaymentView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <table className="payments">
      <caption>{t('results.tableCaption', { year })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.columns.program')}</th>
          <th scope="col">{t('results.columns.period')}</th>
          <th scope="col" className="amount">
            {t('results.columns.amount')}
          </th>
          <th scope="col">{t('results.columns.paidDate')}</th>
          <th scope="col">{t('results.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((payment) => (
          <tr key={`${payment.programCode}/${payment.period}/${payment.plannedDate}`}>
            {/* The county publishes program names in zh-CN and en only; a bo screen shows the zh-CN name. */}
            <th scope="row">{payment.programName[locale === 'en' ? 'en' : 'zh-CN']}</th>
            <td>{formatPeriod(payment.period, t, locale)}</td>
            <td className="amount">{formatYuan(payment.amountFen)}</td>
            <td>
              {payment.paidDate ?? (
                <>
                  <span aria-hidden="true">{t('results.noPaidDate')}</span>
                  <span className="visually-hidden">{t('results.noPaidDateSpoken')}</span>
                </>
              )}
            </td>
            <td>
              <StatusBadge status={payment.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
