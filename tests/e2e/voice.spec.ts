/**
 * The spoken prompts in the real page: the recorded prompt set the build generated is loaded under the page's
 * CSP (its manifest as a script, the audio as the page's own media), and each screen asks for its own prompt's
 * files. Whether the speaker makes a sound is not observable here; the files the page asks for are.
 */
import { expect, test } from '@playwright/test';

test('each screen asks for its recorded prompt, in the language on screen', async ({ page }) => {
  const voiceFiles: string[] = [];
  page.on('request', (request) => {
    const match = /\/voice\/([^/]+\/[^/?]+\.wav)$/.exec(new URL(request.url()).pathname);
    if (match?.[1]) voiceFiles.push(match[1]);
  });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });

  await page.goto('/');
  await page.getByRole('button', { name: '开始查询' }).click();
  await expect.poll(() => voiceFiles).toContain('zh-CN/idNumber.wav');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect.poll(() => voiceFiles.some((file) => file.startsWith('en/idNumber'))).toBe(true);
  expect(refused).toEqual([]);
});
