import { describe, expect, it } from 'vitest';
import { newJobId } from './job-id';

describe('newJobId', () => {
  it('names the job by county local time, then four random hex digits', () => {
    expect(newJobId(new Date('2026-11-24T08:18:03Z'))).toMatch(/^20261124-161803-[0-9a-f]{4}$/);
    expect(newJobId(new Date('2026-12-31T16:00:00Z'))).toMatch(/^20270101-000000-/);
  });

  it('sorts jobs by time', () => {
    const earlier = newJobId(new Date('2026-11-24T01:59:59Z'));
    const later = newJobId(new Date('2026-11-24T02:00:00Z'));
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});
