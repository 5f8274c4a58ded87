/**
 * The manifest of a prompt set: which recordings exist, per locale, and what each says. The build writes it
 * twice into `voice/`: `manifest.json` for people and tools, and `manifest.js` (the same object as an ES module)
 * for the page, whose CSP lets it load its own scripts but fetch nothing (`connect-src 'none'`).
 */

export interface VoiceManifest {
  format: 1;
  /** locale → recording id → the text it says */
  locales: Record<string, Record<string, string>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Checked by hand: zod would add more to the page's script than this whole module.
export function isVoiceManifest(value: unknown): value is VoiceManifest {
  return (
    isRecord(value) &&
    value.format === 1 &&
    isRecord(value.locales) &&
    Object.values(value.locales).every(
      (recordings) =>
        isRecord(recordings) && Object.values(recordings).every((text) => typeof text === 'string'),
    )
  );
}

/** Where the prompt set lives beside the page: `voice/<locale>/<id>.wav`. */
export function voiceBaseUrl(pageUrl: string): URL {
  return new URL('voice/', pageUrl);
}

/**
 * The prompt set's manifest, or null when there is none (espeak-ng was missing at build time, a development
 * server) or it does not parse. Only the built page has one.
 */
export async function loadVoiceManifest(
  base: URL,
  importModule: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
): Promise<VoiceManifest | null> {
  try {
    const module = (await importModule(new URL('manifest.js', base).href)) as { default?: unknown };
    return isVoiceManifest(module.default) ? module.default : null;
  } catch {
    return null;
  }
}
