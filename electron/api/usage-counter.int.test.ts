import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutbox } from '../../sync-agent/outbox/open-outbox';
import { createUsageCounter } from './usage-counter';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'usage-counter-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-11-24T02:00:00Z');

describe('the usage counter', () => {
  it('adds to the day’s counts in the outbox', () => {
    const file = join(dir, 'outbox.db');
    const counter = createUsageCounter(file, { now, onError: (error) => expect.fail(String(error)) });
    counter.count('lookup');
    counter.count('lookup');
    counter.close();
    const outbox = openOutbox(file);
    expect(outbox.unreportedCounts('2026-11-24')).toContainEqual({
      day: '2026-11-24',
      kind: 'lookup',
      count: 2,
    });
    outbox.close();
  });

  it('reports a count it cannot write instead of throwing, so the lookup goes on', () => {
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, '');
    const errors: unknown[] = [];
    const counter = createUsageCounter(join(blocker, 'outbox.db'), { now, onError: (e) => errors.push(e) });
    expect(() => counter.count('lookup')).not.toThrow();
    expect(errors).toHaveLength(1);
    counter.close();
  });
});
