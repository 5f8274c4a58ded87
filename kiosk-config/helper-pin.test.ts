import { describe, expect, it } from 'vitest';
import { hashHelperPin, verifyHelperPin } from './helper-pin';
import { kioskConfigSchema } from './schema';

describe('helper PIN', () => {
  const hash = hashHelperPin('135790');

  it('accepts the PIN it was hashed from and nothing else', () => {
    expect(verifyHelperPin('135790', hash)).toBe(true);
    expect(verifyHelperPin('135791', hash)).toBe(false);
    expect(verifyHelperPin('', hash)).toBe(false);
  });

  it('salts every hash, so equal PINs do not give equal hashes', () => {
    expect(hashHelperPin('135790')).not.toBe(hash);
  });

  it('writes hashes the config schema accepts', () => {
    expect(kioskConfigSchema.shape.helper.safeParse({ pinHash: hash }).success).toBe(true);
  });

  it('refuses malformed hashes and unreasonable costs instead of throwing', () => {
    expect(verifyHelperPin('135790', 'plain-135790')).toBe(false);
    expect(verifyHelperPin('135790', hash.replace('$32768$', '$30000$'))).toBe(false);
    expect(verifyHelperPin('135790', hash.replace('$32768$', `$${2 ** 24}$`))).toBe(false);
  });

  it('only hashes PINs made of 4 to 12 digits', () => {
    expect(() => hashHelperPin('12a4')).toThrow(/4 to 12 digits/);
    expect(() => hashHelperPin('123')).toThrow(/4 to 12 digits/);
  });
});
