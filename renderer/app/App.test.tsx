// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mask } from '../../domain/masking';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(() => {
  resetPage();
  vi.useRealTimers();
});

const personalTexts = [lin.name, lin.idNumber, mask('name', lin.name), mask('idNumber', lin.idNumber)];

function expectNoPersonalText(): void {
  const text = document.body.textContent ?? '';
  for (const personal of personalTexts) expect(text).not.toContain(personal);
  for (const input of document.querySelectorAll('input')) expect(input.value).toBe('');
}

async function elapse(ms: number): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('the attract screen', () => {
  it('names the site, the card hint and how fresh the data is (in county time)', async () => {
    renderKiosk();
    expect(await screen.findByRole('heading', { name: '惠民资金查询' })).toBeDefined();
    expect(screen.getByText('城关镇便民服务中心')).toBeDefined();
    expect(screen.getByText('请把身份证放在读卡器上，或点击开始')).toBeDefined();
    expect(screen.getByText('数据更新至 2025-07-01 00:30（第 7 版）')).toBeDefined();
    expect(screen.queryByRole('button', { name: '返回首页' })).toBeNull();
  });

  it('says calmly that the terminal is unavailable when it cannot load its site information', async () => {
    const fake = createFakeKiosk();
    fake.getSiteInfo = async () => ({ ok: false, error: { code: 'internal', message: 'boom', issues: [] } });
    renderKiosk(fake);
    expect(await screen.findByRole('heading', { name: '本机暂时不能查询' })).toBeDefined();
    expect(document.body.textContent).not.toContain('boom');
  });
});

describe('language and text size', () => {
  it('switches every visible text to English and back', async () => {
    renderKiosk();
    await screen.findByRole('heading', { name: '惠民资金查询' });
    tap('English');
    expect(await screen.findByRole('heading', { name: 'Benefit payments lookup' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Start' })).toBeDefined();
    expect(screen.getByText('Place your ID card on the reader, or tap Start')).toBeDefined();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('en');
    expect(document.body.textContent).not.toMatch(/[查询开始]/);
    tap('中文');
    expect(await screen.findByRole('button', { name: '开始查询' })).toBeDefined();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('shows program names and statuses of the statement in English', async () => {
    renderKiosk();
    await openStatement(lin);
    tap('English');
    expect(await screen.findByRole('heading', { name: 'Your benefit statement' })).toBeDefined();
    expect(screen.getAllByText('Old-age allowance')).toHaveLength(3);
    expect(screen.getByText('April 2025')).toBeDefined();
    expect(screen.getByText('Overdue')).toBeDefined();
    expect(screen.getByText('Total for 2025')).toBeDefined();
  });

  it('enlarges the text in three steps from every screen', async () => {
    renderKiosk();
    await screen.findByRole('heading', { name: '惠民资金查询' });
    expect(document.documentElement.dataset.textSize).toBe('large');
    tap('超大');
    expect(document.documentElement.dataset.textSize).toBe('largest');
    expect(screen.getByRole('button', { name: '超大' }).getAttribute('aria-pressed')).toBe('true');
    tap('开始查询');
    tap('特大');
    expect(document.documentElement.dataset.textSize).toBe('larger');
  });
});

describe('ending a session', () => {
  it('says goodbye on Finish, returns to the attract screen, and leaves nothing personal on the page', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fake = renderKiosk();
    await openStatement(lin);
    tap('English');
    tap('Finish');
    expect(await screen.findByRole('heading', { name: 'Thank you, goodbye' })).toBeDefined();
    expectNoPersonalText();
    expect(fake.openSessions.size).toBe(0);
    await elapse(5_000);
    // The next person finds the site's own language again.
    expect(screen.getByRole('button', { name: '开始查询' })).toBeDefined();
    expectNoPersonalText();
  });

  it('goes home from the middle of entering, forgetting what was entered', async () => {
    renderKiosk();
    await openStatement(lin);
    tap('返回首页');
    expect(await screen.findByRole('button', { name: '开始查询' })).toBeDefined();
    expectNoPersonalText();
    tap('开始查询');
    expect(screen.getByLabelText<HTMLInputElement>('身份证号码（18位）').value).toBe('');
  });
});

describe('when nobody touches the screen', () => {
  it('warns with one Continue button, and Continue keeps the statement', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderKiosk();
    await openStatement(lin);
    await elapse(90_000);
    const warning = screen.getByRole('alertdialog', { name: '您还在吗？' });
    expect(warning.textContent).toContain('30 秒后将回到首页');
    await elapse(10_000);
    expect(warning.textContent).toContain('20 秒后将回到首页');
    expect(screen.getAllByRole('button').filter((button) => warning.contains(button))).toHaveLength(1);
    tap('继续');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('林*英')).toBeDefined();
  });

  it('ends the session and wipes the screen when the warning runs out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fake = renderKiosk();
    await openStatement(lin);
    await elapse(90_000 + 30_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: '开始查询' })).toBeDefined();
    expectNoPersonalText();
    expect(fake.endedSessions).toHaveLength(1);
  });

  it('counts a touch anywhere as the person still being there', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderKiosk();
    await openStatement(lin);
    await elapse(80_000);
    act(() => screen.getByRole('table').dispatchEvent(new Event('pointerdown', { bubbles: true })));
    await elapse(80_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
