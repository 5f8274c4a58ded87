/**
 * The configuration `npm start` and the tests use when no config file is given: everything on this machine,
 * no devices needed.
 */
import path from 'node:path';
import { kioskConfigSchema, type KioskConfig, type KioskConfigInput } from './schema';

export const DEMO_KEY_ID = 'qingxi-demo-2025';
/**
 * Public half of the demo county's signing key. Its private half is not a secret: the 32-byte ed25519 seed is
 * SHA-256 of the UTF-8 text DEMO_SIGNING_SEED_TEXT, so the demo county can re-create it. Never trust it on a
 * real terminal.
 */
export const DEMO_PUBLIC_KEY = 'Z84Qy/a5bZbAxLxzSAo9wHDZLcRQq/PpCC/xKUL30NM=';
export const DEMO_SIGNING_SEED_TEXT = 'huimin-kiosk demo county signing key (public, for demos only)';
export const DEMO_COUNTY_BASE_URL = 'http://127.0.0.1:8787';
export const DEMO_HELPER_PIN = '246810';
// hashHelperPin(DEMO_HELPER_PIN), fixed so the demo config is the same on every run and costs no scrypt.
const DEMO_HELPER_PIN_HASH =
  'scrypt$32768$8$1$w1WcLxT+olsSATIBvFtFvg==$y8uxKLk/QU7JFxPLaqVChm2sufOWYIw7XfS/s36NmRo=';

/** Where the demo terminal finds its county, when `npm start` runs a real one: URL, token and pinned keys. */
export interface DemoCountyLink {
  baseUrl: string;
  accessToken: string;
  publicKeys: { keyId: string; ed25519: string }[];
}

/** `dir` holds the demo terminal's files (a relative `dir` is taken from the current directory). */
export function demoKioskConfig(dir: string, county?: DemoCountyLink): KioskConfig {
  const input: KioskConfigInput = {
    kioskId: 'qingxi-demo-01',
    site: { name: '青山镇便民服务中心', township: '青山镇', village: null },
    county: { baseUrl: county?.baseUrl ?? DEMO_COUNTY_BASE_URL, hotline: '0000-1234567' },
    trust: { publicKeys: county?.publicKeys ?? [{ keyId: DEMO_KEY_ID, ed25519: DEMO_PUBLIC_KEY }] },
    accessToken: county?.accessToken ?? 'demo-kiosk-access-token',
    paths: {
      replica: path.resolve(dir, 'replica.db'),
      outbox: path.resolve(dir, 'outbox.db'),
      receipts: path.resolve(dir, 'receipts'),
    },
    cardReader: { kind: 'simulator' },
    printer: { kind: 'virtual', directory: path.resolve(dir, 'receipts') },
    // Tibetan too, so the demo (and the end-to-end run on it) shows the third script.
    ui: { languages: ['zh-CN', 'en', 'bo'], defaultLanguage: 'zh-CN', voice: { enabled: true, volume: 0.8 } },
    helper: { pinHash: DEMO_HELPER_PIN_HASH },
  };
  return kioskConfigSchema.parse(input);
}
