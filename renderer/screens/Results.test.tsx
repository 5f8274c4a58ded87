// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { lookUp, openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap } from '../test-support/render-kiosk';
import { lin, validIdNumber } from '../test-support/residents';

afterEach(resetPage);

describe('the 明白卡', () => {
  it('shows the masked identity from the main process, never what was typed', async () => {
    renderKiosk();
    await openStatement(lin);
    expect(screen.getByText('林*英')).toBeDefined();
    expect(screen.getByText(`${lin.idNumber.slice(0, 6)}${'*'.repeat(12)}`)).toBeDefined();
    expect(document.body.textContent).not.toContain(lin.name);
    expect(document.body.textContent).not.toContain(lin.idNumber.slice(6, 14));
  });

  it('opens on the latest year with its total, and each payment with its status in words', async () => {
    renderKiosk();
    await openStatement(lin);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['2025年', '2024年']);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('2025年合计').parentElement?.textContent).toContain('¥612.50');
    expect(screen.getByText('已发放 ¥412.50 · 未发放 ¥200.00')).toBeDefined();

    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    const overdue = rows.find((row) => row.textContent?.includes('2025年4月'));
    expect(overdue?.textContent).toContain('高龄津贴');
    expect(overdue?.textContent).toContain('¥100.00');
    expect(overdue?.textContent).toContain('逾期未发放');
    expect(overdue?.textContent).toContain('还没有发放');
    expect(screen.getAllByText('已发放')).toHaveLength(2);
    expect(screen.getAllByText('待发放')).toHaveLength(1);
  });

  it('switches to another year', async () => {
    renderKiosk();
    await openStatement(lin);
    fireEvent.click(screen.getByRole('tab', { name: '2024年' }));
    expect(screen.getByRole('tab', { name: '2024年' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('2024年合计').parentElement?.textContent).toContain('¥300.00');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
  });

  it('says so calmly when a resident has no payments', async () => {
    const fake = createFakeKiosk({
      residents: [{ idNumber: validIdNumber('35010219500101002'), name: '王芳', payments: [] }],
    });
    renderKiosk(fake);
    await openStatement({ idNumber: validIdNumber('35010219500101002'), name: '王芳' });
    expect(screen.getByText(/没有查到您的发放记录.*0591-12345678/)).toBeDefined();
    expect(screen.queryByRole('button', { name: '打印回执' })).toBeNull();
  });
});

describe('when there is no statement to show', () => {
  it('says no record matches, names the hotline, and keeps the number for checking', async () => {
    renderKiosk();
    await lookUp({ idNumber: lin.idNumber, name: '林秀兰' });
    await screen.findByRole('heading', { name: '没有查到记录' });
    expect(screen.getByText(/0591-12345678/)).toBeDefined();
    tap('重新输入');
    expect(screen.getByLabelText<HTMLInputElement>('身份证号码（18位）').value.replaceAll(' ', '')).toBe(
      lin.idNumber,
    );
  });

  it('shows a calm screen, not the error, when the lookup cannot be answered', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.lookupUnreachable = true;
    renderKiosk(fake);
    await lookUp(lin);
    await screen.findByRole('heading', { name: '暂时查不了' });
    expect(document.body.textContent).not.toMatch(/unreachable|internal|error/i);
    fake.lookupUnreachable = false;
    tap('再试一次');
    expect(await screen.findByRole('heading', { name: '明白卡' })).toBeDefined();
  });
});
