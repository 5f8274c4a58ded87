/** The three text sizes a person can choose on every screen (大 / 特大 / 超大) and how much each enlarges. */
export const TEXT_SIZES = ['large', 'larger', 'largest'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_SCALE: Record<TextSize, number> = { large: 1, larger: 1.25, largest: 1.5 };

/** The step nearest to a configured scale factor (a site may configure e.g. 1.2). */
export function textSizeForScale(scale: number): TextSize {
  const distance = (size: TextSize) => Math.abs(TEXT_SIZE_SCALE[size] - scale);
  return TEXT_SIZES.reduce((best, size) => (distance(size) < distance(best) ? size : best));
}
