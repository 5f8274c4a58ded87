import type { PaymentView, ProgramInfo, SiteInfo } from '../../electron/api/contract';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { formatPeriod } from '../i18n/format';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { programNameIn } from './PaymentTable';
import { ScreenTitle } from './ScreenTitle';

/**
 * 有疑问 about a payment. Complaints from the terminal are a later issue; until then this says whom to ask:
 * the staff in the hall, the county's hotline, and the paying department's phone when it is known.
 */
export function QuestionHelp({
  payment,
  program,
  site,
  send,
}: {
  payment: PaymentView;
  /** Null when the program's facts could not be had: the hotline alone is offered. */
  program: ProgramInfo | null;
  site: SiteInfo;
  send: SendFlowEvent;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="screen-body outcome question-help">
      <ScreenTitle>{t('details.question.title')}</ScreenTitle>
      <p className="lead">{t('details.question.staff')}</p>
      <dl className="facts phones">
        <div>
          <dt>{t('details.question.hotline')}</dt>
          <dd className="phone">{site.hotline}</dd>
        </div>
        {program && (
          <div>
            <dt>{program.department}</dt>
            <dd className="phone">{program.phone}</dd>
          </div>
        )}
      </dl>
      <p>
        {t('details.question.sayWhich', {
          program: programNameIn(payment, locale),
          period: formatPeriod(payment.period, t, locale),
        })}
      </p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => send({ type: 'BACK' })}>
          {t('details.question.back')}
        </button>
      </div>
    </section>
  );
}
