import { useT } from '../i18n/use-t';
import { useVoiceControls } from './VoiceProvider';

/** Replay and mute, for the top bar; nothing where no voice is provided. */
export function VoiceButtons() {
  const t = useT();
  const voice = useVoiceControls();
  if (!voice) return null;
  return (
    <div className="top-bar-group" role="group" aria-labelledby="top-bar-voice">
      <span id="top-bar-voice" className="top-bar-label">
        {t('voice.controls.label')}
      </span>
      <button type="button" className="button toggle" onClick={voice.replay}>
        {t('voice.controls.replay')}
      </button>
      <button type="button" className="button toggle" aria-pressed={voice.muted} onClick={voice.toggleMute}>
        {t('voice.controls.mute')}
      </button>
    </div>
  );
}
