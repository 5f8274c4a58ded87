/**
 * Comparing a typed name with a recorded one. People and helpers type names with full-width spaces, the
 * wrong kind of middle dot (· ・ • ‧) or stray blanks; none of that should make a real resident "not found".
 */
const MIDDLE_DOTS = /[\u00B7\u30FB\u2022\u2027\uFF65\u2219\u22C5]/g;

export function normalizePersonName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(MIDDLE_DOTS, '\u00B7');
}

export function isSamePersonName(typed: string, recorded: string): boolean {
  const a = normalizePersonName(typed);
  return a.length > 0 && a === normalizePersonName(recorded);
}
