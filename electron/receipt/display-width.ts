/**
 * Widths as a receipt printer in Chinese mode measures them: a character sent as one byte (ASCII) takes one
 * half-width column, a character sent as a multi-byte GB18030 code (CJK, full-width punctuation, ¥, ·) takes
 * two. The printer decides by encoding, not by Unicode's East Asian Width, so this does too.
 */

const ELLIPSIS = '…';

export function charWidth(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Cuts `text` to at most `width` columns, ending in an ellipsis when anything was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ELLIPSIS);
  let kept = '';
  let used = 0;
  for (const char of text) {
    if (used + charWidth(char) > room) break;
    kept += char;
    used += charWidth(char);
  }
  return kept.trimEnd() + ELLIPSIS;
}

/** Closing punctuation that Chinese typesetting never puts at the start of a line (避头点). */
const NO_LINE_START = /^[，。、；：？！）》」』〕】…,.;:?!)]$/u;

/** Latin words stay whole where they fit; each CJK character may start a new line on its own. */
function breakableUnits(text: string): string[] {
  return text.match(/ +|[\u0021-\u007e]+|\P{ASCII}/gu) ?? [];
}

function hardSplit(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (displayWidth(piece) + charWidth(char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Wraps `text` into lines of at most `width` columns. Control characters count as spaces. */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    lines.push(line.trimEnd());
    line = '';
  };
  const spaced = Array.from(text, (char) => (char < ' ' || char === '\u007f' ? ' ' : char)).join('');
  for (const unit of breakableUnits(spaced)) {
    if (unit.startsWith(' ')) {
      if (line && displayWidth(line) + displayWidth(unit) < width) line += unit;
      else if (line) flush();
      continue;
    }
    if (displayWidth(line) + displayWidth(unit) <= width) {
      line += unit;
      continue;
    }
    const lastChar = [...line].pop() ?? '';
    if (NO_LINE_START.test(unit) && charWidth(lastChar) === 2 && line.length > lastChar.length) {
      // Carry the previous character down so the punctuation does not open the line.
      line = line.slice(0, -lastChar.length);
      flush();
      line = lastChar + unit;
      continue;
    }
    if (line) flush();
    const pieces = displayWidth(unit) > width ? hardSplit(unit, width) : [unit];
    for (const piece of pieces.slice(0, -1)) lines.push(piece);
    line = pieces[pieces.length - 1] ?? '';
  }
  if (line) flush();
  return lines.length > 0 ? lines : [''];
}

/** Wraps to at most `maxLines` lines, truncating the last one with an ellipsis when text is left over. */
export function wrapAndTruncate(text: string, width: number, maxLines: number): string[] {
  const lines = wrapToWidth(text, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncateToWidth(`${kept[maxLines - 1] ?? ''}${ELLIPSIS}`, width);
  return kept;
}

/** `left` and `right` on one line of `width` columns, the left side truncated if both do not fit. */
export function spread(left: string, right: string, width: number): string {
  const room = width - displayWidth(right) - 1;
  const fitted = truncateToWidth(left, Math.max(room, 0));
  return fitted + ' '.repeat(width - displayWidth(fitted) - displayWidth(right)) + right;
}

/** Centres `text` within `width` columns with leading spaces only. */
export function centre(text: string, width: number): string {
  const pad = Math.max(0, Math.floor((width - displayWidth(text)) / 2));
  return ' '.repeat(pad) + text;
}
