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
 *
 * At the two larger text sizes six columns no longer fit the screen, so theme.css stacks each row as a card and
 * each cell shows its column's name (`data-label`). The explicit roles keep the table's semantics for screen
 * readers when the cells are laid out as blocks.
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
    <table className="payments" role="table">
      <caption>{t('results.tableCaption', { year })}</caption>
      <thead>
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('results.columns.program')}
          </th>
          <th scope="col" role="columnheader">
            {t('results.columns.period')}
          </th>
          <th scope="col" role="columnheader" className="amount">
            {t('results.columns.amount')}
          </th>
          <th scope="col" role="columnheader">
            {t('results.columns.paidDate')}
          </th>
          <th scope="col" role="columnheader">
            {t('results.columns.status')}
          </th>
          <th scope="col" role="columnheader">
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
              role="row"
              onClick={() => onOpen(payment)}
            >
              <th scope="row" role="rowheader">
                {program}
              </th>
              <td role="cell" data-label={t('results.cellLabel', { column: t('results.columns.period') })}>
                {period}
              </td>
              <td
                role="cell"
                className="amount"
                data-label={t('results.cellLabel', { column: t('results.columns.amount') })}
              >
                {formatYuan(payment.amountFen)}
              </td>
              <td role="cell" data-label={t('results.cellLabel', { column: t('results.columns.paidDate') })}>
                {payment.paidDate ?? (
                  <>
                    <span aria-hidden="true">{t('results.noPaidDate')}</span>
                    <span className="visually-hidden">{t('results.noPaidDateSpoken')}</span>
                  </>
                )}
              </td>
              <td role="cell" data-label={t('results.cellLabel', { column: t('results.columns.status') })}>
                <StatusBadge status={payment.status} />
              </td>
              <td role="cell" className="row-action-cell">
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
