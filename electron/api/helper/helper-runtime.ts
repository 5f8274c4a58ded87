/**
 * Helper mode as one terminal's runtime serves it: the PIN hash from the config, the sync agent's status and
 * pass run in this process; the anonymous 'helper-assist' count goes through the runtime's usage counter.
 */
import type { KioskConfig } from '../../../kiosk-config/schema';
import { runSyncPass } from '../../../sync-agent/daemon/sync-pass';
import { readTerminalStatus } from '../../../sync-agent/daemon/terminal-status';
import type { CardReader } from '../../devices/id-card/card-reader';
import type { Locale, PrintResult } from '../contract';
import type { KioskDevices } from '../kiosk-devices';
import type { CardTestTap } from './card-test';
import { createHelperGate } from './helper-gate';
import { createHelperDesk, type HelperHandlers } from './helper-desk';

/** What heartbeats from a pass run here say when the host did not tell the app's version. */
const UNKNOWN_APP_VERSION = '0.0.0';

export function configuredHelperDesk(
  config: KioskConfig,
  deps: {
    now: () => Date;
    devices: Pick<KioskDevices, 'status' | 'printer'>;
    /** The reader as configured (not the tap in front of the card desk). */
    reader: CardReader;
    cardTest: CardTestTap;
    sessionIsOpen: (sessionId: string) => boolean;
    printReceipt: (input: { sessionId: string; year: number; locale: Locale }) => Promise<PrintResult>;
    /** Adds one anonymous 'helper-assist' to today's counts. */
    countAssist: () => void;
    appVersion?: string;
    exitToMaintenance?: () => void;
  },
): HelperHandlers {
  return createHelperDesk({
    gate: createHelperGate(config.helper.pinHash, { nowMs: () => deps.now().getTime() }),
    site: { name: config.site.name, kioskId: config.kioskId, cardReaderKind: config.cardReader.kind },
    now: deps.now,
    devices: deps.devices.status,
    printer: deps.devices.printer,
    reader: deps.reader,
    cardTest: deps.cardTest,
    terminalStatus: () => readTerminalStatus(config),
    // In this process, under the agent's pass lock: a pass the agent is running itself answers `busy`.
    syncPass: () =>
      runSyncPass(config, { appVersion: deps.appVersion ?? UNKNOWN_APP_VERSION, now: deps.now }),
    countAssist: deps.countAssist,
    sessionIsOpen: deps.sessionIsOpen,
    printReceipt: deps.printReceipt,
    exitToMaintenance: deps.exitToMaintenance,
  });
}
