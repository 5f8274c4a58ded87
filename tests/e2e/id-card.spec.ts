/**
 * The card path end to end: the simulated reader in the browser host (the real reader service's interface),
 * the card looked up in the main process, and the screen, found by visible text and roles only.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { formatYuan } from '../../domain/money';
import { demoResidentWithPayments } from './e2e-site';

async function placeCard(request: APIRequestContext, card: { idNumber: string; name: string }) {
  const response = await request.post('/simulator/card', { data: card });
  expect(response.ok()).toBe(true);
}

test.afterEach(async ({ request }) => {
  await request.post('/simulator/lift', { data: {} });
});

test('a card on the reader opens the statement with no tap, and the screen asks for the card back', async ({
  page,
  request,
}) => {
  const { person, latestYear, latestYearTotalFen } = demoResidentWithPayments();
  await page.goto('/');
  await expect(page.getByText('请把身份证放在读卡器上，或点击开始')).toBeVisible();

  await placeCard(request, person);
  await expect(page.getByRole('heading', { name: '明白卡' })).toBeVisible();
  await expect(page.getByRole('tab', { name: `${latestYear}年`, selected: true })).toBeVisible();
  await expect(page.getByText(formatYuan(latestYearTotalFen)).first()).toBeVisible();
  const body = await page.locator('body').innerText();
  expect(body).not.toContain(person.idNumber);
  expect(body).not.toContain(person.name);

  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByRole('heading', { name: '谢谢，再见' })).toBeVisible();
  // The card is still on the reader: the attract screen asks for it to be taken away, and does not reopen it.
  await expect(page.getByText('请把身份证拿开')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: '明白卡' })).toHaveCount(0);
});

test('a card the reader cannot take says what to do instead, calmly', async ({ page, request }) => {
  const { person } = demoResidentWithPayments();
  await page.goto('/');
  await placeCard(request, { idNumber: person.idNumber, name: '一个名字长到身份证上根本放不下的人的名字' });
  await expect(page.getByText(/这张卡没有读出有效的身份证号码/)).toBeVisible();
  await expect(page.getByRole('button', { name: '开始查询' })).toBeVisible();
});
