/**
 * Helper mode (工作人员模式) for the hall's staff, as its own small state machine beside the kiosk flow: five
 * taps on a quiet corner within three seconds open a PIN pad; the main process checks the PIN and hands out a
 * token; the panel shows the terminal's state and runs one staff action at a time. It lies over the screen
 * and leaves the person's flow as it was: nothing of theirs is wiped, and nothing more of theirs is shown.
 * Closing it, by hand or after HELPER_IDLE_SECONDS untouched, voids the token.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type {
  HelperExitResult,
  HelperMarkAssistedResult,
  HelperReprintResult,
  HelperStatus,
  HelperSyncNowResult,
  HelperTestCardResult,
  HelperTestPrintResult,
  HelperUnlockResult,
  KioskApi,
  Locale,
} from '../../electron/api/contract';
import { settle } from '../flow/settle';

export const CORNER_TAPS = 5;
export const CORNER_WINDOW_SECONDS = 3;
/** The panel closes itself after this long untouched: the helper has walked away. */
export const HELPER_IDLE_SECONDS = 120;
export const HELPER_STATUS_REFRESH_SECONDS = 5;
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 12;

export type HelperAction =
  | { kind: 'testPrint'; locale: Locale }
  | { kind: 'testCard' }
  | { kind: 'syncNow' }
  | { kind: 'markAssisted'; sessionId: string }
  | { kind: 'reprint'; sessionId: string; year: number; locale: Locale }
  | { kind: 'exit' };

type Answered<T> = Exclude<T, { status: 'not-unlocked' }>;
type Unreachable = { status: 'unreachable' };

/** What the last action came to, for the panel to word. */
export type HelperOutcome =
  | { kind: 'testPrint'; result: Answered<HelperTestPrintResult> | Unreachable }
  | { kind: 'testCard'; result: Answered<HelperTestCardResult> | Unreachable }
  | { kind: 'syncNow'; result: Answered<HelperSyncNowResult> | Unreachable }
  | { kind: 'markAssisted'; sessionId: string; result: Answered<HelperMarkAssistedResult> | Unreachable }
  | { kind: 'reprint'; result: Answered<HelperReprintResult> | Unreachable }
  | { kind: 'exit'; result: Answered<HelperExitResult> | Unreachable };

export type PinProblem =
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; retryAfterSeconds: number }
  /** The token expired (ten idle minutes) or was voided: the PIN is asked again. */
  | { kind: 'expired' }
  | { kind: 'unreachable' };

export interface HelperModeContext {
  taps: number;
  /** The digits typed so far; cleared as soon as they are sent. */
  pin: string;
  token: string | null;
  pinProblem: PinProblem | null;
  status: HelperStatus | null;
  /** The last status request got no answer. */
  statusUnreachable: boolean;
  running: HelperAction['kind'] | null;
  outcome: HelperOutcome | null;
}

export type HelperModeEvent =
  | { type: 'CORNER_TAP' }
  | { type: 'PIN_DIGIT'; digit: string }
  | { type: 'PIN_BACKSPACE' }
  | { type: 'PIN_CLEAR' }
  | { type: 'SUBMIT' }
  | { type: 'RUN'; action: HelperAction }
  | { type: 'STATUS'; status: HelperStatus | 'not-unlocked' | null }
  | { type: 'CLOSE' }
  /** Any touch anywhere: keeps the panel open. */
  | { type: 'ACTIVITY' };

const unreachable: Unreachable = { status: 'unreachable' };

