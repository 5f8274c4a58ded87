/**
 * What every web contents and the session are allowed to do: stay on the app's own pages, open nothing,
 * be granted no permission. Applied to every web contents Electron creates, not just the kiosk window.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

export function hardenWebContents(contents: WebContents): void {
  const stayOnApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

// The kiosk needs no camera, microphone, notifications, geolocation, USB or serial from the page: devices are
// the main process's, reached through window.kiosk.
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
