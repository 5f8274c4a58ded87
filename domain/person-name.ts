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

export function isSamePersonName(typed: string, recorded: string): boolean {
  const a = normalizePersonName(typed);
  return a.length > 0 && a === normalizePersonName(recorded);
}
