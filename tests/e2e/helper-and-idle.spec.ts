/**
 * Helper mode as the hall's staff find it (the hidden corner, the PIN, the panel's checks), and the idle path:
 * a person who walks away leaves nothing of theirs on the page. By visible text and roles only.
 */
import { expect, test } from '@playwright/test';
import { DEMO_HELPER_PIN } from '../../kiosk-config/demo-config';
import { expectAccessible } from './accessibility-checks';
import { demoResidentWithPayments } from './e2e-site';

test('staff open helper mode from the corner with the PIN, and check the printer, the reader and the data', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: '开始查询' }).waitFor();
  const corner = page.getByRole('button', { name: '工作人员', exact: true });
  for (let tap = 0; tap < 5; tap++) await corner.click();

  const pinPad = page.getByRole('group', { name: '密码键盘' });
  await expectAccessible(page, 'helper PIN', 'zh-CN');
  for (const digit of DEMO_HELPER_PIN) await pinPad.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: '确定' }).click();

  const panel = page.getByRole('dialog', { name: '工作人员模式' });
  await expect(panel.getByText('数据版本')).toBeVisible();
  await expectAccessible(page, 'helper panel', 'zh-CN');
  await panel.getByRole('button', { name: '测试打印' }).click();
  await expect(panel.getByText('测试小票已打印')).toBeVisible();
  await panel.getByRole('button', { name: '测试读卡' }).click();
  await expect(panel.getByText(/读卡正常/)).toBeVisible();

  await page.getByRole('button', { name: '退出工作人员模式' }).click();
  await expect(panel).toHaveCount(0);
  // The test card was the helper's: the screen behind did not open anybody's statement.
  await expect(page.getByRole('heading', { name: '明白卡' })).toHaveCount(0);
});

test('a person who walks away is warned, then nothing of theirs is left on the page', async ({ page }) => {
  const { person } = demoResidentWithPayments();
  await page.clock.install();
  await page.goto('/');
  await page.getByRole('button', { name: '开始查询' }).click();
  await page.getByLabel('身份证号码（18位）', { exact: true }).fill(person.idNumber);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('姓名', { exact: true }).fill(person.name);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '明白卡' })).toBeVisible();
  const masked = `${person.idNumber.slice(0, 6)}${'*'.repeat(12)}`;
  await expect(page.getByText(masked)).toBeVisible();

  await page.clock.runFor(91_000);
  await expect(page.getByRole('heading', { name: '您还在吗？' })).toBeVisible();
  // The warning counts down second by second: every timer must run, not only the due ones.
  await page.clock.runFor(31_000);
  await expect(page.getByRole('button', { name: '开始查询' })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(masked);
  expect(html).not.toContain(person.idNumber);
  expect(html).not.toContain(person.name);
});
