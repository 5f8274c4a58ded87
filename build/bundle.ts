/**
 * Bundles the Node-side entry points into dist/ (the renderer is built by Vite). Native and Electron
 * modules stay external: better-sqlite3, serialport and @napi-rs/canvas load from node_modules, electron is provided by Electron.
 */
import { build } from 'esbuild';
import { BUNDLE_ENTRIES, BUNDLE_OPTIONS } from './bundle-entries';
import { copyTibetanFont } from './tibetan-font';

await Promise.all(
  Object.entries(BUNDLE_ENTRIES).map(([out, entry]) =>
    build({ ...BUNDLE_OPTIONS, sourcemap: true, entryPoints: [entry], outfile: `dist/${out}.cjs` }),
  ),
);
console.log(`bundled ${Object.keys(BUNDLE_ENTRIES).length} entry points into dist/`);
// Vite empties dist/renderer on every build, so the font is copied after it (npm run build runs Vite first).
console.log(copyTibetanFont('dist/renderer'));
