import { describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../domain/id-number';
import { decodeCardText, encodeCardText } from './card-text';
import { demoCard } from './demo-card';

const first17 = '35990219460203002';
const idNumber = first17 + checkDigitOf(first17);

describe('demoCard', () => {
  it('makes a card that reads back like a real one, with sex and birth date from the number', () => {
    const card = demoCard(idNumber, '林秀英');
    expect(card).toMatchObject({ idNumber, name: '林秀英', sex: 'female', birthDate: '1946-02-03' });
    const read = decodeCardText(encodeCardText(card!));
    expect(read.ok && read.card).toEqual(card);
  });

  it('refuses a number no card could carry', () => {
    expect(demoCard(first17 + (checkDigitOf(first17) === '0' ? '1' : '0'), '林秀英')).toBeNull();
  });
});
