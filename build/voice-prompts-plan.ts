/**
 * The pure part of the placeholder prompt generator (build/voice-prompts.ts): which files to make from the
 * renderer's prompt plan, and the manifest that lists what was made. No process is spawned here.
 */
import path from 'node:path';
import { z } from 'zod';

/** As printed by renderer/voice/print-prompt-plan.ts: locale → the recordings a complete set has. */
const promptPlanSchema = z.record(
  z.string(),
  z.array(z.object({ id: z.string().regex(/^[\w.-]+$/), text: z.string().min(1) })),
);
export type PromptPlan = z.infer<typeof promptPlanSchema>;

export function parsePromptPlan(json: string): PromptPlan {
  return promptPlanSchema.parse(JSON.parse(json));
}

/** espeak-ng's voice for each locale the renderer speaks. */
export const ESPEAK_VOICES: Readonly<Record<string, string>> = { 'zh-CN': 'cmn', en: 'en' };

/** The words per minute of the placeholders: slower than espeak's 175, for elderly listeners. */
export const ESPEAK_SPEED = 140;

export const ESPEAK_MISSING =
  'voice prompts: espeak-ng not found, so no placeholder prompts were made (apt-get install espeak-ng); the kiosk will use the OS speech or stay silent';

export interface PromptFile {
  locale: string;
  id: string;
  text: string;
  /** Where the file goes: `<out>/<locale>/<id>.wav`. */
  file: string;
  /** A county's own recording of it, when one exists; else it is synthesised. */
  recording: string | null;
}

/** Every file of the plan, with a county recording where `hasRecording` finds one. */
export function promptFiles(
  plan: PromptPlan,
  outDir: string,
  recordingsDir: string,
  hasRecording: (file: string) => boolean,
): PromptFile[] {
  return Object.entries(plan).flatMap(([locale, recordings]) =>
    recordings.map(({ id, text }) => {
      const recording = path.join(recordingsDir, locale, `${id}.wav`);
      return {
        locale,
        id,
        text,
        file: path.join(outDir, locale, `${id}.wav`),
        recording: hasRecording(recording) ? recording : null,
      };
    }),
  );
}

export interface VoiceManifest {
  format: 1;
  locales: Record<string, Record<string, string>>;
}

/** The manifest of the files that were made: locale → id → text; locales with nothing made are left out. */
export function manifestOf(made: readonly Pick<PromptFile, 'locale' | 'id' | 'text'>[]): VoiceManifest {
  const locales: Record<string, Record<string, string>> = {};
  for (const { locale, id, text } of made) (locales[locale] ??= {})[id] = text;
  return { format: 1, locales };
}

/** The manifest as the page loads it: an ES module (its CSP allows its own scripts but no fetch). */
export function manifestModule(manifest: VoiceManifest): string {
  return `export default ${JSON.stringify(manifest)};\n`;
}

/**
 * What to write given what could be made: no manifest at all when nothing was (espeak-ng missing and no
 * recordings), so the page does not look for a prompt set that is not there.
 */
export function manifestFiles(
  outDir: string,
  made: readonly PromptFile[],
): { path: string; content: string }[] {
  if (made.length === 0) return [];
  const manifest = manifestOf(made);
  return [
    { path: path.join(outDir, 'manifest.json'), content: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: path.join(outDir, 'manifest.js'), content: manifestModule(manifest) },
  ];
}

/** Samples quieter than this (of 32767) count as silence: about -40 dBFS. */
const SILENCE = 330;

/**
 * Cuts the silence espeak-ng leaves around a 16-bit PCM WAV, keeping `marginMs` on each side, so units
 * played one after another run on like speech instead of a word every second. Anything that is not such a
 * WAV comes back unchanged.
 */
export function trimWavSilence(wav: Uint8Array, marginMs: number): Uint8Array {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const text = (at: number) => String.fromCharCode(...wav.subarray(at, at + 4));
  if (wav.byteLength < 44 || text(0) !== 'RIFF' || text(8) !== 'WAVE') return wav;
  let fmt: { channels: number; rate: number; bits: number } | null = null;
  for (let at = 12; at + 8 <= wav.byteLength;) {
    const size = view.getUint32(at + 4, true);
    if (text(at) === 'fmt ' && view.getUint16(at + 8, true) === 1) {
      fmt = {
        channels: view.getUint16(at + 10, true),
        rate: view.getUint32(at + 12, true),
        bits: view.getUint16(at + 22, true),
      };
    }
    if (text(at) === 'data') {
      if (!fmt || fmt.bits !== 16) return wav;
      const frameBytes = 2 * fmt.channels;
      const start = at + 8;
      const frames = Math.floor(Math.min(size, wav.byteLength - start) / frameBytes);
      const { channels } = fmt;
      const loud = (frame: number) => {
        for (let channel = 0; channel < channels; channel++)
          if (Math.abs(view.getInt16(start + frame * frameBytes + channel * 2, true)) > SILENCE) return true;
        return false;
      };
      let first = 0;
      while (first < frames && !loud(first)) first++;
      if (first === frames) return wav;
      let last = frames - 1;
      while (last > first && !loud(last)) last--;
      const margin = Math.round((fmt.rate * marginMs) / 1000);
      const from = Math.max(0, first - margin);
      const to = Math.min(frames, last + 1 + margin);
      const data = wav.subarray(start + from * frameBytes, start + to * frameBytes);
      const out = new Uint8Array(start + data.byteLength);
      out.set(wav.subarray(0, start));
      out.set(data, start);
      const outView = new DataView(out.buffer);
      outView.setUint32(4, out.byteLength - 8, true);
      outView.setUint32(at + 4, data.byteLength, true);
      return out;
    }
    at += 8 + size + (size % 2);
  }
  return wav;
}

/** Margins kept around a synthesised file: short for units, which are joined, longer for prompts. */
export function marginMsOf(id: string): number {
  return id.startsWith('unit-') ? 15 : 80;
}
