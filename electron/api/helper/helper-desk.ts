/**
 * The helper-mode operations (工作人员模式): device and sync status, test print, test card, sync now, marking a
 * session as assisted, reprinting the open session's receipt, and closing the app for maintenance. Each one
 * but the unlock needs the gate's token, and none answers anything about a person.
 */
import type { KioskConfig } from '../../../kiosk-config/schema';
import type { PassAttempt } from '../../../sync-agent/daemon/sync-pass';
import type { TerminalStatus } from '../../../sync-agent/daemon/terminal-status';
import type { CardReader } from '../../devices/id-card/card-reader';
import type { PrinterService } from '../../devices/printer/printer-service';
import type {
  DeviceStatus,
  HelperStatus,
  KioskHandlers,
  Locale,
  OperationName,
  PrintResult,
} from '../contract';
import { isSimulatedReader, simulatorTestCard, type CardTestTap } from './card-test';
import type { HelperGate } from './helper-gate';
import { testReceipt, testReceiptLocale } from './test-receipt';

export type HelperOperation = Extract<OperationName, `helper${string}`>;
export type HelperHandlers = Pick<KioskHandlers, HelperOperation>;

export interface HelperDeskDeps {
  gate: HelperGate;
  site: { name: string; kioskId: string; cardReaderKind: KioskConfig['cardReader']['kind'] };
  now: () => Date;
  devices: () => DeviceStatus;
  printer: Pick<PrinterService, 'submit' | 'firstAttempt' | 'cancel'>;
  /** The reader as configured, for the simulator's test card. */
  reader: CardReader;
  cardTest: Pick<CardTestTap, 'nextCard'>;
  terminalStatus: () => TerminalStatus;
  syncPass: () => Promise<PassAttempt>;
  /** Adds one 'helper-assist' to today's anonymous usage count. */
  countAssist: (at: Date) => void;
  sessionIsOpen: (sessionId: string) => boolean;
  printReceipt: (input: { sessionId: string; year: number; locale: Locale }) => Promise<PrintResult>;
  exitToMaintenance?: () => void;
}

/** Marked sessions remembered, so a session counts once; older ones have long ended. */
const MAX_REMEMBERED_SESSIONS = 200;
/** Lets the answer reach the screen before the app goes. */
const EXIT_DELAY_MS = 500;

const notUnlocked = { status: 'not-unlocked' } as const;

export function createHelperDesk(deps: HelperDeskDeps): HelperHandlers {
  const { gate } = deps;
  const assisted: string[] = [];

  function syncStatus(): HelperStatus['sync'] {
    let status: TerminalStatus;
    try {
      status = deps.terminalStatus();
    } catch {
      return null;
    }
    return {
      dataVersion: status.dataVersion,
      dataAsOf: status.dataAsOf,
      lastAttemptAt: status.lastSync?.lastAttemptAt ?? null,
      lastOutcome: status.lastSync?.lastOutcome ?? null,
      lastError: status.lastSync?.lastError ?? null,
      outboxDepth: status.outbox.depth,
      outboxFailed: status.outbox.failed.length,
    };
  }

  return {
    helperUnlock: async ({ pin }) => gate.unlock(pin),
    helperLock: async ({ token }) => ({ locked: gate.lock(token) }),

    helperStatus: async ({ token }) => {
      if (!gate.admit(token)) return notUnlocked;
      return {
        status: 'ok',
        devices: deps.devices(),
        sync: syncStatus(),
        canExitToMaintenance: deps.exitToMaintenance !== undefined,
      };
    },

    helperTestPrint: async ({ token, locale }) => {
      if (!gate.admit(token)) return notUnlocked;
      const sync = syncStatus();
      const jobId = deps.printer.submit(
        testReceipt({
          locale: testReceiptLocale(locale),
          siteName: deps.site.name,
          kioskId: deps.site.kioskId,
          printedAt: deps.now(),
          dataVersion: sync?.dataVersion ?? null,
          dataAsOf: sync?.dataAsOf ?? null,
        }),
      );
      const status = await deps.printer.firstAttempt(jobId);
      if (status?.state === 'printed') return { status: 'printed' };
      if (status?.state === 'waiting') return { status: 'waiting', reason: status.reason };
      return { status: 'failed' };
    },

    helperTestCard: async ({ token }) => {
      if (!gate.admit(token)) return notUnlocked;
      if (deps.site.cardReaderKind === 'keyboard') return { status: 'unavailable', reason: 'keyboard' };
      const state = deps.devices().cardReader;
      if (state === 'not-configured' || state === 'missing' || state === 'error') {
        return { status: 'unavailable', reason: state };
      }
      const next = deps.cardTest.nextCard();
      if (!next) return { status: 'unavailable', reason: 'busy' };
      const simulator = isSimulatedReader(deps.reader) ? deps.reader : null;
      simulator?.present(simulatorTestCard());
      const outcome = await next;
      // The simulator would otherwise wait for its card to be lifted before reading the next person's.
      simulator?.lift();
      if (outcome.ok) return { status: 'read', simulated: simulator !== null };
      if (outcome.reason === 'no-card') return { status: 'no-card' };
      return { status: 'unreadable', reason: outcome.reason };
    },

    helperSyncNow: async ({ token }) => {
      if (!gate.admit(token)) return notUnlocked;
      let attempt: PassAttempt;
      try {
        attempt = await deps.syncPass();
      } catch {
        return { status: 'failed', reason: 'unreachable' };
      }
      if (!attempt.ran) return { status: 'busy' };
      const { sync, outbox, heartbeatError } = attempt.report;
      if (sync.outcome !== 'updated' && sync.outcome !== 'current') {
        return { status: 'failed', reason: sync.outcome };
      }
      if (outbox.stoppedBy !== null || heartbeatError !== null) return { status: 'failed', reason: 'upload' };
      return { status: sync.outcome, dataVersion: sync.toVersion };
    },

    helperMarkAssisted: async ({ token, sessionId }) => {
      if (!gate.admit(token)) return notUnlocked;
      if (!deps.sessionIsOpen(sessionId)) return { status: 'no-session' };
      if (assisted.includes(sessionId)) return { status: 'already-counted' };
      deps.countAssist(deps.now());
      assisted.push(sessionId);
      if (assisted.length > MAX_REMEMBERED_SESSIONS) assisted.shift();
      return { status: 'counted' };
    },

    helperReprint: async ({ token, sessionId, year, locale }) => {
      if (!gate.admit(token)) return notUnlocked;
      const result = await deps.printReceipt({ sessionId, year, locale });
      if (result.status === 'printed') return { status: 'printed' };
      if (result.status === 'waiting') {
        deps.printer.cancel(result.jobId);
        return { status: 'not-printed', reason: result.reason };
      }
      if (result.reason === 'session-expired') return { status: 'no-session' };
      return { status: 'not-printed', reason: 'offline' };
    },

    helperExitToMaintenance: async ({ token }) => {
      if (!gate.admit(token)) return notUnlocked;
      const exit = deps.exitToMaintenance;
      if (!exit) return { status: 'unsupported' };
      gate.lock(token);
      setTimeout(exit, EXIT_DELAY_MS);
      return { status: 'exiting' };
    },
  };
}
