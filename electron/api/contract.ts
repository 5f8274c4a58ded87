/**
 * The KioskApi contract: the one table of operations the renderer may call.
 *
 * Each operation has a zod schema for its input and its output. Both transports (Electron IPC and the
 * browser host's HTTP) validate every call against this table before a handler runs, and every call
 * answers with the same envelope (`ApiResult`), so the renderer cannot tell the transports apart.
 *
 * The renderer may import this file's *types* only (enforced by dependency-cruiser).
 */
import { z } from 'zod';
import { PRINTER_STATES } from '../../domain/county-api';
import { programFrequencySchema } from '../../domain/published/replica-format';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const sessionId = z.string().regex(/^[0-9a-f]{32}$/, 'expected a session id');
const fen = z.number().int();

/** The screen's languages. bo (Tibetan, 藏文) covers the main flow; its other texts fall back to zh-CN. */
export const localeSchema = z.enum(['zh-CN', 'en', 'bo']);
export type Locale = z.infer<typeof localeSchema>;

export const paymentStatusSchema = z.enum(['paid', 'pending', 'overdue']);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** One disbursement (发放) as the resident sees it: already masked where masking applies. */
export const paymentViewSchema = z.object({
  programCode: z.string(),
  programName: z.object({ 'zh-CN': z.string(), en: z.string() }),
  /** The period the money is for (e.g. 2025, 2025-03, 2025-H1), distinct from the dates below. */
  period: z.string(),
  amountFen: fen,
  plannedDate: isoDate,
  paidDate: isoDate.nullable(),
  status: paymentStatusSchema,
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

export const siteInfoSchema = z.object({
  kioskId: z.string(),
  siteName: z.string(),
  township: z.string(),
  village: z.string().nullable(),
  hotline: z.string(),
  languages: z.array(localeSchema).min(1),
  defaultLanguage: localeSchema,
  idleSeconds: z.number().int().positive(),
  idleWarningSeconds: z.number().int().positive(),
  textScale: z.number().positive(),
  data: z.object({
    version: z.number().int().nonnegative(),
    asOf: z.string(),
    /** Older than the terminal's configured limit (`dataStaleAfterHours`): the screens say so. */
    stale: z.boolean(),
  }),
});
export type SiteInfo = z.infer<typeof siteInfoSchema>;

export const lookupInputSchema = z.object({
  idNumber: z.string().max(32),
  name: z.string().max(64),
});

export const residentViewSchema = z.object({
  sessionId,
  maskedName: z.string(),
  maskedIdNumber: z.string(),
  payments: z.array(paymentViewSchema),
});
export type ResidentView = z.infer<typeof residentViewSchema>;

export const lookupOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), resident: residentViewSchema }),
  /** The number is well formed but no record opens with it (or the name does not match it). */
  z.object({ status: z.literal('not-found') }),
  z.object({
    status: z.literal('invalid-id'),
    /** Why the number is not a valid GB 11643 number; the renderer words it in the user's language. */
    reason: z.enum(['empty', 'length', 'characters', 'region', 'birth-date', 'check-digit']),
  }),
]);
export type LookupResult = z.infer<typeof lookupOutputSchema>;

export const printInputSchema = z.object({
  sessionId,
  year: z.number().int().min(2000).max(2100),
  locale: localeSchema,
});

const jobId = z.string().regex(/^[0-9A-Za-z-]{1,64}$/, 'expected a print job id');

/** Why a queued receipt waits: it prints by itself once the printer is back, unless the person gives up. */
export const printWaitReasonSchema = z.enum(['paper-out', 'cover-open', 'offline', 'error']);
export type PrintWaitReason = z.infer<typeof printWaitReasonSchema>;

export const printOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed'), jobId }),
  z.object({ status: z.literal('waiting'), jobId, reason: printWaitReasonSchema }),
  z.object({
    status: z.literal('failed'),
    /** `offline`: the job was lost with the printer service (the app restarted); nothing will print. */
    reason: z.enum(['session-expired', 'offline', 'not-configured']),
  }),
]);
export type PrintResult = z.infer<typeof printOutputSchema>;

