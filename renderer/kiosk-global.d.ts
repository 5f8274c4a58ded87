/** The one door to the main process, defined by the preload (Electron) or the injected bridge (browser host). */
import type { KioskApi } from '../electron/api/contract';

declare global {
  interface Window {
    readonly kiosk: KioskApi;
  }
}
