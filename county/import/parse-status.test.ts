import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveStatus, parseStatus } from './parse-status';

describe('parseStatus', () => {
  it.each([
    ['已发放', 'paid'],
    [' 发放成功 ', 'paid'],
    ['待发放', 'pending'],
    ['未发放', 'pending'],
    ['发放失败', 'failed'],
    ['退回', 'failed'],
    ['PAID', 'paid'],
  ])('reads %s as %s', (text, status) => {
    expect(parseStatus(text)).toEqual({ ok: true, status });
  });

  it('leaves an empty status to the paid date, and refuses words it does not know', () => {
    expect(parseStatus('  ')).toEqual({ ok: true, status: null });
    expect(parseStatus('已审核')).toEqual({ ok: false });
    expect(effectiveStatus(null, '2026-03-05')).toBe('paid');
    expect(effectiveStatus(null, null)).toBe('pending');
    expect(effectiveStatus('failed', '2026-03-05')).toBe('failed');
  });

  it('never invents a status for an unknown word', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), (text) => {
        const result = parseStatus(text);
        if (result.ok && result.status !== null) {
          expect(['paid', 'pending', 'failed']).toContain(result.status);
          expect(text.trim()).not.toBe('');
        }
      }),
    );
  });
});
