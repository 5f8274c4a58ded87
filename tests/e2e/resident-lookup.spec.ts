/**
 * The thin slice end to end, as a first-time user finds it: by visible text and roles only (no test ids).
 * Attract → ID number on the keypad → name → own payments (明白卡) → print to the virtual printer → finish.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatYuan } from '../../domain/money';
import { demoPeople, demoResidentWithPayments, receiptPreviews } from './e2e-site';

async function typeOnKeypad(page: Page, idNumber: string): Promise<void> {
  const keypad = page.getByRole('group', { name: '数字键盘' });
  for (const key of idNumber) await keypad.getByRole('button', { name: key, exact: true }).click();
}

test('a resident looks up their own payments, prints the receipt and leaves nothing behind', async ({
  page,
}) => {
  const { person, latestYear, latestYearTotalFen } = demoResidentWithPayments();
  const receiptsBefore = receiptPreviews().length;

  await page.goto('/');
  await page.getByRole('button', { name: '开始查询' }).click();
  await typeOnKeypad(page, person.idNumber);
  await expect(page.getByText('号码格式正确')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('姓名').fill(person.name);
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByRole('heading', { name: '明白卡' })).toBeVisible();
  const maskedId = `${person.idNumber.slice(0, 6)}${'*'.repeat(12)}`;
  await expect(page.getByText(maskedId)).toBeVisible();
  await expect(page.getByRole('tab', { name: `${latestYear}年`, selected: true })).toBeVisible();
  await expect(page.getByText(formatYuan(latestYearTotalFen)).first()).toBeVisible();
  const body = await page.locator('body').innerText();
  expect(body).not.toContain(person.idNumber);
  expect(body).not.toContain(person.name);

  await page.getByRole('button', { name: '打印回执' }).click();
  await expect(page.getByRole('heading', { name: '请取走回执' })).toBeVisible();
  const receipts = receiptPreviews();
  expect(receipts).toHaveLength(receiptsBefore + 1);
  const receipt = receipts.at(-1)!;
  expect(receipt).toContain(maskedId);
  expect(receipt).toContain(`${latestYear}年`);
  expect(receipt).toContain(formatYuan(latestYearTotalFen, 'suffix'));
  expect(receipt).not.toContain(person.idNumber);
  expect(receipt).not.toContain(person.name);

  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('heading', { name: '谢谢，再见' })).toBeVisible();
  await expect(page.getByRole('button', { name: '开始查询' })).toBeVisible({ timeout: 15_000 });
  const html = await page.content();
  expect(html).not.toContain(maskedId);
  expect(html).not.toContain(person.idNumber.slice(0, 10));
});

test('a wrong check digit is explained on the keypad and the lookup cannot start', async ({ page }) => {
  const person = demoPeople()[0]!;
  const wrongLast = person.idNumber.endsWith('1') ? '2' : '1';
  await page.goto('/');
  await page.getByRole('button', { name: '开始查询' }).click();
  await typeOnKeypad(page, person.idNumber.slice(0, 17) + wrongLast);
  await expect(page.getByText(`最后一位应为 ${person.idNumber.at(-1)}`)).toBeVisible();
  await expect(page.getByRole('button', { name: '下一步' })).toBeDisabled();
});

test('a name that does not match the number finds nothing and says what to do next', async ({ page }) => {
  const person = demoPeople()[0]!;
  await page.goto('/');
  await page.getByRole('button', { name: '开始查询' }).click();
  await typeOnKeypad(page, person.idNumber);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('姓名').fill('查无此人');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '没有查到记录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新输入' })).toBeVisible();
});

test('the whole journey works in English after one tap on the language switch', async ({ page }) => {
  const { person } = demoResidentWithPayments();
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  const keypad = page.getByRole('group', { name: /keypad/i });
  for (const key of person.idNumber) await keypad.getByRole('button', { name: key, exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Name').fill(person.name);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('button', { name: 'Print receipt' })).toBeVisible();
  await expect(page.getByText('Paid').first()).toBeVisible();
});
