import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_HELPER_PIN, DEMO_PUBLIC_KEY, DEMO_SIGNING_SEED_TEXT, demoKioskConfig } from './demo-config';
import { verifyHelperPin } from './helper-pin';

describe('demoKioskConfig', () => {
  const dir = path.join(path.sep, 'tmp', 'huimin-demo');
  const config = demoKioskConfig(dir);

  it('keeps every file of the demo terminal in the given directory and needs no device', () => {
    expect(config.paths).toEqual({
      replica: path.join(dir, 'replica.db'),
      outbox: path.join(dir, 'outbox.db'),
      receipts: path.join(dir, 'receipts'),
    });
    expect(config.printer).toEqual({ kind: 'virtual', directory: path.join(dir, 'receipts') });
    expect(config.cardReader).toEqual({ kind: 'simulator' });
    expect(config.county.baseUrl).toBe('http://127.0.0.1:8787');
  });

  it('offers all three screen languages, Tibetan included, and starts in Chinese', () => {
    expect(config.ui).toMatchObject({ languages: ['zh-CN', 'en', 'bo'], defaultLanguage: 'zh-CN' });
  });

  it('opens the helper screens with the demo PIN', () => {
    expect(verifyHelperPin(DEMO_HELPER_PIN, config.helper.pinHash)).toBe(true);
  });

  it('trusts the key the demo county derives from the documented seed', () => {
    const seed = createHash('sha256').update(DEMO_SIGNING_SEED_TEXT, 'utf8').digest();
    const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
    const privateKey = createPrivateKey({
      key: Buffer.concat([pkcs8Prefix, seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x;
    expect(Buffer.from(publicKey ?? '', 'base64url').toString('base64')).toBe(DEMO_PUBLIC_KEY);
    expect(config.trust.publicKeys.map((key) => key.ed25519)).toEqual([DEMO_PUBLIC_KEY]);
  });
});
