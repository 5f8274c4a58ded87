/**
 * Everything the kiosk's handlers need, built from one terminal's configuration. Plain Node: the Electron
 * main process and the browser host both serve the same handlers from here.
 */
import { shanghaiDate } from '../../domain/dates';
import type { KioskConfig } from '../../kiosk-config/schema';
import { createPrinter } from '../devices/printer/printer';
import { createReplicaReader } from '../replica/replica-reader';
import type { KioskHandlers } from './contract';
import { lookupResident } from './handlers/lookup-resident';
import { printReceipt } from './handlers/print-receipt';
import { siteInfo } from './handlers/site-info';
import { createResidentSessions } from './resident-sessions';

export interface KioskRuntime {
  handlers: KioskHandlers;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  now?: () => Date;
}

export async function createKioskRuntime(
  config: KioskConfig,
  options: RuntimeOptions = {},
): Promise<KioskRuntime> {
  const now = options.now ?? (() => new Date());
  const replica = createReplicaReader(config.paths.replica);
  const printer = createPrinter(config.printer);
  // A session outlives the screen's own idle limit a little, so the screen always ends it first.
  const sessions = createResidentSessions(
    (config.ui.idleSeconds + config.ui.idleWarningSeconds + 30) * 1000,
    () => now().getTime(),
  );

  const handlers: KioskHandlers = {
    getSiteInfo: async () => siteInfo(config, replica, now()),
    lookupResident: (input) => lookupResident(input, replica, sessions, shanghaiDate(now())),
    printReceipt: (input) =>
      printReceipt(input, { config, replica, sessions, printer, now: now(), today: shanghaiDate(now()) }),
    endSession: async ({ sessionId }) => ({ ended: sessions.end(sessionId) }),
  };

  return {
    handlers,
    close: async () => replica.close(),
  };
}
