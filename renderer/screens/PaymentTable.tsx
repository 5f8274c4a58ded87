import type { Locale, PaymentView } from '../../electron/api/contract';
import { formatYuan } from '../../domain/money';
import { formatPeriod } from '../i18n/format';
import { useLocale } from '../i18n/use-locale';
import { StatusBadge } from './StatusBadge';
import { useT } from '../i18n/use-t';

/** The county publishes program names in Chinese and English; other screen languages read the Chinese. */
export function programNameIn(payment: PaymentView, locale: Locale): string {
  return locale === 'en' ? payment.programName.en : payment.programName['zh-CN'];
}

/**
 * One row per payment (发放) of the chosen year. A tap anywhere on a row opens its details: the whole row is
 * the target for an unsteady finger, and its 详情 button is the same action for keyboards and screen readers.
 */
export function PaymentTable({
  year,
  payments,
  onOpen,
}: {
  year: number;
  payments: readonly PaymentView[];
  onOpen: (payment: PaymentView) => void;
}) {
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
          <th scope="col">
            <span className="visually-hidden">{t('results.columns.details')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {payments.map((payment) => {
          const program = programNameIn(payment, locale);
          const period = formatPeriod(payment.period, t, locale);
          return (
            <tr
              key={`${payment.programCode}/${payment.period}/${payment.plannedDate}`}
              className="payment-row"
              onClick={() => onOpen(payment)}
            >
              <th scope="row">{program}</th>
              <td>{period}</td>
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
              <td>
                {/* No handler of its own: its click reaches the row's, so one tap opens the details once. */}
                <button
                  type="button"
                  className="button row-action"
                  aria-label={t('results.openDetails', { program, period })}
                >
                  {t('results.details')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
