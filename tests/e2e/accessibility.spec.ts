/**
 * Every screen of the slice, in every supported language: axe-core finds nothing (WCAG 2.2 A/AA plus the
 * AAA 7:1 contrast rule), and every tap target is at least 72 × 72 px (QUALITY.md).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPeople, demoResidentWithPayments, E2E_DATA_DIR } from './e2e-site';

/** The words a person reads on each screen, from the app's own catalogues (bo covers the main flow). */
function catalogue(name: 'zh-CN' | 'en' | 'bo') {
  const texts = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../renderer/i18n/locales', `${name}.json`), 'utf8'),
  );
  return {
    name,
    switchTo: texts.languages[name] as string,
    start: texts.attract.start as string,
    next: texts.nav.next as string,
    idLabel: texts.idNumber.label as string,
    nameLabel: texts.name.label as string,
    print: texts.results.print as string,
    printedTitle: texts.printed.title as string,
    details: texts.results.details as string,
    ask: texts.details.ask as string,
    backToDetails: texts.details.question.back as string,
    backToResults: texts.details.back as string,
  };
}

const LOCALES = (['zh-CN', 'en', 'bo'] as const).map(catalogue);

/** Where the run leaves a screenshot of every screen it checks, per language (for review and the notes). */
const SCREENSHOTS = path.join(E2E_DATA_DIR, 'screenshots');

async function expectAccessible(page: Page, screen: string, locale: string): Promise<void> {
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

  const small = await page.getByRole('button').evaluateAll((buttons) =>
    buttons
      .filter((button) => (button as HTMLElement).offsetParent !== null)
      .map((button) => ({ text: button.textContent ?? '', box: button.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 72 || box.height < 72)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small, `targets under 72 px on ${screen}`).toEqual([]);
}

for (const locale of LOCALES) {
  test(`every screen passes axe and target size checks in ${locale.name}`, async ({ page }) => {
    const { person } = demoResidentWithPayments();
    await page.goto('/');
    await page.getByRole('button', { name: locale.switchTo, exact: true }).click();
    await expectAccessible(page, 'attract', locale.name);

    await page.getByRole('button', { name: locale.start }).click();
    const keypad = page
      .getByRole('group')
      .filter({ has: page.getByRole('button', { name: '7', exact: true }) });
    await expectAccessible(page, 'ID number, empty', locale.name);
    for (const key of person.idNumber.slice(0, 17))
      await keypad.getByRole('button', { name: key, exact: true }).click();
    await keypad
      .getByRole('button', { name: person.idNumber.endsWith('1') ? '2' : '1', exact: true })
      .click();
    await expectAccessible(page, 'ID number, wrong check digit', locale.name);
    await page.getByLabel(locale.idLabel, { exact: true }).fill(person.idNumber);
    await page.getByRole('button', { name: locale.next }).click();
    await expectAccessible(page, 'name', locale.name);

    await page.getByLabel(locale.nameLabel, { exact: true }).fill(person.name);
    await page.getByRole('button', { name: locale.next }).click();
    await expect(page.getByRole('button', { name: locale.print })).toBeVisible();
    await expectAccessible(page, 'results', locale.name);

    await page
      .getByRole('button', { name: new RegExp(locale.details) })
      .first()
      .click();
    await expect(page.getByRole('button', { name: locale.ask })).toBeVisible();
    await expectAccessible(page, 'details', locale.name);
    await page.getByRole('button', { name: locale.ask }).click();
    await expectAccessible(page, 'question', locale.name);
    await page.getByRole('button', { name: locale.backToDetails }).click();
    await page.getByRole('button', { name: locale.backToResults }).click();

    await page.getByRole('button', { name: locale.print }).click();
    await expect(page.getByRole('heading', { name: locale.printedTitle })).toBeVisible();
    await expectAccessible(page, 'printed', locale.name);
  });

  test(`the not-found screen passes axe in ${locale.name}`, async ({ page }) => {
    const person = demoPeople()[0]!;
    await page.goto('/');
    await page.getByRole('button', { name: locale.switchTo, exact: true }).click();
    await page.getByRole('button', { name: locale.start }).click();
    await page.getByLabel(locale.idLabel, { exact: true }).fill(person.idNumber);
    await page.getByRole('button', { name: locale.next }).click();
    await page.getByLabel(locale.nameLabel, { exact: true }).fill('查无此人');
    await page.getByRole('button', { name: locale.next }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'not found', locale.name);
  });
}
