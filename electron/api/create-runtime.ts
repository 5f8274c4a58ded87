/**
 * Everything the kiosk's handlers need, built from one terminal's configuration. Plain Node: the Electron
 * main process and the browser host both serve the same handlers from here.
 */
import { shanghaiDate } from '../../domain/dates';
import type { KioskConfig } from '../../kiosk-config/schema';
import type { CardReader } from '../devices/id-card/card-reader';
import type { PrinterService } from '../devices/printer/printer-service';
import { createReplicaReader } from '../replica/replica-reader';
import type { KioskHandlers } from './contract';
import { lookupResident } from './handlers/lookup-resident';
import { printJobStatus, printReceipt } from './handlers/print-receipt';
import { programInfo } from './handlers/program-info';
import { siteInfo } from './handlers/site-info';
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
  const devices = await startKioskDevices(config, {
    lookUp,
    now,
    reader: options.reader,
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
  };

  return {
    handlers,
    devices,
    close: async () => {
      await devices.close();
      replica.close();
    },
  };
}
