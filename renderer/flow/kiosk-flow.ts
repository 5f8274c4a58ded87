/**
 * The guided flow of the terminal, as one state machine: attract → identify (number, then name) → look up →
 * 明白卡 results → print → finish, with calm detours for "not found", "invalid number" and failed calls.
 *
 * While a person is at the screen (the `session` state) an idle clock runs beside the flow: after
 * `idleSeconds` without a touch it warns, counting down at least MIN_IDLE_WARNING_SECONDS with one
 * "Continue" button; if nobody answers the session ends. However a session ends (finish, home, idle) the
 * main process is told to drop the opened record and every personal field of the context is wiped; the
 * language and text size go back to the site's defaults when the attract screen returns.
 *
 * Screens only read this machine's snapshot and send it events.
 */
import { assign, enqueueActions, fromCallback, fromPromise, setup } from 'xstate';
import type {
  CardReaderState,
  CardUnreadableReason,
  CardWait,
  KioskApi,
  Locale,
  LookupResult,
  PaymentView,
  PrintJobStatus,
  PrintResult,
  PrintWaitReason,
  ProgramInfo,
  ResidentView,
  SiteInfo,
} from '../../electron/api/contract';
import { parseIdNumber } from '../../domain/id-number';
import { appendIdKey, typedIdNumber, type IdKey } from './id-entry';
import { paymentYears } from './payment-years';
import { settle } from './settle';
import { textSizeForScale, type TextSize } from './text-size';

/** QUALITY.md: a time limit always warns first and leaves at least 20 s to continue. */
export const MIN_IDLE_WARNING_SECONDS = 20;
/** How long "谢谢，再见" stays before the attract screen returns. */
export const GOODBYE_SECONDS = 4;
/** How soon an unavailable terminal tries to load its site information again. */
export const UNAVAILABLE_RETRY_SECONDS = 30;
/** A main process that has not answered the site information by then is treated as unavailable. */
export const STARTING_TIMEOUT_SECONDS = 20;
/** How often the attract screen asks again for the site information, so a newly synced data version shows. */
export const SITE_INFO_REFRESH_SECONDS = 60;
/** How often a waiting receipt's status is asked. */
export const PRINT_JOB_POLL_SECONDS = 2;
/**
 * 查家人: how many family members one visit may look up after the first person, before starting again from
 * the attract screen. Enough for a household at the counter, few enough that a terminal left in family mode
 * does not serve an endless queue of strangers without ever returning to the attract screen.
 */
export const MAX_FAMILY_LOOKUPS = 5;
/**
 * How long the advice about a card that could not be read stays at most. It goes sooner when the card is
 * lifted; this bounds it when no lift is seen, so the next person finds the ordinary hint.
 */
export const CARD_PROBLEM_SECONDS = 30;
const CARD_PROBLEM_EXPIRY = 'cardProblemExpiry';
/** After a failed wait for the card reader, the pause before waiting again. */
const CARD_WAIT_RETRY_MS = 2000;
// Used only before the site information has loaded, when no idle clock runs.
const FALLBACK_IDLE_SECONDS = 120;
const NAME_MAX_LENGTH = 64;

/** Why a receipt was not printed: the printer's own reasons, or the call not reaching it at all. */
export type PrintFailure = Extract<PrintResult, { status: 'failed' }>['reason'] | 'unreachable';
export type InvalidIdReason = Extract<LookupResult, { status: 'invalid-id' }>['reason'];
export interface ProgramFacts {
  programCode: string;
  locale: Locale;
  info: ProgramInfo | null;
}

export interface KioskFlowContext {
  siteInfo: SiteInfo | null;
  locale: Locale;
  textSize: TextSize;
  /** Personal: the number as entered. */
  idNumber: string;
  /** Personal: the name as entered. */
  name: string;
  /** Personal: the opened record, already masked by the main process. */
  resident: ResidentView | null;
  selectedYear: number | null;
  /** Personal: which of the resident's payments the details show (an index into `resident.payments`). */
  detailsIndex: number | null;
  /** The public facts of the program the details show, as last asked; `info` null when none could be had. */
  programFacts: ProgramFacts | null;
  /** Family members looked up since the attract screen (查家人); capped at MAX_FAMILY_LOOKUPS. */
  familyLookups: number;
  invalidIdReason: InvalidIdReason | null;
  printFailure: PrintFailure | null;
  /** A receipt the printer could not take yet; it prints by itself when the printer is back. */
  printJob: { jobId: string; reason: PrintWaitReason } | null;
  /** How the card reader is, for the hints on the screens that accept a card. */
  readerState: CardReaderState | null;
  /**
   * The last card put on the reader could not be read; cleared on the next touch, when the card is lifted or
   * the next one is being read, and after CARD_PROBLEM_SECONDS in any case.
   */
  cardProblem: CardUnreadableReason | null;
  idleWarningSecondsLeft: number;
}

