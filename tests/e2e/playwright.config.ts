import { defineConfig } from '@playwright/test';
import { E2E_COUNTY_PORT, E2E_DATA_DIR, E2E_PORT, PAGE_SESSION_FILE } from './e2e-site';

// Debian's Chromium, never a downloaded browser. The web server is `npm start`'s whole system, headless: a
// synthetic demo county built, signed and published, the county server, the sync agent pulling the replica over
// HTTP and running on, and the browser host serving the built renderer and the real handlers over that replica.
export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  // The browser host serves its page only to a browser launched through its one-time launch URL.
  globalSetup: './launch-kiosk.ts',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    storageState: PAGE_SESSION_FILE,
    viewport: { width: 1080, height: 1920 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: [
      `rm -rf ${E2E_DATA_DIR}`,
      `node dist/start.cjs --headless --dir ${E2E_DATA_DIR} --residents 120 --seed 7 --kdf-cost test ` +
        `--county-port ${E2E_COUNTY_PORT} --kiosk-port ${E2E_PORT}`,
    ].join(' && '),
    cwd: '../..',
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
