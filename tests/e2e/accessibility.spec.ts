/**
 * Every screen of the main flow, in every supported language, held to QUALITY.md (accessibility-checks.ts).
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './accessibility-checks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoPeople, demoResidentWithPayments } from './e2e-site';

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
    textSizes: texts.topBar.textSizes as Record<'large' | 'larger' | 'largest', string>,
    letters: texts.nameKeyboard.letters as string,
  };
}

const LOCALES = (['zh-CN', 'en', 'bo'] as const).map(catalogue);

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
    const letters = page.getByRole('group', { name: locale.letters });
    for (const letter of 'zh') await letters.getByRole('button', { name: letter, exact: true }).click();
    await expectAccessible(page, 'name, pinyin candidates', locale.name);

    await page.getByLabel(locale.nameLabel, { exact: true }).fill(person.name);
    await page.getByRole('button', { name: locale.next }).click();
    await expect(page.getByRole('button', { name: locale.print })).toBeVisible();
    await expectAccessible(page, 'results', locale.name);
    // The largest text is what many elderly people choose: the statement must still fit the screen.
    for (const size of ['larger', 'largest'] as const) {
      await page.getByRole('button', { name: locale.textSizes[size], exact: true }).click();
      await expectAccessible(page, `results, ${size} text`, locale.name);
    }
    await page.getByRole('button', { name: locale.textSizes.large, exact: true }).click();

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