/** Runs one action; 'not-unlocked' when the token is no longer good. */
async function runAction(
  kiosk: KioskApi,
  token: string,
  action: HelperAction,
): Promise<HelperOutcome | 'not-unlocked'> {
  const answered = <T extends { status: string }>(
    result: T | null,
  ): Answered<T> | Unreachable | 'not-unlocked' =>
    result === null
      ? unreachable
      : result.status === 'not-unlocked'
        ? 'not-unlocked'
        : (result as Answered<T>);
  switch (action.kind) {
    case 'testPrint': {
      const result = answered(await settle(() => kiosk.helperTestPrint({ token, locale: action.locale })));
      return result === 'not-unlocked' ? result : { kind: 'testPrint', result };
    }
    case 'testCard': {
      const result = answered(await settle(() => kiosk.helperTestCard({ token })));
      return result === 'not-unlocked' ? result : { kind: 'testCard', result };
    }
    case 'syncNow': {
      const result = answered(await settle(() => kiosk.helperSyncNow({ token })));
      return result === 'not-unlocked' ? result : { kind: 'syncNow', result };
    }
    case 'markAssisted': {
      const { sessionId } = action;
      const result = answered(await settle(() => kiosk.helperMarkAssisted({ token, sessionId })));
      return result === 'not-unlocked' ? result : { kind: 'markAssisted', sessionId, result };
    }
    case 'reprint': {
      const { sessionId, year, locale } = action;
      const result = answered(await settle(() => kiosk.helperReprint({ token, sessionId, year, locale })));
      return result === 'not-unlocked' ? result : { kind: 'reprint', result };
    }
    case 'exit': {
      const result = answered(await settle(() => kiosk.helperExitToMaintenance({ token })));
      return result === 'not-unlocked' ? result : { kind: 'exit', result };
    }
  }
}

const closedContext = {
  taps: 0,
  pin: '',
  token: null,
  pinProblem: null,
  status: null,
  statusUnreachable: false,
  running: null,
  outcome: null,
} as const satisfies HelperModeContext;

