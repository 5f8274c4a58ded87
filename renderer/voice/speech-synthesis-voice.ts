/** The OS's own speech (Web Speech API), for the locales it has a voice for. */
import type { OptionalVoiceEngine } from './engine';
import { isVoiceLocale } from './units';
import { renderUtterance } from './utterance';

/** Slower than the default: the people at these terminals are often old and hard of hearing. */
export const SPEECH_RATE = 0.85;

function voiceFor(voices: readonly SpeechSynthesisVoice[], locale: string): SpeechSynthesisVoice | undefined {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0] ?? wanted;
  const lang = (voice: SpeechSynthesisVoice) => voice.lang.replace('_', '-').toLowerCase();
  return (
    voices.find((voice) => lang(voice) === wanted) ??
    // Mandarin only: a zh-HK voice speaks Cantonese.
    voices.find((voice) =>
      language === 'zh' ? ['zh', 'cmn'].includes(lang(voice)) : lang(voice).split('-')[0] === language,
    )
  );
}

export function createSpeechSynthesisVoice(
  synthesis: SpeechSynthesis,
  createUtterance: (text: string) => SpeechSynthesisUtterance = (text) => new SpeechSynthesisUtterance(text),
): OptionalVoiceEngine {
  return {
    canSpeak: (_utterance, locale) =>
      isVoiceLocale(locale) && voiceFor(synthesis.getVoices(), locale) !== undefined,
    speak(utterance, locale) {
      synthesis.cancel();
      const voice = voiceFor(synthesis.getVoices(), locale);
      if (!voice || !isVoiceLocale(locale)) return;
      const spoken = createUtterance(renderUtterance(utterance, locale).text);
      spoken.lang = locale;
      spoken.voice = voice;
      spoken.rate = SPEECH_RATE;
      synthesis.speak(spoken);
    },
    stop: () => synthesis.cancel(),
  };
}
