/**
 * The recorded prompt engine: plays `<base><locale>/<id>.wav` files one after another, as a telephone system
 * does, with numbers said unit by unit. Files only, served by the kiosk's own host: the CSP allows
 * `media-src 'self'` and nothing else (no blob:, no data:).
 */
import type { OptionalVoiceEngine } from './engine';
import type { VoiceManifest } from './manifest';
import { isVoiceLocale } from './units';
import { recordingsOf, renderUtterance, type Utterance } from './utterance';

/** What the engine needs of an HTMLAudioElement (a fake in tests). */
export interface PromptAudio {
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'ended' | 'error', listener: () => void): void;
}

function browserAudio(src: string): PromptAudio {
  const audio = new Audio(src);
  // Loading every piece at once lets each start the moment the one before ends.
  audio.preload = 'auto';
  return audio;
}

export interface RecordedVoiceOptions {
  /** The prompt set's folder, ending in `/` (see voiceBaseUrl). */
  base: URL;
  manifest: VoiceManifest;
  createAudio?: (src: string) => PromptAudio;
}

export function createRecordedVoice({
  base,
  manifest,
  createAudio = browserAudio,
}: RecordedVoiceOptions): OptionalVoiceEngine {
  let playing: PromptAudio[] = [];
  let request = 0;

  const recordings = (utterance: Utterance, locale: string): string[] | null => {
    if (!isVoiceLocale(locale)) return null;
    const available = manifest.locales[locale];
    if (!available) return null;
    try {
      const ids = recordingsOf(renderUtterance(utterance, locale));
      return ids.every((id) => Object.hasOwn(available, id)) ? ids : null;
    } catch {
      return null;
    }
  };

  const stop = () => {
    request++;
    for (const audio of playing) audio.pause();
    playing = [];
  };

  return {
    canSpeak: (utterance, locale) => recordings(utterance, locale) !== null,
    speak(utterance, locale) {
      stop();
      const ids = recordings(utterance, locale);
      if (!ids) return;
      const mine = request;
      const queue = ids.map((id) => createAudio(new URL(`${locale}/${id}.wav`, base).href));
      playing = queue;
      const playFrom = (index: number) => {
        const audio = queue[index];
        if (!audio || mine !== request) return;
        let moved = false;
        // A missing or unplayable piece is skipped: the rest of the sentence still helps.
        const next = () => {
          if (moved) return;
          moved = true;
          playFrom(index + 1);
        };
        audio.addEventListener('ended', next);
        audio.addEventListener('error', next);
        audio.play().catch(next);
      };
      playFrom(0);
    },
    stop,
  };
}
