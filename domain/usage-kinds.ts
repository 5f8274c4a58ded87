/**
 * What the terminal counts, per day: only how often something happened, never who or what was looked up.
 * A resident's rating (1–5 stars) is a count too, so it needs no record of its own and no upload of its own.
 * The terminal counts these kinds and the county accepts only these (domain/county-api.ts): one list for both.
 */
export const USAGE_KINDS = [
  'lookup',
  'lookup-not-found',
  'receipt-printed',
  'complaint-filed',
  'session-timeout',
  'helper-assist',
  'rating-1',
  'rating-2',
  'rating-3',
  'rating-4',
  'rating-5',
] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export type RatingScore = 1 | 2 | 3 | 4 | 5;

export function ratingKind(score: RatingScore): UsageKind {
  return `rating-${score}`;
}
