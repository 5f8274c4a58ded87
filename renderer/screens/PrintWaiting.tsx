import type { PrintWaitReason } from '../../electron/api/contract';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

/** The receipt waits for the printer and prints by itself once it is back, unless the person gives up. */
export function PrintWaiting({ reason, send }: { reason: PrintWaitReason; send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('printWaiting.title')}</ScreenTitle>
      <p className="lead" role="status">
        {t(`printWaiting.reasons.${reason}`)}
      </p>
      <p className="hint">{t('printWaiting.hint')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => send({ type: 'CANCEL_PRINT' })}>
          {t('printWaiting.cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => send({ type: 'FINISH' })}>
          {t('nav.finish')}
        </button>
      </div>
    </section>
  );
}
