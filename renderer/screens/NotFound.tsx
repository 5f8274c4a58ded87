import type { SendFlowEvent } from '../flow/kiosk-flow';
import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function NotFound({ hotline, send }: { hotline: string; send: SendFlowEvent }) {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('notFound.title')}</ScreenTitle>
      <p className="lead">{t('notFound.body')}</p>
      <p>{t('notFound.advice', { hotline })}</p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => send({ type: 'CORRECT' })}>
          {t('notFound.correct')}
        </button>
        <button type="button" className="button" onClick={() => send({ type: 'HOME' })}>
          {t('notFound.home')}
        </button>
      </div>
    </section>
  );
}
