/**
 * How the kiosk speaks, behind one interface: a recorded prompt set, the OS's speech, or silence. Screens
 * never call an engine; the VoiceProvider speaks the current screen's utterance.
 */
import type { Utterance } from './utterance';

export interface VoiceEngine {
  /** Says the utterance in the locale, cutting off whatever was being said. */
  speak(utterance: Utterance, locale: string): void;
  stop(): void;
}

/** An engine that may not cover every locale or utterance; the chooser asks before giving it one. */
export interface OptionalVoiceEngine extends VoiceEngine {
  canSpeak(utterance: Utterance, locale: string): boolean;
}

export const silentVoice: VoiceEngine = {
  speak: () => {},
  stop: () => {},
};

/**
 * Speaks each utterance with the first engine that can say it: the recorded prompts where their manifest
 * has every recording, else the OS's speech where it has a voice for the locale, else nothing. The engines
 * may still be loading (the manifest is fetched as a module); speech asked for meanwhile waits for them, and
 * is dropped if something newer was asked or stop() came in between.
 */
export function chooseVoiceEngine(engines: Promise<readonly OptionalVoiceEngine[]>): VoiceEngine {
  let loaded: readonly OptionalVoiceEngine[] = [];
  const ready = engines.then(
    (list) => {
      loaded = list;
    },
    () => {},
  );
  let request = 0;
  const stopAll = () => {
    for (const engine of loaded) engine.stop();
  };
  return {
    speak(utterance, locale) {
      const mine = ++request;
      stopAll();
      void ready.then(() => {
        if (mine !== request) return;
        loaded.find((engine) => engine.canSpeak(utterance, locale))?.speak(utterance, locale);
      });
    },
    stop() {
      request++;
      stopAll();
    },
  };
}
