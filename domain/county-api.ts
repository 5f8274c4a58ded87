/**
 * The HTTP bodies a terminal (its sync agent) and the county server exchange: heartbeats, complaints, their
 * answers, and the JSON error every endpoint answers with. Both sides parse with these same schemas.
 *
 * Objects drop fields they do not know instead of refusing them, so a newer terminal can still talk to an
 * older county server (and the other way round). Pure: no Node APIs.
 */
import { z } from 'zod';
import { isValidLocalDate, plusDays, type LocalDate } from './dates';
import { normalizeIdNumber, parseIdNumber } from './id-number';
import { USAGE_KINDS } from './usage-kinds';

export const COUNTY_API_PATHS = {
  health: '/api/v1/health',
  heartbeat: '/api/v1/heartbeat',
  complaints: '/api/v1/complaints',
} as const;

/** Where the county server serves the publish directory; any static host may serve it elsewhere. */
export const PUBLISH_PATH_PREFIX = '/publish/';

/**
 * The largest request body the county server takes by default (larger: 413). Terminals size their heartbeats
 * well under it (sync-agent/outbox/heartbeat.ts), since a proxy in front may allow less.
 */
export const COUNTY_BODY_LIMIT_BYTES = 64 * 1024;

/** An instant as ISO 8601 text with its offset (`2026-03-05T08:30:00Z`, `2026-03-05T16:30:00+08:00`). */
const instant = z.iso.datetime({ offset: true });

const dataVersion = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

// Counting code points, not UTF-16 units, so a character outside the BMP (e.g. 𠀾) counts once.
function characters(max: number) {
  return (
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .refine((text) => [...text].length <= max, `must be at most ${max} characters`)
      // Line breaks and tabs are how people write; other control characters only break displays and exports.
      .refine((text) => !/(?![\t\n\r])\p{Cc}/u.test(text), {
        message: 'must not contain control characters',
      })
  );
}

/** 'unknown' where the sender cannot see the device (the sync agent on its own); the county keeps the last known state. */
export const PRINTER_STATES = [
  'ready',
  'paper-near-end',
  'paper-out',
  'cover-open',
  'offline',
  'error',
  'not-configured',
  'unknown',
] as const;
/** A reader in keyboard-emulation mode cannot say how it is: `unknown`. `missing`: unplugged or not answering. */
export const CARD_READER_STATES = [
  'ready',
  'missing',
  'error',
  'offline',
  'unknown',
  'not-configured',
] as const;

const localDay = z.string().refine(isValidLocalDate, 'must be a real calendar date YYYY-MM-DD');

/**
 * The days a usage count may be for, around the receiver's today in Asia/Shanghai. 400 days back: a terminal
 * that was offline for a whole year (a hall closed for repairs, a terminal away for service) still reports
 * that year, with a month to spare for a wrong clock; older counts belong to statistics closed long ago.
 * One day ahead: a terminal whose clock runs a little fast counts "tomorrow" just after midnight; more than
 * that is a wrong clock, not a day that happened.
 */
export const USAGE_DAYS_BACK = 400;
const USAGE_DAYS_AHEAD = 1;

export function usageDayWindow(today: LocalDate): { earliest: LocalDate; latest: LocalDate } {
  return { earliest: plusDays(today, -USAGE_DAYS_BACK), latest: plusDays(today, USAGE_DAYS_AHEAD) };
}

/** No kiosk is used ten times a second all day long: a larger count is a fault, not a day at the hall. */
const USAGE_COUNT_MAX = 1_000_000;

/** An anonymous usage count of one kind on one of the terminal's days (lookups, receipts, ratings…). */
export const usageCountSchema = z.object({
  day: localDay,
  kind: z.enum(USAGE_KINDS, { error: `must be one of ${USAGE_KINDS.join(', ')}` }),
  /** The whole day's count so far: the county keeps the latest per terminal, day and kind. */
  count: z.number().int().min(0).max(USAGE_COUNT_MAX),
});
export type UsageCount = z.infer<typeof usageCountSchema>;

/** At most this many counts in one heartbeat; with the body limit, fewer fit anyway (~1,100). */
export const HEARTBEAT_MAX_COUNTERS = 2000;

