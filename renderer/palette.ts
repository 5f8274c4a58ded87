/**
 * The kiosk's colours. They live here rather than in theme.css so a test can hold every text colour to
 * the 7:1 contrast QUALITY.md asks for on each background it is drawn on; main.tsx hands them to the
 * stylesheet as CSS custom properties (through the CSSOM, which the page's CSP allows).
 */
export const palette = {
  ink: '#1a1a1a',
  paper: '#fffdf7',
  'muted-ink': '#3d3d3d',
  bar: '#efe9da',
  surface: '#ffffff',
  primary: '#0b4f8a',
  'on-primary': '#ffffff',
  'disabled-ink': '#3d3d3d',
  disabled: '#e4e2dc',
  'paid-ink': '#14532d',
  paid: '#e7f4ea',
  'pending-ink': '#0b3d6e',
  pending: '#e6f0fa',
  'overdue-ink': '#7a2410',
  overdue: '#fbeae3',
  focus: '#1a1a1a',
} as const;

export type PaletteColour = keyof typeof palette;

/** Every text colour with every background theme.css draws it on. */
export const TEXT_ON_BACKGROUND: readonly (readonly [text: PaletteColour, background: PaletteColour])[] = [
  ['ink', 'paper'],
  ['ink', 'bar'],
  ['ink', 'surface'],
  ['muted-ink', 'paper'],
  ['muted-ink', 'surface'],
  ['primary', 'surface'],
  ['on-primary', 'primary'],
  ['disabled-ink', 'disabled'],
  ['paid-ink', 'paid'],
  ['paid-ink', 'paper'],
  ['pending-ink', 'pending'],
  ['overdue-ink', 'overdue'],
  ['overdue-ink', 'paper'],
];

export function applyPalette(root: HTMLElement): void {
  for (const [name, colour] of Object.entries(palette)) root.style.setProperty(`--${name}`, colour);
}
