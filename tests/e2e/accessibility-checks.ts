/**
 * What every screen is held to (QUALITY.md), checked in Chromium: axe-core finds nothing (WCAG 2.2 A/AA, best
 * practice, and the AAA 7:1 contrast rule); every button is at least 72 × 72 px and 12 px from the next; every
 * piece of text is at least 24 px as computed. A screenshot of the screen is left for review.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from './e2e-site';

/** Where the run leaves a screenshot of every screen it checks, per language (for review and the notes). */
const SCREENSHOTS = path.join(E2E_DATA_DIR, 'screenshots');

export async function expectAccessible(page: Page, screen: string, locale: string): Promise<void> {
  // Screens fade in over 200 ms; judge the contrast a person reads once the screen has settled.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  await page.screenshot({
    path: path.join(SCREENSHOTS, locale, `${screen.replaceAll(/[^a-z0-9]+/gi, '-')}.png`),
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe on ${screen}`).toEqual([]);

  // Behind a dialog the page is inert: nobody can reach those buttons, so they do not count.
  const boxes = await page.getByRole('button').evaluateAll((buttons) =>
    buttons
      .filter((button) => (button as HTMLElement).offsetParent !== null && !button.closest('[inert]'))
      .map((button) => {
        const { left, right, top, bottom, width, height } = button.getBoundingClientRect();
        return { text: button.textContent ?? '', left, right, top, bottom, width, height };
      }),
  );
  const small = boxes
    .filter((box) => box.width < 72 || box.height < 72)
    .map((box) => `${box.text} ${Math.round(box.width)}×${Math.round(box.height)}`);
  expect(small, `targets under 72 px on ${screen}`).toEqual([]);

  // QUALITY.md: ≥ 12 px between targets; text ≥ 24 px (computed, so the text-size setting is honoured).
  const crowded = boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => {
      const gap = Math.hypot(
        Math.max(0, b.left - a.right, a.left - b.right),
        Math.max(0, b.top - a.bottom, a.top - b.bottom),
      );
      return gap < 11.5 ? [`${a.text} | ${b.text}: ${Math.round(gap)} px`] : [];
    }),
  );
  expect(crowded, `targets closer than 12 px on ${screen}`).toEqual([]);
  const tinyText = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim() || element.closest('[aria-hidden="true"], [inert]')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < 23.5) found.push(`${node.textContent.trim().slice(0, 20)}: ${size}px`);
    }
    return found;
  });
  expect(tinyText, `text under 24 px on ${screen}`).toEqual([]);

  // Nothing to scroll sideways: a person would not find what lies past the edge.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `content wider than the screen on ${screen}`).toBeLessThanOrEqual(0);
}
