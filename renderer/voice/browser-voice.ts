/** The engine the kiosk uses in a real page: recorded prompts if the build made them, else the OS's speech. */
import { chooseVoiceEngine, type OptionalVoiceEngine, type VoiceEngine } from './engine';
import { loadVoiceManifest, voiceBaseUrl } from './manifest';
import { createRecordedVoice } from './recorded-voice';
import { createSpeechSynthesisVoice } from './speech-synthesis-voice';

export function createBrowserVoice(): VoiceEngine {
  const base = voiceBaseUrl(document.baseURI);
  // Only the built page has a prompt set; a development server or a test page has none to look for.
  const manifest = import.meta.env.PROD ? loadVoiceManifest(base) : Promise.resolve(null);
  const speech = 'speechSynthesis' in window ? createSpeechSynthesisVoice(window.speechSynthesis) : null;
  return chooseVoiceEngine(
    manifest.then((loaded) => {
      const engines: OptionalVoiceEngine[] = [];
      if (loaded) engines.push(createRecordedVoice({ base, manifest: loaded }));
      if (speech) engines.push(speech);
      return engines;
    }),
  );
}
