import type { PaymentView, ProgramInfo, SiteInfo } from '../../electron/api/contract';
import { formatYuan } from '../../domain/money';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { formatPeriod } from '../i18n/format';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { programNameIn } from './PaymentTable';
import { ScreenTitle } from './ScreenTitle';
import { StatusBadge } from './StatusBadge';

/** The program's public facts: still being asked, had, or not to be had (the payment shows regardless). */
export type ProgramFactsView = { state: 'loading' } | { state: 'shown'; info: ProgramInfo | null };

/** One payment of the 明白卡 in full, with the public facts of its program and a way to ask about it. */
export function PaymentDetails({
  payment,
  facts,
  site,
  send,
}: {
  payment: PaymentView;
  facts: ProgramFactsView;
  site: SiteInfo;
  send: SendFlowEvent;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="screen-body details">
      <ScreenTitle>{t('details.title')}</ScreenTitle>
      <p className="lead program-name">{programNameIn(payment, locale)}</p>
      <dl className="facts">
        <div>
          <dt>{t('details.period')}</dt>
          <dd>{formatPeriod(payment.period, t, locale)}</dd>
        </div>
        <div>
          <dt>{t('details.amount')}</dt>
          <dd className="figure">{formatYuan(payment.amountFen)}</dd>
        </div>
        <div>
          <dt>{t('details.plannedDate')}</dt>
          <dd>{payment.plannedDate}</dd>
        </div>
        <div>
          <dt>{t('details.paidDate')}</dt>
          <dd>{payment.paidDate ?? t('details.notPaidYet')}</dd>
        </div>
        <div>
          <dt>{t('details.status')}</dt>
          <dd>
            <StatusBadge status={payment.status} />
          </dd>
        </div>
      </dl>

      <section className="program-facts" aria-labelledby="program-facts-title">
        <h2 id="program-facts-title" className="section-title">
          {t('details.programTitle')}
        </h2>
        {facts.state === 'loading' ? (
          <p role="status">{t('details.loading')}</p>
        ) : facts.info === null ? (
          <p className="notice">{t('details.unavailable', { hotline: site.hotline })}</p>
        ) : (
          <ProgramFacts info={facts.info} />
        )}
      </section>

      <div className="actions">
        <button type="button" className="button primary" onClick={() => send({ type: 'ASK_QUESTION' })}>
          {t('details.ask')}
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'BACK' })}>
          {t('details.back')}
        </button>
      </div>
    </section>
  );
}

function ProgramFacts({ info }: { info: ProgramInfo }) {
  const t = useT();
  return (
    <dl className="facts">
      <div>
        <dt>{t('details.department')}</dt>
        <dd>{info.department}</dd>
      </div>
      <div>
        <dt>{t('details.policyBasis')}</dt>
        <dd>{info.policyBasis}</dd>
      </div>
      <div>
        <dt>{t('details.standard')}</dt>
        <dd>
          {info.standardFen === null
            ? t('details.standardCaseByCase')
            : t('details.standardValue', { amount: formatYuan(info.standardFen), unit: info.unit })}
        </dd>
      </div>
      <div>
        <dt>{t('details.frequency')}</dt>
        <dd>{t(`details.frequencies.${info.frequency}`)}</dd>
      </div>
      <div>
        <dt>{t('details.phone')}</dt>
        <dd className="phone">{info.phone}</dd>
      </div>
    </dl>
  );
}
