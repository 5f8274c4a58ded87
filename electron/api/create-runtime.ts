/**
 * Everything the kiosk's handlers need, built from one terminal's configuration. Plain Node: the Electron
 * main process and the browser host both serve the same handlers from here.
 */
import { shanghaiDate } from '../../domain/dates';
import type { KioskConfig } from '../../kiosk-config/schema';
import type { CardReader } from '../devices/id-card/card-reader';
import { createCardReader } from '../devices/id-card/create-card-reader';
import type { PrinterService } from '../devices/printer/printer-service';
import { createReplicaReader } from '../replica/replica-reader';
import type { KioskHandlers, Locale } from './contract';
import { lookupResident } from './handlers/lookup-resident';
import { printJobStatus, printReceipt } from './handlers/print-receipt';
import { programInfo } from './handlers/program-info';
import { siteInfo } from './handlers/site-info';
import { createCardTestTap } from './helper/card-test';
import { configuredHelperDesk } from './helper/helper-runtime';
import { startKioskDevices, type KioskDevices } from './kiosk-devices';
import { logInternalError } from './log-internal-error';
import { createUsageCounter } from './usage-counter';
import { createResidentSessions } from './resident-sessions';

export interface KioskRuntime {
  handlers: KioskHandlers;
  devices: KioskDevices;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  now?: () => Date;
  /** Devices made by the caller (tests, the browser host's simulator) instead of from the config. */
  reader?: CardReader;
  printer?: PrinterService;
  /** The app's version, for the heartbeat of a sync pass that helper mode runs. */
  appVersion?: string;
  /** Closes the kiosk app for maintenance, where the host can (Electron); helper mode offers it only then. */
  exitToMaintenance?: () => void;
}

export async function createKioskRuntime(
  config: KioskConfig,
  options: RuntimeOptions = {},
): Promise<KioskRuntime> {
  const now = options.now ?? (() => new Date());
  const replica = createReplicaReader(config.paths.replica);
  // A session outlives the screen's own idle limit a little, so the screen always ends it first.
  const sessions = createResidentSessions(
    (config.ui.idleSeconds + config.ui.idleWarningSeconds + 30) * 1000,
    () => now().getTime(),
  );
  const usage = createUsageCounter(config.paths.outbox, {
    now,
    onError: (error) => logInternalError('usage count', error),
  });
  const lookUp = async (input: { idNumber: string; name: string }) => {
    const result = await lookupResident(input, replica, sessions, shanghaiDate(now()));
    if (result.status === 'found') usage.count('lookup');
    if (result.status === 'not-found') usage.count('lookup-not-found');
    return result;
  };
  // Helper mode's test card takes the next read for itself, before the card desk would look it up.
  const reader = options.reader ?? createCardReader(config.cardReader);
  const cardTest = createCardTestTap(reader);
  const devices = await startKioskDevices(config, {
    lookUp,
    now,
    reader: cardTest.reader,
    printer: options.printer,
  });
  const { printer } = devices;
  // Receipts are counted when they reach the paper, also those that waited for the printer.
  const receiptJobs = new Set<string>();
  const offJobs = printer.onJob((jobId, status) => {
    if (!receiptJobs.has(jobId) || status.state === 'printing' || status.state === 'waiting') return;
    receiptJobs.delete(jobId);
    if (status.state === 'printed') usage.count('receipt-printed');
  });

  const printResidentReceipt = (input: { sessionId: string; year: number; locale: Locale }) =>
    printReceipt(input, {
      config,
      replica,
      sessions,
      printer,
      now: now(),
      today: shanghaiDate(now()),
      onSubmitted: (jobId) => receiptJobs.add(jobId),
    });

  const handlers: KioskHandlers = {
    getSiteInfo: async () => siteInfo(config, replica, now()),
    lookupResident: lookUp,
    printReceipt: printResidentReceipt,
    printJobStatus: async ({ jobId }) => printJobStatus(printer.status(jobId)),
    cancelPrint: async ({ jobId }) => printJobStatus(printer.cancel(jobId)),
    getDeviceStatus: async () => devices.status(),
    waitForCard: ({ after }) => devices.cards.waitForCard(after),
    endSession: async ({ sessionId }) => ({ ended: sessions.end(sessionId) }),
    noteIdleTimeout: async () => {
      usage.count('session-timeout');
      return { counted: true };
    },
    getProgramInfo: async (input) => programInfo(input, replica.programs()),
    ...configuredHelperDesk(config, {
      now,
      devices,
      reader,
      cardTest,
      sessionIsOpen: (sessionId) => sessions.use(sessionId) !== undefined,
      printReceipt: printResidentReceipt,
      countAssist: () => usage.count('helper-assist'),
      appVersion: options.appVersion,
      exitToMaintenance: options.exitToMaintenance,
    }),
  };

  return {
    handlers,
    devices,
    close: async () => {
      offJobs();
      cardTest.close();
      await devices.close();
      usage.close();
      replica.close();
    },
  };
}
