/**
 * The 256-byte text block of a resident ID card's base info: UCS-2 little-endian fields padded with
 * spaces. The address is skipped, never decoded or returned; the photo travels in a separate block
 * that this module never sees.
 */
import { isValidLocalDate } from '../../../domain/dates';
import { parseIdNumber } from '../../../domain/id-number';
import type { CardIdentity } from './card-reader';
import { nationName } from './nations';

export const TEXT_BLOCK_BYTES = 256;

// Field sizes in bytes, in block order.
const LAYOUT = {
  name: 30,
  sex: 2,
  nation: 4,
  birth: 16,
  address: 70,
  idNumber: 36,
  issuer: 30,
  validFrom: 16,
  validTo: 16,
  reserved: 36,
} as const;
type Field = keyof typeof LAYOUT;

const OFFSETS = (() => {
  let at = 0;
  const offsets = {} as Record<Field, number>;
  for (const field of Object.keys(LAYOUT) as Field[]) {
    offsets[field] = at;
    at += LAYOUT[field];
  }
  return offsets;
})();

const LONG_TERM = '长期';
const SEX_CODES = { '1': 'male', '2': 'female' } as const;

/** Which check failed; machine words for diagnostics, never the field's content. */
export type CardTextProblem =
  | 'block-size'
  | 'name'
  | 'sex'
  | 'nation'
  | 'birth-date'
  | 'id-number'
  | 'birth-date-mismatch'
  | 'issuer'
  | 'valid-from'
  | 'valid-to';

export type CardTextResult =
  | { ok: true; card: CardIdentity; nationName: string }
  | { ok: false; reason: 'invalid-card'; problem: CardTextProblem };

function field(block: Uint8Array, name: Exclude<Field, 'address' | 'reserved'>): string {
  const start = block.byteOffset + OFFSETS[name];
  return Buffer.from(block.buffer, start, LAYOUT[name])
    .toString('utf16le')
    .replace(/^[\s\0]+|[\s\0]+$/g, '');
}

/** 'YYYYMMDD' → 'YYYY-MM-DD', or null when it is no calendar date. */
function cardDate(text: string): string | null {
  if (!/^\d{8}$/.test(text)) return null;
  const date = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return isValidLocalDate(date) ? date : null;
}

/**
 * Decodes and checks a text block. The ID number must pass GB 11643 (`today` bounds the birth date, as
 * for a typed number) and carry the same birth date as the birth field.
 */
export function decodeCardText(block: Uint8Array, today?: string): CardTextResult {
  const invalid = (problem: CardTextProblem): CardTextResult => ({
    ok: false,
    reason: 'invalid-card',
    problem,
  });
  if (block.length !== TEXT_BLOCK_BYTES) return invalid('block-size');

  const name = field(block, 'name');
  if (name === '') return invalid('name');
  const sex = SEX_CODES[field(block, 'sex') as keyof typeof SEX_CODES];
  if (sex === undefined) return invalid('sex');
  const nationCode = field(block, 'nation');
  if (!/^\d{2}$/.test(nationCode)) return invalid('nation');
  const birthDate = cardDate(field(block, 'birth'));
  if (birthDate === null) return invalid('birth-date');

  const id = parseIdNumber(field(block, 'idNumber'), today);
  if (!id.ok) return invalid('id-number');
  if (id.id.birthDate !== birthDate) return invalid('birth-date-mismatch');

  const issuer = field(block, 'issuer');
  if (issuer === '') return invalid('issuer');
  const validFrom = cardDate(field(block, 'validFrom'));
  if (validFrom === null) return invalid('valid-from');
  const validToText = field(block, 'validTo');
  const validTo = validToText === LONG_TERM ? 'long-term' : cardDate(validToText);
  if (validTo === null) return invalid('valid-to');

  return {
    ok: true,
    card: { idNumber: id.id.value, name, sex, nationCode, birthDate, validFrom, validTo, issuer },
    nationName: nationName(nationCode),
  };
}

/**
 * Builds the text block a card would carry, for the simulator, the fake reader and the tests. The
 * address is filler to prove the decoder skips it; nothing here is ever read from a real card.
 */
export function encodeCardText(card: CardIdentity, options: { address?: string } = {}): Uint8Array {
  const block = Buffer.alloc(TEXT_BLOCK_BYTES, 0);
  const put = (name: Field, text: string) => {
    const bytes = Buffer.from(text, 'utf16le');
    if (bytes.length > LAYOUT[name]) throw new RangeError(`card field ${name} is too long`);
    block.write(text.padEnd(LAYOUT[name] / 2, ' '), OFFSETS[name], 'utf16le');
  };
  const compact = (date: string) => date.replaceAll('-', '');
  put('name', card.name);
  put('sex', card.sex === 'male' ? '1' : '2');
  put('nation', card.nationCode);
  put('birth', compact(card.birthDate));
  put('address', options.address ?? '');
  put('idNumber', card.idNumber);
  put('issuer', card.issuer);
  put('validFrom', compact(card.validFrom));
  put('validTo', card.validTo === 'long-term' ? LONG_TERM : compact(card.validTo));
  put('reserved', '');
  return new Uint8Array(block.buffer, block.byteOffset, block.length);
}
