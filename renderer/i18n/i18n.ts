/**
 * The renderer's i18next instance. Both catalogues are bundled, so initialisation is synchronous and the
 * first frame is already in the right language; zh-CN is the fallback for anything missing.
 */
import { createInstance, type i18n } from 'i18next';
import type { Locale } from '../../electron/api/contract';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const FALLBACK_LOCALE: Locale = 'zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const satisfies Record<Locale, unknown>;

/** Every locale the renderer has a catalogue for; a site may offer fewer. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export function createKioskI18n(locale: Locale = FALLBACK_LOCALE): i18n {
  const instance = createInstance();
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: FALLBACK_LOCALE,
    initAsync: false,
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
  });
  return instance;
}