export type KioskFlowEvent =
  | { type: 'START' }
  | { type: 'SITE_INFO'; siteInfo: SiteInfo }
  /** The card reader's news: its state, and a card looked up by the main process, if one was read. */
  | { type: 'CARD'; wait: CardWait }
  | { type: 'PRINT_JOB'; status: PrintJobStatus }
  /** A keyboard-emulation reader typed a card's number: only the number, so the name is asked next. */
  | { type: 'KEYBOARD_CARD'; idNumber: string }
  /** The person gives up on a receipt that waits for the printer. */
  | { type: 'CANCEL_PRINT' }
  | { type: 'ID_KEY'; key: IdKey }
  | { type: 'ID_BACKSPACE' }
  | { type: 'ID_CLEAR' }
  | { type: 'ID_TYPED'; text: string }
  | { type: 'NAME_TYPED'; text: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'SELECT_YEAR'; year: number }
  /** A payment row tapped: `index` into the resident's payments. */
  | { type: 'OPEN_DETAILS'; index: number }
  /** 有疑问 on a payment's details. */
  | { type: 'ASK_QUESTION' }
  /** 查家人: this person is done, the next one of the family identifies. */
  | { type: 'FAMILY' }
  | { type: 'PRINT' }
  | { type: 'RETRY' }
  | { type: 'CORRECT' }
  | { type: 'FINISH' }
  | { type: 'HOME' }
  | { type: 'SET_LOCALE'; locale: Locale }
  | { type: 'SET_TEXT_SIZE'; textSize: TextSize }
  /** Any touch or key press anywhere on the screen; restarts the idle clock. */
  | { type: 'ACTIVITY' }
  /** The one button of the idle warning. */
  | { type: 'CONTINUE' }
  /** Raised by the flow itself: a card's problem has been shown for CARD_PROBLEM_SECONDS. */
  | { type: 'CARD_PROBLEM_EXPIRED' };

type LookupOutcome = LookupResult | { status: 'unreachable' };
type PrintOutcome = PrintResult | { status: 'failed'; reason: 'unreachable' };

const personForgotten = {
  idNumber: '',
  name: '',
  resident: null,
  selectedYear: null,
  detailsIndex: null,
  programFacts: null,
  invalidIdReason: null,
  printFailure: null,
  printJob: null,
  cardProblem: null,
} as const satisfies Partial<KioskFlowContext>;

/** A number from a keyboard reader goes on to the name when valid, else to the keypad to be seen and fixed. */
const KEYBOARD_CARD_TRANSITIONS = [
  {
    guard: 'keyboardCardIsValid',
    target: '#kioskFlow.session.step.identify.name',
    actions: 'takeKeyboardCard',
  },
  { target: '#kioskFlow.session.step.identify.idNumber', actions: 'takeKeyboardCard' },
] as const;

/** What a card on the reader leads to, on the screens that accept one (guards and actions in `setup`). */
const CARD_TRANSITIONS = [
  { guard: 'cardFound', target: '#kioskFlow.session.step.results', actions: 'takeCardResident' },
  { guard: 'cardNotFound', target: '#kioskFlow.session.step.notFound', actions: 'noteCardNews' },
  { actions: 'noteCardNews' },
] as const;

function siteDefaults(siteInfo: SiteInfo): { locale: Locale; textSize: TextSize } {
  return { locale: siteInfo.defaultLanguage, textSize: textSizeForScale(siteInfo.textScale) };
}

// Printing is entered only through the `canPrint` guard, so both are present here.
function printRequestOf(context: KioskFlowContext): { sessionId: string; year: number; locale: Locale } {
  if (!context.resident || context.selectedYear === null) throw new Error('nothing to print in this state');
  return { sessionId: context.resident.sessionId, year: context.selectedYear, locale: context.locale };
}

