/**
 * The helper operations of the fake kiosk (test support): a PIN with the main process's lockout, one token,
 * and answers a test sets beforehand. It records which operations were called, never the PIN.
 */
import type {
  ApiResult,
  HelperStatus,
  HelperSyncNowResult,
  HelperTestCardResult,
  HelperTestPrintResult,
  KioskApi,
  OperationName,
} from '../../electron/api/contract';

export type HelperOperationName = Extract<OperationName, `helper${string}`>;
type HelperApi = Pick<KioskApi, HelperOperationName>;

export const FAKE_HELPER_PIN = '246810';
const FAKE_TOKEN = 'f'.repeat(48);

export interface FakeHelperDesk {
  status: HelperStatus;
  testPrint: HelperTestPrintResult;
  testCard: HelperTestCardResult;
  syncNow: HelperSyncNowResult;
  /** Operations called, in order (inputs are not kept: one of them is the PIN). */
  readonly calls: HelperOperationName[];
  /** Sessions counted as assisted. */
  readonly assisted: readonly string[];
  readonly reprints: readonly { sessionId: string; year: number; locale: string }[];
  /** Voids the token, as ten idle minutes would. */
  expire(): void;
  operations: HelperApi;
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });

export function createFakeHelperDesk(sessionIsOpen: (sessionId: string) => boolean): FakeHelperDesk {
  const calls: HelperOperationName[] = [];
  const assisted: string[] = [];
  const reprints: { sessionId: string; year: number; locale: string }[] = [];
  let unlocked = false;
  let failures = 0;
  const admitted = (name: HelperOperationName, token: string) => {
    calls.push(name);
    return unlocked && token === FAKE_TOKEN;
  };
  const notUnlocked = ok({ status: 'not-unlocked' as const });

  const desk: FakeHelperDesk = {
    status: {
      devices: { printer: 'ready', cardReader: 'ready' },
      sync: {
        dataVersion: 7,
        dataAsOf: '2026-03-01T02:00:00.000Z',
        lastAttemptAt: '2026-03-02T01:30:00.000Z',
        lastOutcome: 'current',
        lastError: null,
        outboxDepth: 0,
        outboxFailed: 0,
      },
      canExitToMaintenance: false,
    },
    testPrint: { status: 'printed' },
    testCard: { status: 'read', simulated: true },
    syncNow: { status: 'current', dataVersion: 7 },
    calls,
    assisted,
    reprints,
    expire() {
      unlocked = false;
    },
    operations: {
      async helperUnlock({ pin }) {
        calls.push('helperUnlock');
        if (failures >= 5) return ok({ status: 'locked', retryAfterSeconds: 300 });
        if (pin !== FAKE_HELPER_PIN) {
          failures += 1;
          return ok(
            failures >= 5
              ? { status: 'locked', retryAfterSeconds: 300 }
              : { status: 'wrong', attemptsLeft: 5 - failures },
          );
        }
        failures = 0;
        unlocked = true;
        return ok({ status: 'unlocked', token: FAKE_TOKEN });
      },
      async helperLock({ token }) {
        const locked = admitted('helperLock', token);
        unlocked = false;
        return ok({ locked });
      },
      async helperStatus({ token }) {
        if (!admitted('helperStatus', token)) return notUnlocked;
        return ok({ status: 'ok', ...desk.status });
      },
      async helperTestPrint({ token }) {
        return admitted('helperTestPrint', token) ? ok(desk.testPrint) : notUnlocked;
      },
      async helperTestCard({ token }) {
        return admitted('helperTestCard', token) ? ok(desk.testCard) : notUnlocked;
      },
      async helperSyncNow({ token }) {
        return admitted('helperSyncNow', token) ? ok(desk.syncNow) : notUnlocked;
      },
      async helperMarkAssisted({ token, sessionId }) {
        if (!admitted('helperMarkAssisted', token)) return notUnlocked;
        if (!sessionIsOpen(sessionId)) return ok({ status: 'no-session' });
        if (assisted.includes(sessionId)) return ok({ status: 'already-counted' });
        assisted.push(sessionId);
        return ok({ status: 'counted' });
      },
      async helperReprint({ token, sessionId, year, locale }) {
        if (!admitted('helperReprint', token)) return notUnlocked;
        if (!sessionIsOpen(sessionId)) return ok({ status: 'no-session' });
        reprints.push({ sessionId, year, locale });
        return ok({ status: 'printed' });
      },
      async helperExitToMaintenance({ token }) {
        if (!admitted('helperExitToMaintenance', token)) return notUnlocked;
        return ok(desk.status.canExitToMaintenance ? { status: 'exiting' } : { status: 'unsupported' });
      },
    },
  };
  return desk;
}
