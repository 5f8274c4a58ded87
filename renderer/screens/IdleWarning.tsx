import type { SendFlowEvent } from '../flow/kiosk-flow';
import { useT } from '../i18n/use-t';

/**
 * Shown when nobody has touched the screen for a while: one big button keeps the session, and the
 * countdown says when it will end. It was not asked for, so it is the one dialog that interrupts.
 */
export function IdleWarning({ secondsLeft, send }: { secondsLeft: number; send: SendFlowEvent }) {
  const t = useT();
  return (
    <div className="overlay">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
      >
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body" className="lead">
          {t('idle.body', { seconds: secondsLeft })}
        </p>
        {/* The only control on the dialog, so it takes focus at once. */}
        <button
          type="button"
          className="button primary huge"
          autoFocus
          onClick={() => send({ type: 'CONTINUE' })}
        >
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
