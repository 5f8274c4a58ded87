// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';
import { FAKE_HELPER_PIN } from './fake-helper-desk';
import { createHelperMode, HELPER_IDLE_SECONDS } from './helper-mode';

afterEach(() => {
  resetPage();
  vi.useRealTimers();
});

function tapCorner(times: number): void {
  const corner = screen.getByRole('button', { name: '工作人员' });
  for (let i = 0; i < times; i++) fireEvent.click(corner);
}

function typePin(pin: string): void {
  const pad = screen.getByRole('group', { name: '密码键盘' });
  for (const digit of pin) fireEvent.click(within(pad).getByRole('button', { name: digit }));
  fireEvent.click(within(pad).getByRole('button', { name: '确定' }));
}

async function openPanel() {
  tapCorner(5);
  typePin(FAKE_HELPER_PIN);
  await screen.findByRole('heading', { name: '设备' });
}

describe('the helper corner', () => {
  it('opens the PIN pad after five taps, not four', async () => {
    renderKiosk();
    await screen.findByRole('button', { name: '开始查询' });
    tapCorner(4);
    expect(screen.queryByRole('dialog', { name: '工作人员模式' })).toBeNull();
    tapCorner(1);
    const dialog = screen.getByRole('dialog', { name: '工作人员模式' });
    expect(within(dialog).getByText('请输入工作人员密码')).toBeTruthy();
  });

  it('counts the five taps within three seconds only', () => {
    vi.useFakeTimers();
    const actor = createActor(createHelperMode(createFakeKiosk())).start();
    for (let i = 0; i < 4; i++) actor.send({ type: 'CORNER_TAP' });
    vi.advanceTimersByTime(3000);
    actor.send({ type: 'CORNER_TAP' });
    expect(actor.getSnapshot().matches('open')).toBe(false);
    for (let i = 0; i < 4; i++) actor.send({ type: 'CORNER_TAP' });
    expect(actor.getSnapshot().matches('open')).toBe(true);
    actor.stop();
  });

  it('closes by itself after the helper walks away, and voids the token', async () => {
    vi.useFakeTimers();
    const fake = createFakeKiosk();
    const actor = createActor(createHelperMode(fake)).start();
    for (let i = 0; i < 5; i++) actor.send({ type: 'CORNER_TAP' });
    for (const digit of FAKE_HELPER_PIN) actor.send({ type: 'PIN_DIGIT', digit });
    actor.send({ type: 'SUBMIT' });
    await vi.advanceTimersByTimeAsync(10);
    expect(actor.getSnapshot().matches({ open: { view: 'panel' } })).toBe(true);
    await vi.advanceTimersByTimeAsync(HELPER_IDLE_SECONDS * 1000);
    expect(actor.getSnapshot().matches('closed')).toBe(true);
    expect(actor.getSnapshot().context.token).toBeNull();
    expect(fake.helper.calls).toContain('helperLock');
    actor.stop();
  });
});

describe('the PIN', () => {
  it('says how many tries are left, then that it is locked', async () => {
    renderKiosk();
    await screen.findByRole('button', { name: '开始查询' });
    tapCorner(5);
    typePin('1111');
    expect((await screen.findByRole('alert')).textContent).toBe('密码不对，还可以再试 4 次');
    for (let i = 0; i < 3; i++) {
      typePin('1111');
      await screen.findByText(`密码不对，还可以再试 ${3 - i} 次`);
    }
    typePin('1111');
    expect(await screen.findByText('密码错误次数太多，请 5 分钟后再试')).toBeTruthy();
    typePin(FAKE_HELPER_PIN);
    await screen.findByText('密码错误次数太多，请 5 分钟后再试');
    expect(screen.queryByRole('heading', { name: '设备' })).toBeNull();
  });

  it('opens the panel with the right PIN: devices and sync in words', async () => {
    const fake = createFakeKiosk();
    fake.helper.status.devices.printer = 'paper-out';
    renderKiosk(fake);
    await screen.findByRole('button', { name: '开始查询' });
    await openPanel();
    expect(screen.getByText('没有纸了')).toBeTruthy();
    expect(screen.getAllByText('正常').length).toBeGreaterThan(0);
    expect(screen.getByText('已是最新')).toBeTruthy();
    expect(screen.getByText('7')).toBeTruthy();
    // Not on this host: the browser host cannot exit to maintenance.
    expect(screen.queryByRole('button', { name: '退出到维护' })).toBeNull();
  });

  it('asks for the PIN again when the token has expired', async () => {
    const fake = createFakeKiosk();
    renderKiosk(fake);
    await screen.findByRole('button', { name: '开始查询' });
    await openPanel();
    fake.helper.expire();
    tap('测试打印');
    expect(await screen.findByText('工作人员模式已超时，请重新输入密码')).toBeTruthy();
    expect(screen.getByRole('group', { name: '密码键盘' })).toBeTruthy();
  });
});

