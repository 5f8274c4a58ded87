// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

function rowOf(text: string): HTMLElement {
  const row = within(screen.getByRole('table'))
    .getAllByRole('row')
    .find((candidate) => candidate.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

/** The text of the value (dd) beside a label (dt) of the details. */
function valueOf(label: string): string {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

describe('the details of a payment', () => {
  it('open from a tap on the row: the payment, then its program’s public facts', async () => {
    renderKiosk();
    await openStatement(lin);
    fireEvent.click(rowOf('2025年4月'));
    expect(await screen.findByRole('heading', { name: '发放详情' })).toBeDefined();
    expect(screen.getByText('高龄津贴')).toBeDefined();
    expect(valueOf('所属期间')).toBe('2025年4月');
    expect(valueOf('金额')).toBe('¥100.00');
    expect(valueOf('计划发放日期')).toBe('2025-04-10');
    expect(valueOf('实际发放日期')).toBe('还没有发放');
    expect(valueOf('状态')).toContain('逾期未发放');

    expect(await screen.findByText('县民政局')).toBeDefined();
    expect(valueOf('政策依据')).toBe('县高龄津贴发放办法');
    expect(valueOf('发放标准')).toBe('¥100.00（元/人/月）');
    expect(valueOf('发放周期')).toBe('按月发放');
    expect(valueOf('咨询电话')).toBe('0591-44445555');
  });

  it('open from the row’s 详情 button as well, named after the payment for screen readers', async () => {
    renderKiosk();
    await openStatement(lin);
    tap('详情：耕地地力保护补贴，2025年');
    await screen.findByText('县农业农村局');
    expect(valueOf('金额')).toBe('¥312.50');
    expect(valueOf('实际发放日期')).toBe('2025-05-20');
  });

  it('go back to the 明白卡 on the year that was chosen', async () => {
    renderKiosk();
    await openStatement(lin);
    fireEvent.click(screen.getByRole('tab', { name: '2024年' }));
    fireEvent.click(rowOf('耕地地力保护补贴'));
    await screen.findByText('县农业农村局');
    tap('返回明白卡');
    expect(screen.getByRole('heading', { name: '明白卡' })).toBeDefined();
    expect(screen.getByRole('tab', { name: '2024年' }).getAttribute('aria-selected')).toBe('true');
  });

  it('answer 有疑问 with the county hotline and the department’s phone, and no dead end', async () => {
    renderKiosk();
    await openStatement(lin);
    fireEvent.click(rowOf('2025年4月'));
    await screen.findByText('县民政局');
    tap('有疑问');
    expect(screen.getByRole('heading', { name: '有疑问，可以这样问' })).toBeDefined();
    expect(valueOf('全县惠民资金咨询热线')).toBe('0591-12345678');
    expect(valueOf('县民政局')).toBe('0591-44445555');
    expect(screen.getByText(/高龄津贴，2025年4月/)).toBeDefined();
    tap('返回发放详情');
    expect(screen.getByRole('heading', { name: '发放详情' })).toBeDefined();
    tap('返回明白卡');
    expect(screen.getByRole('heading', { name: '明白卡' })).toBeDefined();
  });

  it('stay calm when the program’s facts cannot be had: the payment, and the hotline to call', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.programInfoUnreachable = true;
    renderKiosk(fake);
    await openStatement(lin);
    fireEvent.click(rowOf('2025年4月'));
    expect(await screen.findByText(/项目说明暂时查不到.*0591-12345678/)).toBeDefined();
    expect(valueOf('金额')).toBe('¥100.00');
    expect(document.body.textContent).not.toMatch(/internal|error|unreachable/i);
    tap('有疑问');
    expect(valueOf('全县惠民资金咨询热线')).toBe('0591-12345678');
    expect(screen.queryByText('县民政局')).toBeNull();
  });

  it('follow a switch of language, facts included', async () => {
    renderKiosk();
    await openStatement(lin);
    fireEvent.click(rowOf('2025年4月'));
    await screen.findByText('县民政局');
    tap('English');
    expect(await screen.findByText('Every month')).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Payment details' })).toBeDefined();
    expect(screen.getByText('Old-age allowance')).toBeDefined();
    expect(valueOf('Standard')).toBe('¥100.00 (yuan per person per month)');
    expect(valueOf('Paid on')).toBe('Not paid yet');
  });
});
