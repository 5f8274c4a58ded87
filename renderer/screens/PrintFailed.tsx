import type { PrintFailure, SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function PrintFailed({ reason, send }: { reason: PrintFailure; send: SendFlowEvent }) {
  const t = useT();
  // An expired session cannot print again from here; the person has to look up again.
  const canRetry = reason !== 'session-expired';
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('printFailed.title')}</ScreenTitle>
      <p className="lead">{t(`printFailed.reasons.${reason}`)}</p>
      <div className="actions">
        {canRetry && (
          <button type="button" className="button primary" onClick={() => send({ type: 'RETRY' })}>
            {t('printFailed.retry')}
          </button>
        )}
        {canRetry && (
          <button type="button" className="button" onClick={() => send({ type: 'BACK' })}>
            {t('printFailed.back')}
          </button>
        )}
        <button
          type="button"
          className={canRetry ? 'button' : 'button primary'}
          onClick={() => send({ type: 'FINISH' })}
        >
          {t('nav.finish')}
        </button>
      </div>
    </section>
  );
}