/** The payment the details show, if the details are open on one that exists. */
export function detailsPayment(context: KioskFlowContext): PaymentView | null {
  if (context.detailsIndex === null) return null;
  return context.resident?.payments[context.detailsIndex] ?? null;
}

// The facts shown must be of the open payment's program and in the screen's language.
function programFactsAreCurrent(context: KioskFlowContext): boolean {
  const { programFacts } = context;
  return (
    programFacts !== null &&
    programFacts.locale === context.locale &&
    programFacts.programCode === detailsPayment(context)?.programCode
  );
}

export function createKioskFlow(kiosk: KioskApi) {
  return setup({
    types: {
      context: {} as KioskFlowContext,
      events: {} as KioskFlowEvent,
    },
    actors: {
      // Waits for the reader's news again and again while a screen that accepts a card is shown.
      watchCard: fromCallback<KioskFlowEvent>(({ sendBack }) => {
        let stopped = false;
        void (async () => {
          let after = 0;
          while (!stopped) {
            const wait = await settle(() => kiosk.waitForCard({ after }));
            if (stopped) return;
            if (wait === null) {
              await new Promise((resolve) => setTimeout(resolve, CARD_WAIT_RETRY_MS));
              continue;
            }
            after = wait.seq;
            sendBack({ type: 'CARD', wait });
          }
        })();
        return () => {
          stopped = true;
        };
      }),
      watchPrintJob: fromCallback<KioskFlowEvent, { jobId: string }>(({ sendBack, input }) => {
        const timer = setInterval(() => {
          void settle(() => kiosk.printJobStatus({ jobId: input.jobId })).then((status) => {
            if (status) sendBack({ type: 'PRINT_JOB', status });
          });
        }, PRINT_JOB_POLL_SECONDS * 1000);
        return () => clearInterval(timer);
      }),
      loadSiteInfo: fromPromise<SiteInfo | null>(() => settle(() => kiosk.getSiteInfo({}))),
      // While nobody is at the screen: a failed refresh keeps what is shown, the next one may succeed.
      refreshSiteInfo: fromCallback<KioskFlowEvent>(({ sendBack }) => {
        const timer = setInterval(() => {
          void settle(() => kiosk.getSiteInfo({})).then((siteInfo) => {
            if (siteInfo) sendBack({ type: 'SITE_INFO', siteInfo });
          });
        }, SITE_INFO_REFRESH_SECONDS * 1000);
        return () => clearInterval(timer);
      }),
      lookUpResident: fromPromise<LookupOutcome, { idNumber: string; name: string }>(async ({ input }) => {
        return (await settle(() => kiosk.lookupResident(input))) ?? { status: 'unreachable' };
      }),
      // Facts that cannot be had leave the details showing the payment itself and the hotline.
      loadProgramInfo: fromPromise<ProgramFacts, { programCode: string; locale: Locale }>(
        async ({ input }) => {
          const result = await settle(() => kiosk.getProgramInfo(input));
          return { ...input, info: result?.status === 'found' ? result.program : null };
        },
      ),
      printReceipt: fromPromise<PrintOutcome, { sessionId: string; year: number; locale: Locale }>(
        async ({ input }) => {
          return (
            (await settle(() => kiosk.printReceipt(input))) ?? { status: 'failed', reason: 'unreachable' }
          );
        },
      ),
    },
    delays: {
      idleTimeout: ({ context }) => (context.siteInfo?.idleSeconds ?? FALLBACK_IDLE_SECONDS) * 1000,
      goodbye: GOODBYE_SECONDS * 1000,
      unavailableRetry: UNAVAILABLE_RETRY_SECONDS * 1000,
      startingTimeout: STARTING_TIMEOUT_SECONDS * 1000,
    },
    guards: {
      idNumberIsValid: ({ context }) => parseIdNumber(context.idNumber).ok,
      nameIsGiven: ({ context }) => context.name.trim() !== '',
      canPrint: ({ context }) => context.resident !== null && context.selectedYear !== null,
      paymentExists: ({ context, event }) =>
        event.type === 'OPEN_DETAILS' &&
        Number.isInteger(event.index) &&
        event.index >= 0 &&
        event.index < (context.resident?.payments.length ?? 0),
      programFactsAreStale: ({ context }) => !programFactsAreCurrent(context),
      familyLookupAllowed: ({ context }) => context.familyLookups < MAX_FAMILY_LOOKUPS,
      printMayWorkAgain: ({ context }) => context.printFailure !== 'session-expired',
      idleWarningElapsed: ({ context }) => context.idleWarningSecondsLeft <= 0,
      keyboardCardIsValid: ({ event }) => event.type === 'KEYBOARD_CARD' && parseIdNumber(event.idNumber).ok,
      cardFound: ({ event }) => event.type === 'CARD' && event.wait.card?.status === 'found',
      cardNotFound: ({ event }) => event.type === 'CARD' && event.wait.card?.status === 'not-found',
    },
    actions: {
      // The main process drops an untouched session by itself too; telling it is the prompt path, and a
      // failure to tell it changes nothing for the person leaving.
      endResidentSession: ({ context }) => {
        const sessionId = context.resident?.sessionId;
        if (sessionId) void settle(() => kiosk.endSession({ sessionId }));
      },
      forgetPerson: assign(personForgotten),
      // Anonymous: only that a session ran out, for the county's daily counts.
      noteIdleTimeout: () => void settle(() => kiosk.noteIdleTimeout({})),
      // A new visit starts a new count of family lookups.
      endFamilyVisit: assign({ familyLookups: 0 }),
      takeKeyboardCard: assign(({ event }) =>
        event.type === 'KEYBOARD_CARD' ? { idNumber: typedIdNumber(event.idNumber), cardProblem: null } : {},
      ),
      takeCardResident: assign(({ event }) => {
        if (event.type !== 'CARD' || event.wait.card?.status !== 'found') return {};
        const { resident } = event.wait.card;
        return {
          resident,
          selectedYear: paymentYears(resident.payments)[0] ?? null,
          readerState: event.wait.reader,
          cardProblem: null,
        };
      }),
      noteCardNews: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'CARD') return;
        const { card, reader } = event.wait;
        // A card whose number fails its check reads as an unreadable card: the reader validated it already.
        const problem: CardUnreadableReason | null =
          card?.status === 'unreadable' ? card.reason : card?.status === 'invalid-id' ? 'invalid-card' : null;
        // The advice is for the person whose card it was: it stays while the card lies on the reader.
        const cardProblem = problem ?? (reader === 'lift-card' ? context.cardProblem : null);
        enqueue.assign({ readerState: reader, cardProblem });
        if (problem) {
          enqueue.cancel(CARD_PROBLEM_EXPIRY);
          enqueue.raise(
            { type: 'CARD_PROBLEM_EXPIRED' },
            { id: CARD_PROBLEM_EXPIRY, delay: CARD_PROBLEM_SECONDS * 1000 },
          );
        }
      }),
      // Leaving a waiting receipt behind: it must not print for whoever stands here next.
      cancelWaitingPrint: ({ context }) => {
        const jobId = context.printJob?.jobId;
        if (jobId) void settle(() => kiosk.cancelPrint({ jobId }));
      },
      // The next person starts from the site's own language and text size.
      restoreSiteDefaults: assign(({ context }) => (context.siteInfo ? siteDefaults(context.siteInfo) : {})),
    },
  }).createMachine({
    id: 'kioskFlow',
    initial: 'starting',
    context: {
      siteInfo: null,
      locale: 'zh-CN',
      textSize: 'large',
      ...personForgotten,
      familyLookups: 0,
      readerState: null,
      idleWarningSecondsLeft: MIN_IDLE_WARNING_SECONDS,
    },
    on: {
      SET_LOCALE: {
        guard: ({ context, event }) => context.siteInfo?.languages.includes(event.locale) ?? true,
        actions: assign({ locale: ({ event }) => event.locale }),
      },
      SET_TEXT_SIZE: { actions: assign({ textSize: ({ event }) => event.textSize }) },
      CARD_PROBLEM_EXPIRED: { actions: assign({ cardProblem: null }) },
    },
    states: {
      starting: {
        after: { startingTimeout: 'unavailable' },
        invoke: {
          src: 'loadSiteInfo',
          onDone: [
            {
              guard: ({ event }) => event.output !== null,
              target: 'attract',
              actions: assign({ siteInfo: ({ event }) => event.output }),
            },
            { target: 'unavailable' },
          ],
        },
      },
      unavailable: {
        after: { unavailableRetry: 'starting' },
        on: { RETRY: 'starting' },
      },
      attract: {
        entry: ['restoreSiteDefaults', 'endFamilyVisit'],
        invoke: [{ src: 'refreshSiteInfo' }, { src: 'watchCard' }],
        on: {
          START: { target: 'session', actions: assign({ cardProblem: null }) },
          SITE_INFO: { actions: assign({ siteInfo: ({ event }) => event.siteInfo }) },
          CARD: [...CARD_TRANSITIONS],
          KEYBOARD_CARD: [...KEYBOARD_CARD_TRANSITIONS],
        },
      },
      session: {
        type: 'parallel',
        exit: ['endResidentSession', 'forgetPerson'],
        on: { HOME: '#kioskFlow.attract' },
        states: {
          step: {
            initial: 'identify',
            states: {
              identify: {
                initial: 'idNumber',
                states: {
                  idNumber: {
                    // A card works here too: the person may find the reader after starting to type.
                    invoke: { src: 'watchCard' },
                    on: {
                      CARD: [...CARD_TRANSITIONS],
                      KEYBOARD_CARD: [...KEYBOARD_CARD_TRANSITIONS],
                      ID_KEY: {
                        actions: assign({
                          idNumber: ({ context, event }) => appendIdKey(context.idNumber, event.key),
                        }),
                      },
                      ID_BACKSPACE: {
                        actions: assign({ idNumber: ({ context }) => context.idNumber.slice(0, -1) }),
                      },
                      ID_CLEAR: { actions: assign({ idNumber: '' }) },
                      ID_TYPED: { actions: assign({ idNumber: ({ event }) => typedIdNumber(event.text) }) },
                      NEXT: { guard: 'idNumberIsValid', target: 'name' },
                    },
                  },
                  name: {
                    on: {
                      NAME_TYPED: {
                        actions: assign({ name: ({ event }) => event.text.slice(0, NAME_MAX_LENGTH) }),
                      },
                      BACK: 'idNumber',
                      NEXT: { guard: 'nameIsGiven', target: '#kioskFlow.session.step.lookingUp' },
                    },
                  },
                },
              },
              lookingUp: {
                invoke: {
                  src: 'lookUpResident',
                  input: ({ context }) => ({ idNumber: context.idNumber, name: context.name.trim() }),
                  onDone: [
                    {
                      guard: ({ event }) => event.output.status === 'found',
                      target: 'results',
                      actions: assign(({ event }) => {
                        if (event.output.status !== 'found') return {};
                        const { resident } = event.output;
                        return { resident, selectedYear: paymentYears(resident.payments)[0] ?? null };
                      }),
                    },
                    { guard: ({ event }) => event.output.status === 'not-found', target: 'notFound' },
                    {
                      guard: ({ event }) => event.output.status === 'invalid-id',
                      target: 'invalidId',
                      actions: assign({
                        invalidIdReason: ({ event }) =>
                          event.output.status === 'invalid-id' ? event.output.reason : null,
                      }),
                    },
                    { target: 'lookupFailed' },
                  ],
                },
              },
              results: {
                on: {
                  SELECT_YEAR: {
                    guard: ({ context, event }) =>
                      paymentYears(context.resident?.payments ?? []).includes(event.year),
                    actions: assign({ selectedYear: ({ event }) => event.year }),
                  },
                  PRINT: { guard: 'canPrint', target: 'printing' },
                  OPEN_DETAILS: {
                    guard: 'paymentExists',
                    target: 'details',
                    actions: assign({
                      detailsIndex: ({ event }) => (event.type === 'OPEN_DETAILS' ? event.index : null),
                    }),
                  },
                  // Leaving `session` and entering it again runs the same wipe as finishing: the main process
                  // drops this person's record and no field of theirs is left for the next one.
                  FAMILY: {
                    guard: 'familyLookupAllowed',
                    target: '#kioskFlow.session',
                    reenter: true,
                    actions: assign({ familyLookups: ({ context }) => context.familyLookups + 1 }),
                  },
                  FINISH: '#kioskFlow.finish',
                },
              },
              details: {
                initial: 'shown',
                exit: assign({ detailsIndex: null }),
                on: { BACK: 'results' },
                states: {
                  shown: {
                    // Facts of another program, or in the language before a switch, are asked again.
                    always: { guard: 'programFactsAreStale', target: 'loading' },
                    on: { ASK_QUESTION: 'asking' },
                  },
                  loading: {
                    invoke: {
                      src: 'loadProgramInfo',
                      input: ({ context }) => ({
                        programCode: detailsPayment(context)?.programCode ?? '',
                        locale: context.locale,
                      }),
                      onDone: {
                        target: 'shown',
                        actions: assign({ programFacts: ({ event }) => event.output }),
                      },
                    },
                    on: { ASK_QUESTION: 'asking' },
                  },
                  // 有疑问: the complaint flow is a later issue; until then the hotline and the department's phone.
                  asking: {
                    on: { BACK: 'shown' },
                  },
                },
              },
              printing: {
                entry: assign({ printFailure: null }),
                invoke: {
                  src: 'printReceipt',
                  input: ({ context }) => printRequestOf(context),
                  onDone: [
                    { guard: ({ event }) => event.output.status === 'printed', target: 'printed' },
                    {
                      guard: ({ event }) => event.output.status === 'waiting',
                      target: 'printWaiting',
                      actions: assign({
                        printJob: ({ event }) =>
                          event.output.status === 'waiting'
                            ? { jobId: event.output.jobId, reason: event.output.reason }
                            : null,
                      }),
                    },
                    {
                      target: 'printFailed',
                      actions: assign({
                        printFailure: ({ event }) =>
                          event.output.status === 'failed' ? event.output.reason : 'unreachable',
                      }),
                    },
                  ],
                },
              },
              printWaiting: {
                invoke: {
                  src: 'watchPrintJob',
                  input: ({ context }) => ({ jobId: context.printJob?.jobId ?? '' }),
                },
                exit: ['cancelWaitingPrint', assign({ printJob: null })],
                on: {
                  PRINT_JOB: [
                    { guard: ({ event }) => event.status.state === 'printed', target: 'printed' },
                    {
                      guard: ({ event }) => event.status.state === 'waiting',
                      actions: assign({
                        printJob: ({ context, event }) =>
                          context.printJob && event.status.state === 'waiting'
                            ? { ...context.printJob, reason: event.status.reason }
                            : context.printJob,
                      }),
                    },
                    {
                      // Cancelled elsewhere, or lost with a restart of the app: it will not print.
                      guard: ({ event }) =>
                        event.status.state === 'cancelled' || event.status.state === 'unknown-job',
                      target: 'printFailed',
                      actions: assign({ printFailure: 'offline' }),
                    },
                  ],
                  CANCEL_PRINT: 'results',
                  FINISH: '#kioskFlow.finish',
                },
              },
              printed: {
                on: { BACK: 'results', FINISH: '#kioskFlow.finish' },
              },
              printFailed: {
                on: {
                  RETRY: { guard: 'printMayWorkAgain', target: 'printing' },
                  BACK: { guard: 'printMayWorkAgain', target: 'results' },
                  FINISH: '#kioskFlow.finish',
                },
              },
              notFound: {
                // The number and name stay so the person can check them rather than type them again.
                on: { CORRECT: 'identify.idNumber' },
              },
              invalidId: {
                on: { CORRECT: 'identify.idNumber' },
              },
              lookupFailed: {
                on: { RETRY: 'lookingUp' },
              },
            },
          },
          idle: {
            initial: 'active',
            states: {
              active: {
                after: { idleTimeout: 'warning' },
                on: { ACTIVITY: { target: 'active', reenter: true } },
              },
              warning: {
                entry: assign({
                  idleWarningSecondsLeft: ({ context }) =>
                    Math.max(MIN_IDLE_WARNING_SECONDS, context.siteInfo?.idleWarningSeconds ?? 0),
                }),
                initial: 'counting',
                states: {
                  counting: {
                    after: {
                      1000: {
                        target: 'counting',
                        reenter: true,
                        actions: assign({
                          idleWarningSecondsLeft: ({ context }) => context.idleWarningSecondsLeft - 1,
                        }),
                      },
                    },
                  },
                },
                always: {
                  guard: 'idleWarningElapsed',
                  target: '#kioskFlow.attract',
                  actions: 'noteIdleTimeout',
                },
                on: { CONTINUE: 'active' },
              },
            },
          },
        },
      },
      finish: {
        after: { goodbye: 'attract' },
      },
    },
  });
}

export type KioskFlow = ReturnType<typeof createKioskFlow>;

/** How screens talk to the flow. */
export type SendFlowEvent = (event: KioskFlowEvent) => void;
