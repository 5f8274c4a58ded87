import { describe, expect, it } from 'vitest';
import { classifyStatus, readerStatus, statusWord } from './status-codes';

describe('reader status codes', () => {
  it.each([
    [0x90, 'ok', 'success'],
    [0x9f, 'card-found', 'success'],
    [0x80, 'no-card', 'card-problem'],
    [0x81, 'select-failed', 'card-problem'],
    [0x41, 'read-failed', 'card-problem'],
    [0x40, 'unknown-card', 'card-problem'],
    [0x31, 'card-rejected-reader', 'card-problem'],
    [0x10, 'checksum-error', 'transient'],
    [0x11, 'length-error', 'transient'],
    [0x21, 'command-error', 'reader-fault'],
    [0x60, 'self-test-failed', 'reader-fault'],
    [0x66, 'reader-not-authorised', 'reader-fault'],
    [0x05, 'unrecognised', 'reader-fault'],
  ] as const)('SW3 %i is %s (%s)', (sw3, status, kind) => {
    expect(readerStatus(sw3)).toBe(status);
    expect(classifyStatus(status)).toBe(kind);
  });

  it('writes the status word as hex for logs', () => {
    expect(statusWord(0x6a, 0x82, 0x41)).toBe('6a8241');
  });
});
