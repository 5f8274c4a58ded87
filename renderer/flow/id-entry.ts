/**
 * Entering a resident ID number (身份证号码) on the keypad or a helper's keyboard, and what the screen
 * says about it while it is being entered.
 */
import { normalizeIdNumber, parseIdNumber, type IdNumberProblem } from '../../domain/id-number';

export const ID_NUMBER_LENGTH = 18;

export const ID_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'] as const;
export type IdKey = (typeof ID_KEYS)[number];

/** The entry after one keypad press; a full entry takes no more characters. */
export function appendIdKey(entered: string, key: IdKey): string {
  return entered.length >= ID_NUMBER_LENGTH ? entered : entered + key;
}

/** What typing or pasting leaves in the field: digits and X only (spaces, dashes, full-width forms folded). */
export function typedIdNumber(text: string): string {
  return normalizeIdNumber(text.toUpperCase())
    .replace(/[^0-9X]/g, '')
    .slice(0, ID_NUMBER_LENGTH);
}

/** The entry split 6-8-4 (region, birth date, sequence and check digit), as printed on the card. */
export function groupIdNumber(entered: string): string {
  return [entered.slice(0, 6), entered.slice(6, 14), entered.slice(14)]
    .filter((part) => part !== '')
    .join(' ');
}

export type IdEntryFeedback =
  | { kind: 'incomplete'; remaining: number }
  | { kind: 'valid' }
  | { kind: 'problem'; problem: IdNumberProblem };

/**
 * While the number is short only misplaced characters are problems; once all 18 are there, the first thing
 * wrong with it (region, birth date, check digit) is, so the person learns which part to check.
 */
export function idEntryFeedback(entered: string, today?: string): IdEntryFeedback {
  const parsed = parseIdNumber(entered, today);
  if (parsed.ok) return { kind: 'valid' };
  const { problem } = parsed;
  if (problem.reason === 'empty') return { kind: 'incomplete', remaining: ID_NUMBER_LENGTH };
  if (problem.reason === 'length' && problem.length < ID_NUMBER_LENGTH) {
    return { kind: 'incomplete', remaining: ID_NUMBER_LENGTH - problem.length };
  }
  return { kind: 'problem', problem };
}
