/**
 * The Electron fuses of the packaged kiosk: switches compiled into the Electron binary that the app's own code
 * cannot turn back. Flipped where the app is packaged: electron-builder runs this module, bundled as
 * dist/electron-fuses.cjs, as its afterPack hook (build/electron-builder.json), on the Electron binary it has
 * just copied, before any signing.
 *
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the kiosk binary into a plain Node with its privileges.
 * - EnableNodeOptionsEnvironmentVariable and EnableNodeCliInspectArguments off: no NODE_OPTIONS and no
 *   --inspect: nobody attaches a debugger or preloads code into the main process, which holds the replica.
 * - OnlyLoadAppFromAsar on: the app is loaded from resources/app.asar only, never from a folder put beside it.
 * - EnableEmbeddedAsarIntegrityValidation on: app.asar is checked against the hash packed into the binary.
 *   Electron does this on macOS and Windows; on Linux the fuse is set but not yet checked, so there the
 *   installed files must be owned by root and read-only to the kiosk user.
 * - EnableCookieEncryption on: cookies on disk are encrypted with the OS key store.
 */
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

export const KIOSK_FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
} as const;

/** What this hook reads of electron-builder's AfterPackContext. */
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** The Electron binary electron-builder packaged into `appOutDir` (the .app bundle on macOS). */
function packagedElectron(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName ?? name);
}

/** electron-builder's afterPack hook. `flip` is @electron/fuses' flipFuses. */
export default async function afterPack(
  context: AfterPackContext,
  flip: typeof flipFuses = flipFuses,
): Promise<void> {
  await flip(packagedElectron(context), KIOSK_FUSES);
}
