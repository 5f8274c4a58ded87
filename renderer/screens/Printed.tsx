import type { SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function Printed({ send }: { send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('printed.title')}</ScreenTitle>
      <p className="lead">{t('printed.body')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => send({ type: 'BACK' })}>
          {t('printed.back')}
        </button>
        <button type="button" className="button primary" onClick={() => send({ type: 'FINISH' })}>
          {t('nav.finish')}
        </button>
      </div>
    </section>
  );
}
