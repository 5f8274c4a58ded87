/**
 * Every recording a complete prompt set has, per voice locale, with the text it says: each prompt (or each
 * piece of a prompt with values) and each number unit. The build's placeholder generator synthesises exactly
 * these, and a county recording its own voice reads the same list (the manifest repeats it).
 */
import { resources } from '../i18n/i18n';
import { VOICE_LOCALES, VOICE_UNITS, type VoiceLocale } from './units';
import { isSpoken, promptPieces, promptTemplate, type VoicePromptId } from './utterance';

export interface PlannedRecording {
  /** The file's name without `.wav`. */
  id: string;
  text: string;
}

export type VoicePromptPlan = Record<VoiceLocale, PlannedRecording[]>;

const PROMPT_IDS = Object.keys(resources['zh-CN'].translation.voice.prompts) as VoicePromptId[];

export function recordingsOfLocale(locale: VoiceLocale): PlannedRecording[] {
  const prompts = PROMPT_IDS.flatMap((prompt) =>
    promptPieces(prompt, promptTemplate(prompt, locale)).flatMap((piece) =>
      piece.kind === 'text' && isSpoken(piece.text) ? [{ id: piece.id, text: piece.text.trim() }] : [],
    ),
  );
  const units = Object.entries(VOICE_UNITS[locale]).map(([id, text]) => ({ id, text }));
  return [...prompts, ...units];
}

export function voicePromptPlan(): VoicePromptPlan {
  return Object.fromEntries(
    VOICE_LOCALES.map((locale) => [locale, recordingsOfLocale(locale)]),
  ) as VoicePromptPlan;
}
