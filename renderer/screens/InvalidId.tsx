import type { InvalidIdReason, SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

/** The main process refused the number (its checks can be stricter than the keypad's live feedback). */
export function InvalidId({ reason, send }: { reason: InvalidIdReason; send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('invalidId.title')}</ScreenTitle>
      <p className="lead">{t(`invalidId.reasons.${reason}`)}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => send({ type: 'CORRECT' })}>
          {t('invalidId.correct')}
        </button>
      </div>
    </section>
  );
}
