import type { SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function LookupFailed({ send }: { send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('lookupFailed.title')}</ScreenTitle>
      <p className="lead">{t('lookupFailed.body')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => send({ type: 'RETRY' })}>
          {t('lookupFailed.retry')}
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'HOME' })}>
          {t('topBar.home')}
        </button>
      </div>
    </section>
  );
}
