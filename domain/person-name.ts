/**
 * Comparing a typed name with a recorded one. People and helpers type names with full-width spaces, the
 * wrong kind of middle dot (· ・ • ‧) or stray blanks; none of that should make a real resident "not found".
 */
export const NAME_DOT = '\u00B7';

// Middle dots seen in minority names as typed by different input methods, all read as U+00B7; spaces
// around the dot are dropped so they are not mistaken for letters of the name.
const NAME_DOT_VARIANTS = /\s*[\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65]\s*/g;

/** The one spelling of a minority name's middle dot, whichever one was typed. */
export function normalizeNameDots(name: string): string {
  return name.trim().replace(NAME_DOT_VARIANTS, NAME_DOT);
}

export function normalizePersonName(name: string): string {
  return normalizeNameDots(name.normalize('NFKC')).replace(/\s+/g, '');
}

// GA 467's card text holds the name in 15 UTF-16 code units; a longer registered name (some minority names)
// is cut there on the card, so the record key reads the same first 15 units from every source.
const RECORD_KEY_NAME_UNITS = 15;

/**
 * The name as it enters a resident's record key (see domain/published/sealing.nodejs.ts): the normalised
 * spelling, Latin letters upper-cased, cut where the ID card cuts it. The card, the keypad and the county's
 * master must all come to the same string, or the resident is "not found".
 */
export function recordKeyName(name: string): string {
  // Control characters are never part of a name (and NUL separates the name from the number in the key).
  const normalized = normalizePersonName(name)
    .replace(/\p{Cc}/gu, '')
    .toUpperCase();
  let cut = normalized.slice(0, RECORD_KEY_NAME_UNITS);
  // Never keep half of a character outside the Basic Multilingual Plane.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

export function isSamePersonName(typed: string, recorded: string): boolean {
  const a = normalizePersonName(typed);
  return a.length > 0 && a === normalizePersonName(recorded);
}