describe('the helper panel', () => {
  it('runs a test print, a test card and a sync, and says how each went', async () => {
    const fake = createFakeKiosk();
    renderKiosk(fake);
    await screen.findByRole('button', { name: '开始查询' });
    await openPanel();
    tap('测试打印');
    expect((await screen.findByText('测试小票已打印')).getAttribute('role')).toBe('status');
    tap('测试读卡');
    await screen.findByText('读卡正常（模拟读卡器读出了内置测试卡）');
    fake.helper.syncNow = { status: 'busy' };
    tap('立即同步');
    await screen.findByText('同步程序正在同步，请过一会儿再看');
    fake.helper.testPrint = { status: 'waiting', reason: 'cover-open' };
    tap('测试打印');
    await screen.findByText('测试小票在等打印机：盖子没关好');
    expect(fake.helper.calls).toEqual(
      expect.arrayContaining(['helperTestPrint', 'helperTestCard', 'helperSyncNow']),
    );
  });

  it('offers exit to maintenance only where the host supports it', async () => {
    const fake = createFakeKiosk();
    fake.helper.status.canExitToMaintenance = true;
    renderKiosk(fake);
    await screen.findByRole('button', { name: '开始查询' });
    await openPanel();
    tap('退出到维护');
    await screen.findByText('正在退出，请稍候……');
  });

  it('over a person’s statement: marks the visit as assisted once, reprints, and leaves the statement as it was', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    renderKiosk(fake);
    await openStatement(lin);
    await openPanel();
    // The statement is still there beneath the panel, untouched.
    expect(screen.getByRole('heading', { name: '明白卡', hidden: true })).toBeTruthy();
    tap('标记为协助查询');
    await screen.findByText('已记为协助查询（只计次数，不记是谁）');
    expect((screen.getByRole('button', { name: '标记为协助查询' }) as HTMLButtonElement).disabled).toBe(true);
    tap('重新打印回执');
    await screen.findByText('回执已重新打印');
    expect(fake.helper.assisted).toHaveLength(1);
    expect(fake.helper.reprints).toEqual([
      { sessionId: fake.helper.assisted[0], year: 2025, locale: 'zh-CN' },
    ]);
    // Nothing of the person is shown on the panel.
    const dialog = screen.getByRole('dialog', { name: '工作人员模式' });
    expect(dialog.textContent).not.toContain(lin.name);
    expect(dialog.textContent).not.toContain(lin.idNumber.slice(6, 14));

    tap('退出工作人员模式');
    expect(screen.queryByRole('dialog', { name: '工作人员模式' })).toBeNull();
    expect(screen.getByRole('heading', { name: '明白卡' })).toBeTruthy();
    expect(fake.helper.calls).toContain('helperLock');
    await act(async () => {});
  });

  it('has nothing to mark or reprint when nobody is at the screen', async () => {
    renderKiosk();
    await screen.findByRole('button', { name: '开始查询' });
    await openPanel();
    expect(screen.getByText('现在没有人在查询。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重新打印回执' })).toBeNull();
  });
});
