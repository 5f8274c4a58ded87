/**
 * Bundles the Node-side entry points into dist/ (the renderer is built by Vite). Native and Electron
 * modules stay external: better-sqlite3, serialport and @napi-rs/canvas load from node_modules, electron is provided by Electron.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyTibetanFont } from './tibetan-font';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'serialport', '@napi-rs/canvas'],
  logLevel: 'warning',
  // county/import/check-session.ts reads import.meta.url only when it runs from the sources, not bundled.
  logOverride: { 'empty-import-meta': 'silent' },
};

const entries: Record<string, string> = {
  'electron/main': 'electron/main.ts',
  'electron/preload': 'electron/preload.ts',
  'browser-host': 'electron/browser-host/main.ts',
  county: 'county/bin.ts',
  'sync-agent': 'sync-agent/bin.ts',
  // the import's row-checking worker thread, started by dist/county.cjs from beside it
  'county-import-worker': 'county/import/check-worker.ts',
  start: 'build/start.ts',
};

await Promise.all(
  Object.entries(entries).map(([out, entry]) =>
    build({ ...common, entryPoints: [entry], outfile: `dist/${out}.cjs` }),
  ),
);
console.log(`bundled ${Object.keys(entries).length} entry points into dist/`);
// Vite empties dist/renderer on every build, so the font is copied after it (npm run build runs Vite first).
console.log(copyTibetanFont('dist/renderer'));
