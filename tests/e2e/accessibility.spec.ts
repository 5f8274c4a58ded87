/**
 * Every screen of the slice, in every supported language: axe-core finds nothing (WCAG 2.2 A/AA plus the
 * AAA 7:1 contrast rule), and every tap target is at least 72 × 72 px (QUALITY.md).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoPeople, demoResidentWithPayments } from './e2e-site';

const LOCALES = [
  {
    name: 'zh-CN',
    switchTo: '中文',
    start: '开始查询',
    next: '下一步',
    nameLabel: '姓名',
    print: '打印回执',
  },
  {
    name: 'en',
    switchTo: 'English',
    start: 'Start',
    next: 'Next',
    nameLabel: 'Name',
    print: 'Print receipt',
  },
] as const;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Screens fade in over 200 ms; judge the contrast a person reads once the screen has settled.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
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
    await expectAccessible(page, 'attract');

    await page.getByRole('button', { name: locale.start }).click();
    const keypad = page
      .getByRole('group')
      .filter({ has: page.getByRole('button', { name: '7', exact: true }) });
    await expectAccessible(page, 'ID number, empty');
    for (const key of person.idNumber.slice(0, 17))
      await keypad.getByRole('button', { name: key, exact: true }).click();
    await keypad
      .getByRole('button', { name: person.idNumber.endsWith('1') ? '2' : '1', exact: true })
      .click();
    await expectAccessible(page, 'ID number, wrong check digit');
    await page.getByLabel(/ID card number|身份证号码/).fill(person.idNumber);
    await page.getByRole('button', { name: locale.next }).click();
    await expectAccessible(page, 'name');

    await page.getByLabel(locale.nameLabel, { exact: true }).fill(person.name);
    await page.getByRole('button', { name: locale.next }).click();
    await expect(page.getByRole('button', { name: locale.print })).toBeVisible();
    await expectAccessible(page, 'results');

    await page.getByRole('button', { name: locale.print }).click();
    await expect(
      page
        .getByRole('heading')
        .filter({ hasText: /回执|receipt/i })
        .first(),
    ).toBeVisible();
    await expectAccessible(page, 'printed');
  });

  test(`the not-found screen passes axe in ${locale.name}`, async ({ page }) => {
    const person = demoPeople()[0]!;
    await page.goto('/');
    await page.getByRole('button', { name: locale.switchTo, exact: true }).click();
    await page.getByRole('button', { name: locale.start }).click();
    await page.getByLabel(/ID card number|身份证号码/).fill(person.idNumber);
    await page.getByRole('button', { name: locale.next }).click();
    await page.getByLabel(locale.nameLabel, { exact: true }).fill('查无此人');
    await page.getByRole('button', { name: locale.next }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, 'not found');
  });
}
