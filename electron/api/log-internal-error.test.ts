import { describe, expect, it } from 'vitest';
import { describeInternalError } from './log-internal-error';

describe('internal error log lines', () => {
  it('mask anything shaped like an ID number that a library echoed into its message', () => {
    const line = describeInternalError('lookupResident', new Error('no row for 35990119450307002X'));
    expect(line).not.toContain('35990119450307002X');
    expect(line).toContain('359901');
    expect(line).toContain('lookupResident');
  });
});