export const printJobInputSchema = z.object({ jobId });

/** A queued receipt as it stands; `unknown-job` once it is long finished, or after the app restarted. */
export const printJobStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('printing') }),
  z.object({ state: z.literal('waiting'), reason: printWaitReasonSchema }),
  z.object({ state: z.literal('printed') }),
  z.object({ state: z.literal('cancelled') }),
  z.object({ state: z.literal('unknown-job') }),
]);
export type PrintJobStatus = z.infer<typeof printJobStatusSchema>;

/** The same states the county is told in heartbeats. */
export const printerStateSchema = z.enum(PRINTER_STATES);
export type PrinterState = z.infer<typeof printerStateSchema>;

export const cardReaderStateSchema = z.enum([
  'ready',
  'reading',
  'read',
  'lift-card',
  'missing',
  'error',
  'not-configured',
]);
export type CardReaderState = z.infer<typeof cardReaderStateSchema>;

/** Why a card on the reader gave no lookup: the screen asks to place it again, or to type the number. */
export const cardUnreadableReasonSchema = z.enum([
  'invalid-card',
  'read-failed',
  'unknown-card',
  'authentication-failed',
]);
export type CardUnreadableReason = z.infer<typeof cardUnreadableReasonSchema>;

export const waitForCardInputSchema = z.object({
  /** The last `seq` this screen has seen; 0 at first. */
  after: z.number().int().min(0),
});

/**
 * The answer to a screen waiting for a card: at the next card or reader change, or after a while with
 * nothing new. A card read is looked up in the main process with the name and number on the card, so the
 * renderer never sees either unmasked; each card is answered to one caller only.
 */
export const waitForCardOutputSchema = z.object({
  seq: z.number().int().min(0),
  reader: cardReaderStateSchema,
  card: z
    .union([
      lookupOutputSchema,
      z.object({ status: z.literal('unreadable'), reason: cardUnreadableReasonSchema }),
    ])
    .nullable(),
});
export type CardWait = z.infer<typeof waitForCardOutputSchema>;

/** For the helper screen and the screens that depend on a device; never anything about a person. */
export const deviceStatusSchema = z.object({
  printer: printerStateSchema,
  cardReader: cardReaderStateSchema,
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const endSessionInputSchema = z.object({ sessionId });

export const programInfoInputSchema = z.object({
  programCode: z.string().min(1).max(64),
  locale: localeSchema,
});

/** A program's public facts (资金项目), as the county publishes them; names and units in the asked language. */
export const programInfoSchema = z.object({
  code: z.string(),
  name: z.string(),
  department: z.string(),
  policyBasis: z.string(),
  /** Null where the amount is decided case by case (e.g. 临时救助). */
  standardFen: fen.nullable(),
  /** What the standard is per, e.g. 元/亩/年. */
  unit: z.string(),
  frequency: programFrequencySchema,
  phone: z.string(),
});
export type ProgramInfo = z.infer<typeof programInfoSchema>;

export const programInfoOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('found'), program: programInfoSchema }),
  z.object({ status: z.literal('not-found') }),
]);
export type ProgramInfoResult = z.infer<typeof programInfoOutputSchema>;

// Helper mode (工作人员模式): the hall's staff unlock it with a PIN; every other helper call carries the token.
const helperToken = z.string().regex(/^[0-9a-f]{48}$/, 'expected a helper token');
const helperTokenInput = z.object({ token: helperToken });
/** The token is unknown, expired or locked: the screen asks for the PIN again. */
const helperNotUnlocked = z.object({ status: z.literal('not-unlocked') });

