/**
 * What a screen asks to be said: a prompt of the `voice.prompts` catalogue section and the numbers it fills in.
 * Values are numbers only, by type: a name or an ID number cannot reach the loudspeaker, masked or not.
 *
 * A prompt's text is cut at its `{{placeholders}}`; each piece of text is one recording (`<prompt>` when the
 * prompt has no placeholder, else `<prompt>.<n>` for its n-th piece), and each value is said with units.
 */
import { resources } from '../i18n/i18n';
import type zhCN from '../i18n/locales/zh-CN.json';
import { readAmount, readDate, readPaymentCount, readSeconds, readYear, type Reading } from './readings';
import type { VoiceLocale } from './units';

export type VoicePromptId = keyof (typeof zhCN)['voice']['prompts'];

export type VoiceValue =
  | { kind: 'amount'; fen: number }
  | { kind: 'paymentCount'; count: number }
  | { kind: 'seconds'; seconds: number }
  | { kind: 'year'; year: number }
  /** 'YYYY-MM-DD' */
  | { kind: 'date'; date: string };

export interface Utterance {
  prompt: VoicePromptId;
  values?: Readonly<Record<string, VoiceValue>>;
}

export type Segment =
  { kind: 'prompt'; id: string; text: string } | { kind: 'value'; text: string; units: readonly string[] };

export interface RenderedUtterance {
  /** The whole sentence, for the OS's speech. */
  text: string;
  /** In order: the pieces of prompt text and the values, for a recorded prompt set. */
  segments: Segment[];
}

export function readValue(value: VoiceValue, locale: VoiceLocale): Reading {
  switch (value.kind) {
    case 'amount':
      return readAmount(value.fen, locale);
    case 'paymentCount':
      return readPaymentCount(value.count, locale);
    case 'seconds':
      return readSeconds(value.seconds, locale);
    case 'year':
      return readYear(value.year, locale);
    case 'date':
      return readDate(value.date, locale);
  }
}

/** The prompt's text in the locale's catalogue, placeholders and all. */
export function promptTemplate(prompt: VoicePromptId, locale: VoiceLocale): string {
  return resources[locale].translation.voice.prompts[prompt];
}

// A piece with no letter or digit (a full stop between two values) is not worth a recording.
const SAYS_SOMETHING = /[\p{L}\p{N}]/u;

export type PromptPiece = { kind: 'text'; id: string; text: string } | { kind: 'placeholder'; name: string };

/** The prompt cut at its placeholders, each text piece named by the recording that says it. */
export function promptPieces(prompt: VoicePromptId, template: string): PromptPiece[] {
  const parts = template.split(/\{\{\s*(\w+)\s*\}\}/);
  if (parts.length === 1) return [{ kind: 'text', id: prompt, text: template }];
  return parts.flatMap((part, index): PromptPiece[] => {
    if (index % 2 === 1) return [{ kind: 'placeholder', name: part }];
    return part === '' ? [] : [{ kind: 'text', id: `${prompt}.${index / 2}`, text: part }];
  });
}

/** Whether a text piece has a recording of its own (pieces of bare punctuation have none). */
export function isSpoken(text: string): boolean {
  return SAYS_SOMETHING.test(text);
}

export function renderUtterance(utterance: Utterance, locale: VoiceLocale): RenderedUtterance {
  const segments = promptPieces(utterance.prompt, promptTemplate(utterance.prompt, locale)).map(
    (piece): Segment => {
      if (piece.kind === 'text') return { kind: 'prompt', id: piece.id, text: piece.text };
      const value = utterance.values?.[piece.name];
      if (!value) throw new Error(`prompt ${utterance.prompt} needs a value for ${piece.name}`);
      const { text, units } = readValue(value, locale);
      return { kind: 'value', text, units };
    },
  );
  const text = segments.map((segment) => segment.text).join('');
  return { text, segments };
}

/** The recordings that say an utterance, in order: prompt pieces and number units. */
export function recordingsOf(rendered: RenderedUtterance): string[] {
  return rendered.segments.flatMap((segment) => {
    if (segment.kind === 'value') return [...segment.units];
    return isSpoken(segment.text) ? [segment.id] : [];
  });
}