export function createHelperMode(kiosk: KioskApi) {
  return setup({
    types: { context: {} as HelperModeContext, events: {} as HelperModeEvent },
    actors: {
      unlock: fromPromise<HelperUnlockResult | null, { pin: string }>(({ input }) =>
        settle(() => kiosk.helperUnlock(input)),
      ),
      watchStatus: fromCallback<HelperModeEvent, { token: string }>(({ sendBack, input }) => {
        const load = () =>
          void settle(() => kiosk.helperStatus({ token: input.token })).then((answer) => {
            if (answer === null) sendBack({ type: 'STATUS', status: null });
            else if (answer.status === 'not-unlocked') sendBack({ type: 'STATUS', status: 'not-unlocked' });
            else {
              const { status: _ok, ...status } = answer;
              sendBack({ type: 'STATUS', status });
            }
          });
        load();
        const timer = setInterval(load, HELPER_STATUS_REFRESH_SECONDS * 1000);
        return () => clearInterval(timer);
      }),
      runAction: fromPromise<HelperOutcome | 'not-unlocked', { token: string; action: HelperAction }>(
        ({ input }) => runAction(kiosk, input.token, input.action),
      ),
    },
    guards: {
      fifthTap: ({ context }) => context.taps + 1 >= CORNER_TAPS,
      pinComplete: ({ context }) => context.pin.length >= PIN_MIN_LENGTH,
    },
    actions: {
      // The token is voided in the main process too, not merely forgotten here.
      lockToken: ({ context }) => {
        const { token } = context;
        if (token) void settle(() => kiosk.helperLock({ token }));
      },
      forgetAll: assign(closedContext),
    },
  }).createMachine({
    id: 'helperMode',
    initial: 'closed',
    context: closedContext,
    states: {
      closed: {
        on: { CORNER_TAP: { target: 'counting', actions: assign({ taps: 1 }) } },
      },
      counting: {
        after: { [CORNER_WINDOW_SECONDS * 1000]: { target: 'closed', actions: assign({ taps: 0 }) } },
        on: {
          CORNER_TAP: [
            { guard: 'fifthTap', target: 'open', actions: assign({ taps: 0 }) },
            { actions: assign({ taps: ({ context }) => context.taps + 1 }) },
          ],
        },
      },
      open: {
        type: 'parallel',
        exit: ['lockToken', 'forgetAll'],
        on: { CLOSE: '#helperMode.closed' },
        states: {
          view: {
            initial: 'pin',
            states: {
              pin: {
                on: {
                  PIN_DIGIT: {
                    guard: ({ context, event }) =>
                      /^\d$/.test(event.digit) && context.pin.length < PIN_MAX_LENGTH,
                    actions: assign({ pin: ({ context, event }) => context.pin + event.digit }),
                  },
                  PIN_BACKSPACE: { actions: assign({ pin: ({ context }) => context.pin.slice(0, -1) }) },
                  PIN_CLEAR: { actions: assign({ pin: '' }) },
                  SUBMIT: { guard: 'pinComplete', target: 'unlocking' },
                },
              },
              unlocking: {
                invoke: {
                  src: 'unlock',
                  input: ({ context }) => ({ pin: context.pin }),
                  onDone: [
                    {
                      guard: ({ event }) => event.output?.status === 'unlocked',
                      target: 'panel',
                      actions: assign({
                        pin: '',
                        pinProblem: null,
                        token: ({ event }) =>
                          event.output?.status === 'unlocked' ? event.output.token : null,
                      }),
                    },
                    {
                      target: 'pin',
                      actions: assign({
                        pin: '',
                        pinProblem: ({ event }): PinProblem => {
                          const answer = event.output;
                          if (answer?.status === 'wrong')
                            return { kind: 'wrong', attemptsLeft: answer.attemptsLeft };
                          if (answer?.status === 'locked')
                            return { kind: 'locked', retryAfterSeconds: answer.retryAfterSeconds };
                          return { kind: 'unreachable' };
                        },
                      }),
                    },
                  ],
                },
              },
              panel: {
                initial: 'ready',
                invoke: { src: 'watchStatus', input: ({ context }) => ({ token: context.token ?? '' }) },
                on: {
                  STATUS: [
                    {
                      guard: ({ event }) => event.status === 'not-unlocked',
                      target: '#helperMode.open.view.expired',
                    },
                    {
                      actions: assign(({ context, event }) =>
                        event.status === null || event.status === 'not-unlocked'
                          ? { statusUnreachable: true, status: context.status }
                          : { statusUnreachable: false, status: event.status },
                      ),
                    },
                  ],
                },
                states: {
                  ready: {
                    on: {
                      RUN: {
                        target: 'running',
                        actions: assign({ running: ({ event }) => event.action.kind, outcome: null }),
                      },
                    },
                  },
                  running: {
                    invoke: {
                      src: 'runAction',
                      input: ({ context, event }) => ({
                        token: context.token ?? '',
                        action: event.type === 'RUN' ? event.action : { kind: 'testCard' },
                      }),
                      onDone: [
                        {
                          guard: ({ event }) => event.output === 'not-unlocked',
                          target: '#helperMode.open.view.expired',
                        },
                        {
                          target: 'ready',
                          actions: assign({
                            running: null,
                            outcome: ({ event }) => (event.output === 'not-unlocked' ? null : event.output),
                          }),
                        },
                      ],
                    },
                  },
                },
              },
              // The main process no longer knows the token: back to the PIN, saying why.
              expired: {
                always: {
                  target: 'pin',
                  actions: assign({
                    token: null,
                    status: null,
                    running: null,
                    outcome: null,
                    pinProblem: { kind: 'expired' },
                  }),
                },
              },
            },
          },
          idle: {
            initial: 'active',
            states: {
              active: {
                after: { [HELPER_IDLE_SECONDS * 1000]: '#helperMode.closed' },
                on: { ACTIVITY: { target: 'active', reenter: true } },
              },
            },
          },
        },
      },
    },
  });
}

export type HelperMode = ReturnType<typeof createHelperMode>;
export type SendHelperEvent = (event: HelperModeEvent) => void;
