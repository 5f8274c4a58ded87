import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it.each([
    ['bytes=0-99', { kind: 'part', start: 0, end: 99 }],
    ['bytes=900-', { kind: 'part', start: 900, end: 999 }],
    ['bytes=900-5000', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-100', { kind: 'part', start: 900, end: 999 }],
    ['bytes=-5000', { kind: 'part', start: 0, end: 999 }],
    ['BYTES= 10-19 ', { kind: 'part', start: 10, end: 19 }],
  ])('reads %s of a 1000-byte file', (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])('finds nothing of the file in %s', (header) => {
    expect(parseByteRange(header, 1000)).toEqual({ kind: 'unsatisfiable' });
  });

  it('finds nothing in an empty file', () => {
    expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it.each([undefined, '', 'bytes=-', 'bytes=20-10', 'items=0-9', 'bytes=0-9,20-29', 'bytes=a-b'])(
    'serves the whole file for %s',
    (header) => {
      expect(parseByteRange(header, 1000)).toEqual({ kind: 'whole' });
    },
  );
});
