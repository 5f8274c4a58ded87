/**
 * Builds the renderer into dist/renderer for both hosts (Electron loads it from disk, the browser host
 * serves it). The page's CSP is `script-src 'self'; style-src 'self'`, so nothing may be inlined: every
 * script and stylesheet is emitted as a file, and relative paths let either host serve it from anywhere.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * theme.css names the Tibetan font by its path beside the built stylesheet; build/tibetan-font.ts copies the
 * font there after Vite has built. Declared external, Vite leaves the URL as it is without a warning.
 */
const TIBETAN_FONT_URL = '../fonts/TibetanMachineUni.ttf';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Small assets would otherwise become data: URLs inside the CSS or JS.
    assetsInlineLimit: 0,
    // The module preload polyfill is an inline script; kiosk browsers support modulepreload natively.
    modulePreload: { polyfill: false },
    target: 'es2022',
    rolldownOptions: { external: [TIBETAN_FONT_URL] },
  },
});