export const heartbeatSchema = z.object({
  /** The data version the terminal's replica holds; null before its first sync. */
  dataVersion: dataVersion.nullable(),
  appVersion: z
    .string()
    .max(64)
    .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, 'must be a version such as 1.2.3'),
  devices: z.object({
    printer: z.enum(PRINTER_STATES),
    cardReader: z.enum(CARD_READER_STATES),
  }),
  /** The terminal's clock when it sent the heartbeat; the county keeps its own receive time as well. */
  at: instant,
  /** When the terminal last tried to sync, and last succeeded (optional: older terminals do not send it). */
  lastSync: z.object({ attemptedAt: instant.nullable(), succeededAt: instant.nullable() }).optional(),
  /** Anonymous usage counts not yet acknowledged; never anything about a person. */
  counters: z
    .array(usageCountSchema)
    .max(HEARTBEAT_MAX_COUNTERS)
    .superRefine((counters, context) => {
      const seen = new Set<string>();
      counters.forEach(({ day, kind }, index) => {
        if (seen.has(`${day} ${kind}`)) {
          context.addIssue({ code: 'custom', path: [index], message: `${day} ${kind} is counted twice` });
        }
        seen.add(`${day} ${kind}`);
      });
    })
    .optional(),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

/**
 * The heartbeat as the county takes it on `today` (its own, in Asia/Shanghai): every count's day within
 * `usageDayWindow(today)`. With the known kinds and one count per day and kind, a terminal holds at most
 * USAGE_KINDS.length rows per day, over a window of USAGE_DAYS_BACK + USAGE_DAYS_AHEAD + 1 days.
 */
export function heartbeatSchemaOn(today: LocalDate) {
  const { earliest, latest } = usageDayWindow(today);
  return heartbeatSchema.superRefine((heartbeat, context) => {
    heartbeat.counters?.forEach(({ day }, index) => {
      if (day < earliest || day > latest) {
        context.addIssue({
          code: 'custom',
          path: ['counters', index, 'day'],
          message: `must be from ${earliest} to ${latest} (the county's today in Asia/Shanghai is ${today})`,
        });
      }
    });
  });
}

export const heartbeatAnswerSchema = z.object({
  ok: z.literal(true),
  serverTime: instant,
  /** The newest data version the county has published, or null before the first publish. */
  latestVersion: dataVersion.nullable(),
});
export type HeartbeatAnswer = z.infer<typeof heartbeatAnswerSchema>;

export const healthAnswerSchema = z.object({ ok: z.literal(true), latestVersion: dataVersion.nullable() });
export type HealthAnswer = z.infer<typeof healthAnswerSchema>;

export const COMPLAINT_CATEGORIES = [
  /** a payment the resident expected never came */
  'missing',
  'late',
  'wrong-amount',
  /** the resident's name, card or other details are wrong */
  'wrong-details',
  /** someone is paid who should not be (e.g. a deceased person, a cadre's relative) */
  'wrong-payee',
  /** about the service at the hall or the terminal itself */
  'service',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_MESSAGE_MAX_CHARS = 1000;
export const COMPLAINT_NAME_MAX_CHARS = 50;

/** Mainland mobile (11 digits from 13–19) or landline with area code; spaces and hyphens are dropped. */
export const phoneSchema = z
  .string()
  .transform((text) => text.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(?:1[3-9]\d{9}|0\d{9,11})$/, 'must be a mobile or landline number'));

export const idNumberSchema = z
  .string()
  .transform(normalizeIdNumber)
  .refine((value) => parseIdNumber(value).ok, 'must be a valid resident ID number');

export const complaintSchema = z.object({
  /**
   * The idempotency key: a UUID the terminal makes once per complaint and sends with every retry. A second
   * POST with the same key and the same body gets the first answer; with a different body, 409.
   */
  clientKey: z.uuid().transform((key) => key.toLowerCase()),
  /** When the resident filed it at the terminal. */
  createdAt: instant,
  category: z.enum(COMPLAINT_CATEGORIES),
  programCode: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be a program code')
    .optional(),
  message: characters(COMPLAINT_MESSAGE_MAX_CHARS),
  /** How the county can answer the complainant. */
  contact: z.object({ name: characters(COMPLAINT_NAME_MAX_CHARS).optional(), phone: phoneSchema }).optional(),
  /** The resident the complaint is about, when it is about someone's payments. */
  personRef: z.object({ idNumber: idNumberSchema }).optional(),
});
/** A complaint as the terminal builds it (before normalization). */
export type ComplaintInput = z.input<typeof complaintSchema>;
export type Complaint = z.output<typeof complaintSchema>;

export const complaintReceiptSchema = z.object({
  id: z.number().int().positive(),
  receivedAt: instant,
});
export type ComplaintReceipt = z.infer<typeof complaintReceiptSchema>;

export const COUNTY_API_ERROR_STATUS = {
  'bad-request': 400,
  'invalid-json': 400,
  'invalid-body': 400,
  unauthorized: 401,
  revoked: 403,
  'not-found': 404,
  'request-timeout': 408,
  'idempotency-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'range-not-satisfiable': 416,
  'rate-limited': 429,
  'headers-too-large': 431,
  internal: 500,
} as const;
export type CountyApiErrorCode = keyof typeof COUNTY_API_ERROR_STATUS;

const errorCodes = Object.keys(COUNTY_API_ERROR_STATUS) as [CountyApiErrorCode, ...CountyApiErrorCode[]];

/** Every error answer, from every endpoint and from the publish directory. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** For `invalid-body`: each problem with the dotted path of the field it concerns. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
