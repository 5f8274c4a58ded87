import type { Locale } from '../../electron/api/contract';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { TEXT_SIZES, type TextSize } from '../flow/text-size';
import { useT } from '../i18n/use-t';
import { VoiceButtons } from '../voice/VoiceButtons';

interface TopBarProps {
  languages: readonly Locale[];
  locale: Locale;
  textSize: TextSize;
  /** Whether a person is in the middle of a session, so that "Home" means something. */
  showHome: boolean;
  send: SendFlowEvent;
}

/**
 * On every screen: home, language, text size (QUALITY.md: size and language changeable everywhere), and the
 * voice's replay and mute.
 */
export function TopBar({ languages, locale, textSize, showHome, send }: TopBarProps) {
  const t = useT();
  return (
    <header className="top-bar" aria-label={t('topBar.label')}>
      <div className="top-bar-home">
        {showHome && (
          <button type="button" className="button" onClick={() => send({ type: 'HOME' })}>
            {t('topBar.home')}
          </button>
        )}
      </div>
      {languages.length > 1 && (
        <div className="top-bar-group" role="group" aria-labelledby="top-bar-language">
          <span id="top-bar-language" className="top-bar-label">
            {t('topBar.language')}
          </span>
          {languages.map((language) => (
            <button
              key={language}
              type="button"
              className="button toggle"
              lang={language}
              aria-pressed={language === locale}
              onClick={() => send({ type: 'SET_LOCALE', locale: language })}
            >
              {t(`languages.${language}`)}
            </button>
          ))}
        </div>
      )}
      <div className="top-bar-group" role="group" aria-labelledby="top-bar-text-size">
        <span id="top-bar-text-size" className="top-bar-label">
          {t('topBar.textSize')}
        </span>
        {TEXT_SIZES.map((size) => (
          <button
            key={size}
            type="button"
            className={`button toggle text-size-sample-${size}`}
            aria-pressed={size === textSize}
            onClick={() => send({ type: 'SET_TEXT_SIZE', textSize: size })}
          >
            {t(`topBar.textSizes.${size}`)}
          </button>
        ))}
      </div>
      <VoiceButtons />
    </header>
  );
}