export const helperUnlockInputSchema = z.object({ pin: z.string().regex(/^\d{1,12}$/, 'expected digits') });
export const helperUnlockOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unlocked'), token: helperToken }),
  z.object({ status: z.literal('wrong'), attemptsLeft: z.number().int().min(1) }),
  /** Too many wrong PINs: no PIN is even checked until the time is up. */
  z.object({ status: z.literal('locked'), retryAfterSeconds: z.number().int().min(1) }),
]);
export type HelperUnlockResult = z.infer<typeof helperUnlockOutputSchema>;

/** The sync agent's outcomes, as its state file records them. */
export const syncOutcomeSchema = z.enum(['updated', 'current', 'stale', 'refused', 'unreachable']);

/** What the helper screen shows of the terminal; never anything about a person. */
export const helperStatusSchema = z.object({
  devices: deviceStatusSchema,
  /** Null when the sync state could not be read at all. */
  sync: z
    .object({
      dataVersion: z.number().int().nonnegative().nullable(),
      dataAsOf: z.string().nullable(),
      lastAttemptAt: z.string().nullable(),
      lastOutcome: syncOutcomeSchema.nullable(),
      /** The agent's own words about the last failure (technical, for staff and county IT). */
      lastError: z.string().nullable(),
      outboxDepth: z.number().int().nonnegative(),
      /** Items the county refused for good. */
      outboxFailed: z.number().int().nonnegative(),
    })
    .nullable(),
  /** Whether this host can close the kiosk app for maintenance (Electron can, the browser host cannot). */
  canExitToMaintenance: z.boolean(),
});
export type HelperStatus = z.infer<typeof helperStatusSchema>;
export const helperStatusOutputSchema = z.discriminatedUnion('status', [
  helperStatusSchema.extend({ status: z.literal('ok') }),
  helperNotUnlocked,
]);

export const helperTestPrintInputSchema = helperTokenInput.extend({ locale: localeSchema });
export const helperTestPrintOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed') }),
  /** The test slip waits in the queue and prints when the printer is back. */
  z.object({ status: z.literal('waiting'), reason: printWaitReasonSchema }),
  z.object({ status: z.literal('failed') }),
  helperNotUnlocked,
]);
export type HelperTestPrintResult = z.infer<typeof helperTestPrintOutputSchema>;

/** Whether the reader reads a card; the identity on it is neither shown nor kept. */
export const helperTestCardOutputSchema = z.discriminatedUnion('status', [
  /** `simulated`: the simulator read its built-in synthetic test card. */
  z.object({ status: z.literal('read'), simulated: z.boolean() }),
  z.object({ status: z.literal('unreadable'), reason: cardUnreadableReasonSchema }),
  /** No card was put on the reader within the wait. */
  z.object({ status: z.literal('no-card') }),
  z.object({
    status: z.literal('unavailable'),
    /** `keyboard`: the reader types into the page, so the main process never sees its cards. */
    reason: z.enum(['not-configured', 'keyboard', 'missing', 'error', 'busy']),
  }),
  helperNotUnlocked,
]);
export type HelperTestCardResult = z.infer<typeof helperTestCardOutputSchema>;

export const helperSyncNowOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('updated'), dataVersion: z.number().int().nonnegative().nullable() }),
  z.object({ status: z.literal('current'), dataVersion: z.number().int().nonnegative().nullable() }),
  /** `upload`: the data is current but complaints, counts or the heartbeat did not all reach the county. */
  z.object({ status: z.literal('failed'), reason: z.enum(['stale', 'refused', 'unreachable', 'upload']) }),
  /** The sync agent is in the middle of a pass of its own. */
  z.object({ status: z.literal('busy') }),
  helperNotUnlocked,
]);
export type HelperSyncNowResult = z.infer<typeof helperSyncNowOutputSchema>;

export const helperSessionInputSchema = helperTokenInput.extend({ sessionId });
export const helperMarkAssistedOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('counted') }),
  z.object({ status: z.literal('already-counted') }),
  z.object({ status: z.literal('no-session') }),
  helperNotUnlocked,
]);
export type HelperMarkAssistedResult = z.infer<typeof helperMarkAssistedOutputSchema>;

