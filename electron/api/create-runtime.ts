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
import type { KioskHandlers } from './contract';
import { lookupResident } from './handlers/lookup-resident';
import { printJobStatus, printReceipt } from './handlers/print-receipt';
import { programInfo } from './handlers/program-info';
import { siteInfo } from './handlers/site-info';
import { createCardTestTap } from './helper/card-test';
import { configuredHelperDesk } from './helper/helper-runtime';
import { startKioskDevices, type KioskDevices } from './kiosk-devices';
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
  const lookUp = (input: { idNumber: string; name: string }) =>
    lookupResident(input, replica, sessions, shanghaiDate(now()));
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

  const handlers: KioskHandlers = {
    getSiteInfo: async () => siteInfo(config, replica, now()),
    lookupResident: lookUp,
    printReceipt: (input) =>
      printReceipt(input, { config, replica, sessions, printer, now: now(), today: shanghaiDate(now()) }),
    printJobStatus: async ({ jobId }) => printJobStatus(printer.status(jobId)),
    cancelPrint: async ({ jobId }) => printJobStatus(printer.cancel(jobId)),
    getDeviceStatus: async () => devices.status(),
    waitForCard: ({ after }) => devices.cards.waitForCard(after),
    endSession: async ({ sessionId }) => ({ ended: sessions.end(sessionId) }),
    getProgramInfo: async (input) => programInfo(input, replica.programs()),
    ...configuredHelperDesk(config, {
      now,
      devices,
      reader,
      cardTest,
      sessionIsOpen: (sessionId) => sessions.use(sessionId) !== undefined,
      printReceipt: (input) =>
        printReceipt(input, { config, replica, sessions, printer, now: now(), today: shanghaiDate(now()) }),
      appVersion: options.appVersion,
      exitToMaintenance: options.exitToMaintenance,
    }),
  };

  return {
    handlers,
    devices,
    close: async () => {
      cardTest.close();
      await devices.close();
      replica.close();
    },
  };
}
