/**
 * The fuses of the packaged kiosk: the configuration handed to flipFuses is exactly the hardened one, the
 * packaging config runs the bundled hook after packing, and on a binary laid out as Electron 45's (its fuse
 * sentinel and default wire) the hook flips exactly those fuses and nothing else.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_ENTRIES, BUNDLE_OPTIONS } from './bundle-entries';
import afterPack, { KIOSK_FUSES, type AfterPackContext } from './electron-fuses';

const ROOT = path.resolve(import.meta.dirname, '..');
// Electron's marker before the fuse wire, then the wire's version and length (@electron/fuses looks for it).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// An unflipped Electron 45: RunAsNode, NODE_OPTIONS and --inspect on, cookie encryption, ASAR integrity and
// ASAR-only off, browser V8 snapshot off, file protocol privileges and WASM trap handlers on.
const ELECTRON_45_WIRE = '101100011';
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'electron-fuses-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An app as electron-builder leaves it for afterPack on Linux, its binary carrying Electron's fuse wire. */
function packagedLinuxApp(name: string): { context: AfterPackContext; binary: string; bytes: Buffer } {
  const appOutDir = path.join(dir, name, 'linux-unpacked');
  mkdirSync(appOutDir, { recursive: true });
  const binary = path.join(appOutDir, 'huimin-kiosk');
  const bytes = Buffer.concat([
    Buffer.from('\x7fELF…code before…'),
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_45_WIRE.length]),
    Buffer.from(ELECTRON_45_WIRE),
    Buffer.from('…code after…'),
  ]);
  writeFileSync(binary, bytes);
  const context = {
    appOutDir,
    electronPlatformName: 'linux',
    packager: { appInfo: { productFilename: 'huimin-kiosk' }, executableName: 'huimin-kiosk' },
  };
  return { context, binary, bytes };
}

async function expectHardened(binary: string, before: Buffer): Promise<void> {
  const wire = await getCurrentFuseWire(binary);
  expect(wire).toEqual({
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: OFF,
    [FuseV1Options.EnableCookieEncryption]: ON,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
    [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
    [FuseV1Options.OnlyLoadAppFromAsar]: ON,
    // Left as Electron ships them.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: ON,
    8: ON,
  });
  // Only fuse bytes changed.
  const after = readFileSync(binary);
  expect(after.length).toBe(before.length);
  const changed = [...after.keys()].filter((i) => after[i] !== before[i]);
  const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
  expect(changed.every((i) => i >= wireStart && i < wireStart + ELECTRON_45_WIRE.length)).toBe(true);
}

describe('the kiosk fuses', () => {
  it('hands flipFuses exactly RunAsNode, NODE_OPTIONS and --inspect off, ASAR and cookie protections on', async () => {
    const { context, binary } = packagedLinuxApp('spy');
    const calls: unknown[][] = [];
    await afterPack(context, (...args) => {
      calls.push(args);
      return Promise.resolve(1);
    });
    expect(calls).toEqual([[binary, KIOSK_FUSES]]);
    expect(calls[0]![1]).toStrictEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('flips exactly those fuses in the packaged binary', async () => {
    const { context, binary, bytes } = packagedLinuxApp('flip');
    await afterPack(context);
    await expectHardened(binary, bytes);
  });

  it('runs as the afterPack hook of the packaging, from the bundle npm run build makes', async () => {
    const config = JSON.parse(readFileSync(path.join(ROOT, 'build', 'electron-builder.json'), 'utf8')) as {
      afterPack: string;
      asar: boolean;
    };
    // OnlyLoadAppFromAsar needs the app packed into app.asar.
    expect(config.asar).toBe(true);
    const out = /^dist\/(.+)\.cjs$/.exec(config.afterPack)?.[1];
    expect(out).toBeDefined();
    expect(BUNDLE_ENTRIES[out!]).toBe('build/electron-fuses.ts');

    // Bundled as build/bundle.ts bundles it, and loaded the way electron-builder loads a hook module.
    const bundled = path.join(dir, `${out}.cjs`);
    await build({
      ...BUNDLE_OPTIONS,
      entryPoints: [path.join(ROOT, BUNDLE_ENTRIES[out!]!)],
      outfile: bundled,
      logLevel: 'error',
    });
    const loaded = createRequire(import.meta.url)(bundled) as { default?: unknown };
    const hook = (loaded.default ?? loaded) as (context: AfterPackContext) => Promise<void>;
    const { context, binary, bytes } = packagedLinuxApp('bundled');
    await hook(context);
    await expectHardened(binary, bytes);
  });
});
