import type { ResidentView, SiteInfo } from '../../electron/api/contract';
import { formatYuan } from '../../domain/money';
import { MAX_FAMILY_LOOKUPS, type SendFlowEvent } from '../flow/kiosk-flow';
import { paymentsOfYear, paymentYears, yearTotals } from '../flow/payment-years';
import { PaymentTable } from './PaymentTable';
import { ScreenTitle } from './ScreenTitle';
import { StaleDataNotice } from './StaleDataNotice';
import { YearChart } from './YearChart';
import { YEAR_PANEL_ID, yearTabId, YearTabs } from './YearTabs';
import { useT } from '../i18n/use-t';

interface ResultsProps {
  /** Masked by the main process; what the person typed is never shown back. */
  resident: ResidentView;
  selectedYear: number | null;
  site: SiteInfo;
  /** 查家人 is offered until this visit has looked up MAX_FAMILY_LOOKUPS family members. */
  familyLookupAllowed: boolean;
  send: SendFlowEvent;
}

/** The 明白卡: everything paid to the person, one year at a time. */
export function Results({ resident, selectedYear, site, familyLookupAllowed, send }: ResultsProps) {
  const t = useT();
  const years = paymentYears(resident.payments);
  const payments = selectedYear === null ? [] : paymentsOfYear(resident.payments, selectedYear);
  const totals = yearTotals(payments);
  return (
    <section className="screen-body results">
      <ScreenTitle>{t('results.title')}</ScreenTitle>
      <p className="lead">{t('results.subtitle')}</p>
      <StaleDataNotice site={site} />
      <dl className="identity">
        <div>
          <dt>{t('results.name')}</dt>
          <dd>{resident.maskedName}</dd>
        </div>
        <div>
          <dt>{t('results.idNumber')}</dt>
          <dd className="id-number">{resident.maskedIdNumber}</dd>
        </div>
      </dl>
      {selectedYear === null ? (
        <p className="notice">{t('results.noPayments', { hotline: site.hotline })}</p>
      ) : (
        <>
          <YearChart years={years} payments={resident.payments} selectedYear={selectedYear} send={send} />
          <YearTabs years={years} selectedYear={selectedYear} send={send} />
          <div
            className="year-panel"
            role="tabpanel"
            id={YEAR_PANEL_ID}
            aria-labelledby={yearTabId(selectedYear)}
          >
            <p className="year-total">
              <span className="year-total-label">{t('results.total', { year: selectedYear })}</span>
              <span className="figure">{formatYuan(totals.totalFen)}</span>
            </p>
            {totals.unpaidFen > 0 && (
              <p className="year-split">
                {t('results.split', {
                  paid: formatYuan(totals.paidFen),
                  unpaid: formatYuan(totals.unpaidFen),
                })}
              </p>
            )}
            <PaymentTable
              year={selectedYear}
              payments={payments}
              onOpen={(payment) => send({ type: 'OPEN_DETAILS', index: resident.payments.indexOf(payment) })}
            />
          </div>
        </>
      )}
      <div className="actions">
        {selectedYear !== null && (
          <button type="button" className="button primary" onClick={() => send({ type: 'PRINT' })}>
            {t('results.print')}
          </button>
        )}
        {familyLookupAllowed && (
          <button type="button" className="button" onClick={() => send({ type: 'FAMILY' })}>
            {t('family.start')}
          </button>
        )}
        <button type="button" className="button" onClick={() => send({ type: 'FINISH' })}>
          {t('nav.finish')}
        </button>
      </div>
      {familyLookupAllowed ? (
        <p className="hint">{t('family.hint')}</p>
      ) : (
        <p className="notice">{t('family.limitReached', { max: MAX_FAMILY_LOOKUPS })}</p>
      )}
    </section>
  );
}
