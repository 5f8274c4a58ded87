/**
 * The one masking function used by every screen, receipt, export and log line (DOMAIN.md, "Identity and
 * privacy"). Public output never shows a full name, ID number, card number or phone number. Names, ID and
 * phone numbers keep one `*` per hidden character (after trimming and dropping separators); card numbers
 * always read `****` and the last four.
 */
import { normalizeIdNumber } from './id-number';
import { NAME_DOT, normalizeNameDots } from './person-name';

export type MaskKind = 'name' | 'idNumber' | 'cardNumber' | 'phone';

const STAR = '*';

// Compound surnames (复姓): with one of these, the surname is the first two characters.
// prettier-ignore
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '钟离', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '公冶', '太史',
  '申屠', '闻人', '濮阳', '赫连', '第五', '单于', '东郭', '公羊', '左丘', '拓跋', '司空', '司寇', '亓官',
  '仲孙', '子车', '颛孙', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '宰父', '谷梁', '微生', '羊舌',
  '梁丘', '东门', '鲜于', '闾丘', '段干', '淳于', '太叔', '叱干', '完颜',
]);

// A fragment (anything not a whole number) shows at most this share of its characters, from the start.
const SHORT_ID_REVEAL_SHARE = 0.4;

/** Masks a person's name, ID number, bank card (一卡通) number or phone number for display. */
export function mask(kind: MaskKind, value: string): string {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'idNumber':
      return maskIdNumber(value);
    case 'cardNumber':
      return maskCardNumber(value);
    case 'phone':
      return maskPhone(value);
  }
}

function starAllBut(chars: readonly string[], keep: (index: number) => boolean): string {
  return chars.map((c, i) => (keep(i) ? c : STAR)).join('');
}

function keepEnds(chars: readonly string[], head: number, tail: number): string {
  return starAllBut(chars, (i) => i < head || i >= chars.length - tail);
}

// Splits a number of revealed characters between head and tail in the 3:2 proportion of 6+4.
function splitReveal(revealed: number): [head: number, tail: number] {
  const head = Math.ceil((revealed * 3) / 5);
  return [head, revealed - head];
}

function plainNameKeeps(chars: readonly string[]): (index: number) => boolean {
  const surname = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const hasLastToKeep = chars.length - surname >= 2;
  return (i) => i < surname || (hasLastToKeep && i === chars.length - 1);
}

// 阿依古丽·买买提: the first segment is kept whole, the last keeps its first character, any in between
// are hidden entirely.
function dottedNameKeeps(chars: readonly string[]): (index: number) => boolean {
  const segmentOf: number[] = [];
  const startsSegment: boolean[] = [];
  let segment = 0;
  chars.forEach((c, i) => {
    if (c === NAME_DOT) segment++;
    segmentOf.push(segment);
    startsSegment.push(c !== NAME_DOT && (i === 0 || chars[i - 1] === NAME_DOT));
  });
  const last = segment;
  return (i) =>
    chars[i] === NAME_DOT || segmentOf[i] === 0 || (segmentOf[i] === last && startsSegment[i] === true);
}

function maskName(value: string): string {
  const chars = Array.from(normalizeNameDots(value));
  const rule = chars.includes(NAME_DOT) ? dottedNameKeeps(chars) : plainNameKeeps(chars);
  // A full name is never shown: when the rule would hide nothing (张, 欧阳, 阿依古丽·买), hide the last letter.
  const hidesSomething = chars.some((c, i) => c !== NAME_DOT && !rule(i));
  const lastLetter = chars.findLastIndex((c) => c !== NAME_DOT);
  return starAllBut(chars, (i) => rule(i) && (hidesSomething || i !== lastLetter));
}

// An ID number shows its region (the first 6 digits, the county's code for nearly every resident) and nothing
// else: the birth date, the sequence (with the sex) and the check digit are what a guesser must pay for, one
// key derivation each (domain/published/README.md, "What the public sees and what it costs to guess").
const ID_REGION_DIGITS = 6;

function maskIdNumber(value: string): string {
  const chars = Array.from(normalizeIdNumber(value));
  if (chars.length >= 18) return keepEnds(chars, ID_REGION_DIGITS, 0);
  return keepEnds(chars, Math.floor(chars.length * SHORT_ID_REVEAL_SHARE), 0);
}

// Card and phone numbers arrive with spaces, dashes, brackets and full-width digits; only the characters
// that carry the number are masked.
function compactNumber(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-\u2010-\u2015\u2212()]/g, '');
}

function maskCardNumber(value: string): string {
  const compact = compactNumber(value);
  if (compact === '') return '';
  // The tail stops at a star, so masking an already masked number gives the same text back.
  const tail = Array.from(compact).slice(-4);
  return STAR.repeat(4) + tail.slice(tail.lastIndexOf(STAR) + 1).join('');
}

const MOBILE = /^(?:\+?86)?(1\d{10})$/;

function maskPhone(value: string): string {
  const compact = compactNumber(value);
  const mobile = MOBILE.exec(compact)?.[1];
  if (mobile !== undefined) return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
  const chars = Array.from(compact);
  // Landlines and other numbers: at most the first 3 and last 2, and never more than half.
  const [head, tail] = splitReveal(Math.min(5, Math.floor(chars.length / 2)));
  return keepEnds(chars, head, tail);
}
