import type { BuildOptions } from 'esbuild';

/** How each entry is bundled (tests that bundle an entry themselves use the same). */
export const BUNDLE_OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron', 'better-sqlite3', 'serialport', '@napi-rs/canvas'],
  logLevel: 'warning',
  // county/import/check-session.ts reads import.meta.url only when it runs from the sources, not bundled.
  logOverride: { 'empty-import-meta': 'silent' },
};

/** The Node-side entry points `npm run build` bundles into dist/: `dist/<key>.cjs` from each source. */
export const BUNDLE_ENTRIES: Readonly<Record<string, string>> = {
  'electron/main': 'electron/main.ts',
  'electron/preload': 'electron/preload.ts',
  'browser-host': 'electron/browser-host/main.ts',
  county: 'county/bin.ts',
  'sync-agent': 'sync-agent/bin.ts',
  // the import's row-checking worker thread, started by dist/county.cjs from beside it
  'county-import-worker': 'county/import/check-worker.ts',
  start: 'build/start.ts',
  // electron-builder's afterPack hook (build/electron-builder.json): the fuses of the packaged binary
  'electron-fuses': 'build/electron-fuses.ts',
};
