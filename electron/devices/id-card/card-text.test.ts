import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../domain/id-number';
import type { CardIdentity } from './card-reader';
import { decodeCardText, encodeCardText, TEXT_BLOCK_BYTES } from './card-text';
import { nationName } from './nations';

const TODAY = '2026-11-24';
const withCheck = (first17: string) => first17 + checkDigitOf(first17);

const card: CardIdentity = {
  idNumber: withCheck('35992519580304202'),
  name: '王䶮',
  sex: 'female',
  nationCode: '01',
  birthDate: '1958-03-04',
  validFrom: '2015-06-01',
  validTo: '2035-06-01',
  issuer: '示例县公安局',
};

/** A block laid out by hand from the published field table, independent of the encoder. */
function handMadeBlock(fields: string[]): Uint8Array {
  const sizes = [30, 2, 4, 16, 70, 36, 30, 16, 16, 36];
  const block = Buffer.alloc(TEXT_BLOCK_BYTES);
  let at = 0;
  fields.forEach((text, i) => {
    block.write(text.padEnd(sizes[i]! / 2, ' '), at, 'utf16le');
    at += sizes[i]!;
  });
  return block;
}

describe('card text block', () => {
  it('decodes the fields of a hand-made block and leaves the address out', () => {
    const id = withCheck('11010519491231002');
    const block = handMadeBlock([
      '张三',
      '1',
      '03',
      '19491231',
      '北京市东城区某街道1号',
      id,
      '北京市公安局东城分局',
      '20100101',
      '长期',
      '',
    ]);

    const result = decodeCardText(block, TODAY);

    expect(result).toEqual({
      ok: true,
      card: {
        idNumber: id,
        name: '张三',
        sex: 'male',
        nationCode: '03',
        birthDate: '1949-12-31',
        validFrom: '2010-01-01',
        validTo: 'long-term',
        issuer: '北京市公安局东城分局',
      },
      nationName: '回',
    });
    expect(JSON.stringify(result)).not.toContain('东城区某街道');
  });

  it('round-trips what the encoder writes, a rare name character and an X check digit included', () => {
    const first17 = Array.from(
      { length: 1000 },
      (_, i) => `35992519580304${String(i).padStart(3, '0')}`,
    ).find((f) => checkDigitOf(f) === 'X')!;
    const withX = { ...card, idNumber: `${first17}X` };

    expect(decodeCardText(encodeCardText(card, { address: '某村' }), TODAY)).toEqual({
      ok: true,
      card,
      nationName: '汉',
    });
    expect(decodeCardText(encodeCardText(withX), TODAY)).toMatchObject({ ok: true, card: withX });
  });

  it('gives the same identity whatever address the block carries', () => {
    const a = decodeCardText(encodeCardText(card, { address: '甲村' }), TODAY);
    const b = decodeCardText(encodeCardText(card, { address: '乙镇丙村十八组' }), TODAY);
    expect(a).toEqual(b);
  });

  it('keeps an unknown nationality code as the code', () => {
    expect(decodeCardText(encodeCardText({ ...card, nationCode: '99' }), TODAY)).toMatchObject({
      ok: true,
      card: { nationCode: '99' },
      nationName: '99',
    });
  });

  it('rejects a card whose ID number fails its check digit', () => {
    const wrong = card.idNumber.slice(0, 17) + (card.idNumber.endsWith('0') ? '1' : '0');
    expect(decodeCardText(encodeCardText({ ...card, idNumber: wrong }), TODAY)).toEqual({
      ok: false,
      reason: 'invalid-card',
      problem: 'id-number',
    });
  });

  it('rejects a card whose birth field differs from the birth date in its ID number', () => {
    expect(decodeCardText(encodeCardText({ ...card, birthDate: '1958-03-05' }), TODAY)).toMatchObject({
      ok: false,
      problem: 'birth-date-mismatch',
    });
  });

  it('rejects bad sex codes, empty names, impossible dates and short blocks', () => {
    const block = Buffer.from(encodeCardText(card));
    const sex3 = Buffer.from(block);
    sex3.write('3', 30, 'utf16le');
    const noName = Buffer.from(block);
    noName.write(' '.repeat(15), 0, 'utf16le');
    const badValidTo = Buffer.from(block);
    badValidTo.write('20350631', 204, 'utf16le');

    expect(decodeCardText(sex3, TODAY)).toMatchObject({ problem: 'sex' });
    expect(decodeCardText(noName, TODAY)).toMatchObject({ problem: 'name' });
    expect(decodeCardText(badValidTo, TODAY)).toMatchObject({ problem: 'valid-to' });
    expect(decodeCardText(block.subarray(0, 200), TODAY)).toMatchObject({ problem: 'block-size' });
  });

  it('refuses to encode a field that does not fit', () => {
    expect(() => encodeCardText({ ...card, name: '很'.repeat(16) })).toThrow(RangeError);
  });
});

describe('nationality codes', () => {
  it('names the 56 nationalities of GB 3304 in order, then 97 and 98', () => {
    const names = Array.from({ length: 56 }, (_, i) => nationName(String(i + 1).padStart(2, '0')));
    expect(new Set(names).size).toBe(56);
    expect(names.slice(0, 5)).toEqual(['汉', '蒙古', '回', '藏', '维吾尔']);
    expect(names.slice(-6)).toEqual(['独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺']);
    expect(nationName('97')).toBe('其他');
    expect(nationName('98')).toBe('外国血统');
    expect(nationName('57')).toBe('57');
  });
});
