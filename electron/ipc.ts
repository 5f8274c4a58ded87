/**
 * The Electron transport of the KioskApi: one channel, a sender check, then the same dispatcher the browser
 * host uses.
 */
import type { IpcMain, WebFrameMain } from 'electron';
import { isAppUrl } from './app-protocol';
import type { KioskHandlers, OperationName } from './api/contract';
import { apiError, dispatch } from './api/dispatch';
import { logInternalError } from './api/log-internal-error';
import { KIOSK_IPC_CHANNEL } from './ipc-channel';

/** Only the kiosk page itself, in a top-level frame, may call; a frame that is gone (null) may not. */
export function isAppFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerKioskIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: KioskHandlers,
  isTrustedSender: (frame: WebFrameMain | null) => boolean,
  onInternalError: (operation: OperationName, error: unknown) => void = logInternalError,
): void {
  ipcMain.handle(KIOSK_IPC_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return apiError('forbidden-sender', 'calls are accepted only from the kiosk page');
    }
    return dispatch(handlers, name, input, onInternalError);
  });
}