export const helperReprintInputSchema = helperSessionInputSchema.extend({
  year: z.number().int().min(2000).max(2100),
  locale: localeSchema,
});
export const helperReprintOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('printed') }),
  /** Not printed, and not left waiting either: a receipt with a person's name must not print for the next one. */
  z.object({ status: z.literal('not-printed'), reason: printWaitReasonSchema }),
  z.object({ status: z.literal('no-session') }),
  helperNotUnlocked,
]);
export type HelperReprintResult = z.infer<typeof helperReprintOutputSchema>;

export const helperExitOutputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('exiting') }),
  z.object({ status: z.literal('unsupported') }),
  helperNotUnlocked,
]);
export type HelperExitResult = z.infer<typeof helperExitOutputSchema>;

const none = z.object({}).strict();

/** The table. Adding an operation here is the only way to add one; both transports read this table. */
export const kioskOperations = {
  getSiteInfo: { input: none, output: siteInfoSchema },
  lookupResident: { input: lookupInputSchema, output: lookupOutputSchema },
  printReceipt: { input: printInputSchema, output: printOutputSchema },
  printJobStatus: { input: printJobInputSchema, output: printJobStatusSchema },
  /** The person gives up on a waiting receipt; answers how the job stands right after. */
  cancelPrint: { input: printJobInputSchema, output: printJobStatusSchema },
  getDeviceStatus: { input: none, output: deviceStatusSchema },
  waitForCard: { input: waitForCardInputSchema, output: waitForCardOutputSchema },
  endSession: { input: endSessionInputSchema, output: z.object({ ended: z.boolean() }) },
  /** The screen went back to the start because nobody answered the idle warning: counted, anonymously. */
  noteIdleTimeout: { input: none, output: z.object({ counted: z.boolean() }) },
  /** Public data: needs no session. */
  getProgramInfo: { input: programInfoInputSchema, output: programInfoOutputSchema },
  /** Helper mode: the PIN is checked here, in the main process; five wrong ones lock it for five minutes. */
  helperUnlock: { input: helperUnlockInputSchema, output: helperUnlockOutputSchema },
  helperLock: { input: helperTokenInput, output: z.object({ locked: z.boolean() }) },
  helperStatus: { input: helperTokenInput, output: helperStatusOutputSchema },
  helperTestPrint: { input: helperTestPrintInputSchema, output: helperTestPrintOutputSchema },
  helperTestCard: { input: helperTokenInput, output: helperTestCardOutputSchema },
  helperSyncNow: { input: helperTokenInput, output: helperSyncNowOutputSchema },
  /** Counts the open session as assisted (anonymously, once per session). */
  helperMarkAssisted: { input: helperSessionInputSchema, output: helperMarkAssistedOutputSchema },
  helperReprint: { input: helperReprintInputSchema, output: helperReprintOutputSchema },
  helperExitToMaintenance: { input: helperTokenInput, output: helperExitOutputSchema },
} as const;

export type OperationName = keyof typeof kioskOperations;
export const operationNames = Object.keys(kioskOperations) as OperationName[];

export type OperationInput<N extends OperationName> = z.input<(typeof kioskOperations)[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<(typeof kioskOperations)[N]['output']>;

/** The error shape every transport answers with when a call does not reach, or does not survive, its handler. */
export const apiErrorSchema = z.object({
  code: z.enum(['unknown-operation', 'invalid-input', 'forbidden-sender', 'internal']),
  message: z.string(),
  /** For invalid input: each problem with the field path it concerns. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees as `window.kiosk`, identical under Electron and in the browser host. */
export type KioskApi = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<ApiResult<OperationOutput<N>>>;
};

/** A handler receives validated input; the dispatcher validates what it returns as well. */
export type KioskHandlers = {
  [N in OperationName]: (
    input: z.output<(typeof kioskOperations)[N]['input']>,
  ) => Promise<OperationOutput<N>>;
};
