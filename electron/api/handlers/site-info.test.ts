import { describe, expect, it } from 'vitest';
import { isStale } from './site-info';

describe('isStale', () => {
  const asOf = '2026-11-20T02:00:00.000Z';

  it('keeps data fresh up to the configured limit', () => {
    expect(isStale(asOf, new Date('2026-11-23T02:00:00.000Z'), 72)).toBe(false);
  });

  it('calls data older than the limit stale', () => {
    expect(isStale(asOf, new Date('2026-11-23T02:00:01.000Z'), 72)).toBe(true);
  });

  it('calls a publication date it cannot read stale rather than fresh', () => {
    expect(isStale('not a date', new Date('2026-11-20T02:00:00.000Z'), 72)).toBe(true);
  });
});
