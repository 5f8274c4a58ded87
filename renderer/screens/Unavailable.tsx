import type { SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

/** The terminal could not load its own site information; it retries by itself as well. */
export function Unavailable({ send }: { send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('unavailable.title')}</ScreenTitle>
      <p className="lead">{t('unavailable.body')}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => send({ type: 'RETRY' })}>
          {t('unavailable.retry')}
        </button>
      </div>
    </section>
  );
}
