/**
 * The configuration of one terminal, as the installer writes it into a JSON file. Every object is strict so a
 * misspelt field is reported instead of silently falling back to a default.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

// Plain http is allowed only to this machine (the demo county and tests); everywhere else the data and the
// complaints cross networks the county does not control.
const countyBaseUrl = z.url().refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  },
  { message: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)' },
);

const CANONICAL_32_BYTE_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

const ed25519PublicKey = z
  .string()
  .refine(
    (value) =>
      CANONICAL_32_BYTE_BASE64.test(value) && Buffer.from(value, 'base64').toString('base64') === value,
    { message: 'must be an ed25519 public key: 32 bytes in base64 (44 characters)' },
  );

const publicKeySchema = z.strictObject({ keyId: text, ed25519: ed25519PublicKey });

const cardReaderSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('serial'),
    path: text,
    baudRate: z.number().int().positive().default(115200),
  }),
  // Readers that type the number as if on a keyboard.
  z.strictObject({ kind: z.literal('keyboard') }),
  z.strictObject({ kind: z.literal('simulator') }),
  z.strictObject({ kind: z.literal('none') }),
]);

const printerSchema = z.discriminatedUnion('kind', [
  // Saves what it would print; used by the demo and tests, and on sites waiting for their printer.
  z.strictObject({ kind: z.literal('virtual'), directory: text }),
  z.strictObject({
    kind: z.literal('tcp'),
    host: text,
    port: z.number().int().min(1).max(65535).default(9100),
  }),
  z.strictObject({ kind: z.literal('device'), path: text }),
]);

/** The screen languages a site may offer (the renderer has a catalogue for each); bo is Tibetan (藏文). */
export const kioskLanguageSchema = z.enum(['zh-CN', 'en', 'bo']);

const uiSchema = z
  .strictObject({
    languages: z.array(kioskLanguageSchema).min(1),
    defaultLanguage: kioskLanguageSchema,
    idleSeconds: z.number().int().min(30).default(90),
    idleWarningSeconds: z.number().int().min(20).default(20),
    textScale: z.union([z.literal(1), z.literal(1.25), z.literal(1.5)]).default(1),
    voice: z.strictObject({ enabled: z.boolean(), volume: z.number().min(0).max(1) }),
  })
  .superRefine((ui, ctx) => {
    if (!ui.languages.includes(ui.defaultLanguage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLanguage'],
        message: `must be one of ui.languages (${ui.languages.join(', ')})`,
      });
    }
    if (new Set(ui.languages).size !== ui.languages.length) {
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'lists a language twice' });
    }
    // The warning counts down inside the idle period; a longer warning would appear before the screen is idle.
    if (ui.idleWarningSeconds >= ui.idleSeconds) {
      ctx.addIssue({
        code: 'custom',
        path: ['idleWarningSeconds'],
        message: `must be shorter than ui.idleSeconds (${ui.idleSeconds})`,
      });
    }
  });

const BASE64 = '[A-Za-z0-9+/]+={0,2}';
/** `scrypt$N$r$p$<salt base64>$<hash base64>`, as written by `hashHelperPin`. */
export const HELPER_PIN_HASH_PATTERN = new RegExp(
  `^scrypt\\$(\\d+)\\$(\\d+)\\$(\\d+)\\$(${BASE64})\\$(${BASE64})$`,
);

export const kioskConfigSchema = z.strictObject({
  kioskId: z.string().regex(/^[a-z0-9-]{3,64}$/, 'must be 3–64 characters of a-z, 0-9 and -'),
  site: z.strictObject({ name: text, township: text, village: text.nullable() }),
  county: z.strictObject({ baseUrl: countyBaseUrl, hotline: text }),
  trust: z.strictObject({
    publicKeys: z
      .array(publicKeySchema)
      .min(1)
      .superRefine((keys, ctx) => {
        const seen = new Set<string>();
        keys.forEach((key, index) => {
          if (seen.has(key.keyId)) {
            ctx.addIssue({ code: 'custom', path: [index, 'keyId'], message: `duplicate keyId ${key.keyId}` });
          }
          seen.add(key.keyId);
        });
      }),
  }),
  accessToken: z.string().min(16),
  /** Relative paths resolve against the directory of the config file (see load-config). */
  paths: z.strictObject({
    replica: text,
    outbox: text,
    receipts: text,
    /** The sync agent's own files (trusted TUF metadata, partial downloads); default `sync/` beside the replica. */
    syncState: text.optional(),
  }),
  cardReader: cardReaderSchema,
  printer: printerSchema,
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).default(80),
  ui: uiSchema,
  helper: z.strictObject({
    pinHash: z.string().regex(HELPER_PIN_HASH_PATTERN, 'must look like scrypt$N$r$p$<salt>$<hash>'),
  }),
  /** After this long without a newer publish, the screen says how old the data is. */
  dataStaleAfterHours: z.number().int().positive().default(72),
});

/** A validated configuration with defaults applied and paths absolute (when it came from loadKioskConfig). */
export type KioskConfig = z.output<typeof kioskConfigSchema>;
/** What a config file may contain: fields with defaults may be left out. */
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;
export type KioskLanguage = z.infer<typeof kioskLanguageSchema>;
