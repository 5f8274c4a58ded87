/**
 * Bundles the Node-side entry points into dist/ (the renderer is built by Vite). Native and Electron
 * modules stay external: better-sqlite3, serialport and @napi-rs/canvas load from node_modules, electron is provided by Electron.
 */
import { build, type BuildOptions } from 'esbuild';
import { BUNDLE_ENTRIES } from './bundle-entries';
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

await Promise.all(
  Object.entries(BUNDLE_ENTRIES).map(([out, entry]) =>
    build({ ...common, entryPoints: [entry], outfile: `dist/${out}.cjs` }),
  ),
);
console.log(`bundled ${Object.keys(BUNDLE_ENTRIES).length} entry points into dist/`);
// Vite empties dist/renderer on every build, so the font is copied after it (npm run build runs Vite first).
console.log(copyTibetanFont('dist/renderer'));
