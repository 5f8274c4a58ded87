import { defineConfig } from '@playwright/test';
import { E2E_DATA_DIR, E2E_PORT } from './e2e-site';

// Debian's Chromium, never a downloaded browser; the browser host serves the built renderer and the real
// handlers over a real replica written by the county's demo generator.
export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
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
      `node dist/county.cjs demo-replica --out ${E2E_DATA_DIR}/replica.db --residents 120 --seed 7 --kdf-cost test`,
      `node dist/browser-host.cjs --demo-dir ${E2E_DATA_DIR} --port ${E2E_PORT}`,
    ].join(' && '),
    cwd: '../..',
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
