import { useMachine } from '@xstate/react';
import { useCallback, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { KioskApi } from '../../electron/api/contract';
import { useKeyboardCardReader } from '../devices/use-keyboard-card-reader';
import { createKioskFlow } from '../flow/kiosk-flow';
import { createHelperMode } from '../helper/helper-mode';
import { HelperCorner } from '../helper/HelperCorner';
import { HelperOverlay } from '../helper/HelperOverlay';
import { createKioskI18n, LOCALES } from '../i18n/i18n';
import { IdleWarning } from '../screens/IdleWarning';
import { TopBar } from '../screens/TopBar';
import { createBrowserVoice } from '../voice/browser-voice';
import type { VoiceEngine } from '../voice/engine';
import { VoiceProvider } from '../voice/VoiceProvider';
import { CurrentScreen } from './CurrentScreen';
import { screenUtterance } from './screen-utterance';

// Any of these anywhere on the page counts as the person still being there.
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'click', 'input', 'change'] as const;

/**
 * The whole kiosk UI: the flow machine, the language, the text size, the screen the flow is on, and its voice
 * (`voice` is for tests; the page picks recorded prompts or the OS's speech by itself).
 */
export function App({ kiosk, voice }: { kiosk: KioskApi; voice?: VoiceEngine }) {
  const [machine] = useState(() => createKioskFlow(kiosk));
  const [snapshot, send, actor] = useMachine(machine);
  // Helper mode runs beside the flow, so opening it leaves the person's flow exactly where it was.
  const [helperMachine] = useState(() => createHelperMode(kiosk));
  const [helper, sendHelper, helperActor] = useMachine(helperMachine);
  const [i18n] = useState(() => createKioskI18n());
  const [voiceEngine] = useState(() => voice ?? createBrowserVoice());
  const { locale, textSize, siteInfo, idleWarningSecondsLeft } = snapshot.context;

  useEffect(() => {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    document.title = i18n.t('app.title');
  }, [i18n, locale]);

  useEffect(() => {
    document.documentElement.dataset.textSize = textSize;
  }, [textSize]);

  useEffect(() => {
    const onActivity = () => {
      actor.send({ type: 'ACTIVITY' });
      helperActor.send({ type: 'ACTIVITY' });
    };
    for (const type of ACTIVITY_EVENTS)
      document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [actor, helperActor]);

  useKeyboardCardReader(
    useCallback((idNumber: string) => actor.send({ type: 'KEYBOARD_CARD', idNumber }), [actor]),
  );

  const inSession = snapshot.matches('session');
  const idleWarning = snapshot.matches({ session: { idle: 'warning' } });
  const helperOpen = helper.matches('open');
  const { resident, selectedYear } = snapshot.context;
  return (
    <I18nextProvider i18n={i18n}>
      <VoiceProvider
        engine={voiceEngine}
        utterance={screenUtterance(snapshot)}
        locale={locale}
        atAttract={snapshot.matches('attract')}
      >
        <div className="kiosk">
          <div className="kiosk-page" inert={idleWarning || helperOpen}>
            <div className="kiosk-top">
              <HelperCorner send={sendHelper} />
              <TopBar
                languages={siteInfo?.languages ?? LOCALES}
                locale={locale}
                textSize={textSize}
                showHome={inSession}
                send={send}
              />
            </div>
            <main className="screen">
              <CurrentScreen snapshot={snapshot} send={send} />
            </main>
          </div>
          {helperOpen && (
            <HelperOverlay
              snapshot={helper}
              send={sendHelper}
              session={
                resident && selectedYear !== null
                  ? { sessionId: resident.sessionId, year: selectedYear }
                  : null
              }
              locale={locale}
              // The idle warning belongs to the person and stays on top; the panel waits beneath it.
              inert={idleWarning}
            />
          )}
          {idleWarning && <IdleWarning secondsLeft={idleWarningSecondsLeft} send={send} />}
        </div>
      </VoiceProvider>
    </I18nextProvider>
  );
}
