import { describe, expect, it } from 'vitest';
import { lin, wrongCheckDigit } from '../test-support/residents';
import { appendIdKey, groupIdNumber, idEntryFeedback, typedIdNumber } from './id-entry';

const today = '2025-08-01';

describe('idEntryFeedback', () => {
  it('counts what is left to enter', () => {
    expect(idEntryFeedback('', today)).toEqual({ kind: 'incomplete', remaining: 18 });
    expect(idEntryFeedback('3501021948', today)).toEqual({ kind: 'incomplete', remaining: 8 });
  });

  it('points at an X typed before the last place at once', () => {
    expect(idEntryFeedback('3501X', today)).toEqual({
      kind: 'problem',
      problem: { reason: 'characters', position: 5 },
    });
  });

  it('names the check digit the first 17 call for', () => {
    const { idNumber, expected } = wrongCheckDigit('35010219480315123');
    expect(idEntryFeedback(idNumber, today)).toEqual({
      kind: 'problem',
      problem: { reason: 'check-digit', expected, actual: idNumber.slice(-1) },
    });
  });

  it('reports a birth date that does not exist', () => {
    expect(idEntryFeedback('350102194802301234', today)).toMatchObject({
      kind: 'problem',
      problem: { reason: 'birth-date', birthDate: '1948-02-30' },
    });
  });

  it('accepts a valid number', () => {
    expect(idEntryFeedback(lin.idNumber, today)).toEqual({ kind: 'valid' });
  });
});

describe('entering', () => {
  it('stops at 18 characters', () => {
    expect(appendIdKey('35010219480315123', 'X')).toBe('35010219480315123X');
    expect(appendIdKey('35010219480315123X', '1')).toBe('35010219480315123X');
  });

  it('keeps digits and X from typed or pasted text', () => {
    expect(typedIdNumber('３５０１０２ 1948-0315 123x')).toBe('35010219480315123X');
    expect(typedIdNumber('35a01')).toBe('3501');
    expect(typedIdNumber('3501021948031512345')).toHaveLength(18);
  });

  it('groups as 6-8-4', () => {
    expect(groupIdNumber('35010219480315123X')).toBe('350102 19480315 123X');
    expect(groupIdNumber('3501021')).toBe('350102 1');
    expect(groupIdNumber('')).toBe('');
  });
});
