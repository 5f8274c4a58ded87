/**
 * Before the specs, the kiosk's browser is launched as the browser host requires: through the one-time launch
 * URL the host wrote to its 0600 file. The page-session cookie that sets is saved for every spec's browser
 * context; each of their page loads then gets its own capability, superseding the previous page's. On the way,
 * the root without the cookie and the spent launch URL must both be refused, in real Chromium.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type FullConfig } from '@playwright/test';
import { kioskLaunchUrl, PAGE_SESSION_FILE } from './e2e-site';

export default async function launchKiosk(config: FullConfig): Promise<void> {
  const { baseURL, launchOptions } = config.projects[0]!.use;
  const browser = await chromium.launch(launchOptions);
  const expectStatus = (what: string, status: number | undefined, expected: number) => {
    if (status !== expected) throw new Error(`${what}: expected ${expected}, got ${status}`);
  };
  try {
    const stranger = await browser.newPage();
    expectStatus('the kiosk page without launching', (await stranger.goto(baseURL!))?.status(), 403);

    const context = await browser.newContext();
    const page = await context.newPage();
    const launchUrl = kioskLaunchUrl();
    expectStatus('the launch', (await page.goto(launchUrl))?.status(), 200);
    if (page.url() !== baseURL) throw new Error(`the launch should land on ${baseURL}, not ${page.url()}`);
    await page.getByRole('button', { name: '开始查询' }).waitFor();

    expectStatus('the spent launch URL', (await stranger.goto(launchUrl))?.status(), 403);
    writeFileSync(PAGE_SESSION_FILE, JSON.stringify({ cookies: await context.cookies(), origins: [] }));
  } finally {
    await browser.close();
  }
}
