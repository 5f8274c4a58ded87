// @vitest-environment jsdom
/**
 * QUALITY.md: "the user can change text size and language from every screen". Each screen of the main flow
 * is reached as a person reaches it, and there the three text sizes and every offered language are shown
 * and work, without leaving the screen.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeKiosk, type FakeKiosk } from '../test-support/fake-kiosk';
import { lookUp, openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap, tapKeys } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

const never = <T,>(): Promise<T> => new Promise<T>(() => undefined);

interface Visit {
  /** Gets the kiosk ready before the first render (e.g. a call that never answers). */
  prepare?: (fake: FakeKiosk) => void;
  /** Walks from the start to the screen. */
  walk?: () => Promise<void>;
  /** Text only this screen shows, in zh-CN. */
  shows: string;
}

const visits: Record<string, Visit> = {
  starting: { prepare: (fake) => (fake.getSiteInfo = never), shows: '正在准备，请稍候…' },
  unavailable: {
    prepare: (fake) =>
      (fake.getSiteInfo = async () => ({
        ok: false,
        error: { code: 'internal', message: 'down', issues: [] },
      })),
    shows: '本机暂时不能查询',
  },
  attract: { shows: '开始查询' },
  'ID number': {
    walk: async () => {
      fireEvent.click(await screen.findByRole('button', { name: '开始查询' }));
    },
    shows: '请输入身份证号码',
  },
  name: {
    walk: async () => {
      fireEvent.click(await screen.findByRole('button', { name: '开始查询' }));
      tapKeys(lin.idNumber);
      tap('下一步');
    },
    shows: '请输入姓名',
  },
  'looking up': {
    prepare: (fake) => (fake.lookupResident = never),
    walk: () => lookUp(lin),
    shows: '正在查询，请稍候…',
  },
  明白卡: { walk: () => openStatement(lin), shows: '明白卡' },
  printing: {
    prepare: (fake) => (fake.printReceipt = never),
    walk: async () => {
      await openStatement(lin);
      tap('打印回执');
    },
    shows: '正在打印回执，请稍候…',
  },
  printed: {
    walk: async () => {
      await openStatement(lin);
      tap('打印回执');
    },
    shows: '请取走回执',
  },
  'print waiting': {
    prepare: (fake) => {
      fake.printerOutcomes.push({ status: 'waiting', jobId: 'job-9', reason: 'paper-out' });
      fake.jobStatuses.set('job-9', { state: 'waiting', reason: 'paper-out' });
    },
    walk: async () => {
      await openStatement(lin);
      tap('打印回执');
    },
    shows: '回执还在等打印机',
  },
  'print failed': {
    prepare: (fake) => fake.printerOutcomes.push({ status: 'failed', reason: 'offline' }),
    walk: async () => {
      await openStatement(lin);
      tap('打印回执');
    },
    shows: '回执没有打印出来',
  },
  'not found': { walk: () => lookUp({ ...lin, name: '林秀兰' }), shows: '没有查到记录' },
  'invalid number': {
    prepare: (fake) =>
      (fake.lookupResident = async () => ({ ok: true, value: { status: 'invalid-id', reason: 'region' } })),
    walk: () => lookUp(lin),
    shows: '身份证号码有误',
  },
  'lookup failed': {
    prepare: (fake) => (fake.lookupUnreachable = true),
    walk: () => lookUp(lin),
    shows: '暂时查不了',
  },
  finish: {
    walk: async () => {
      await openStatement(lin);
      tap('完成');
    },
    shows: '谢谢，再见',
  },
};

describe('text size and language on every screen of the main flow', () => {
  it.each(Object.entries(visits))('on the %s screen', async (_name, visit) => {
    const fake = createFakeKiosk({ residents: [lin], siteInfo: { languages: ['zh-CN', 'en', 'bo'] } });
    visit.prepare?.(fake);
    renderKiosk(fake);
    await visit.walk?.();
    expect(await screen.findAllByText(visit.shows)).not.toHaveLength(0);

    const bar = screen.getByRole('banner', { name: '屏幕设置' });
    const names = (group: string) =>
      within(within(bar).getByRole('group', { name: group }))
        .getAllByRole('button')
        .map((button) => button.textContent);
    expect(names('语言')).toEqual(['中文', 'English', 'བོད་ཡིག']);
    expect(names('字号')).toEqual(['大', '特大', '超大']);

    tap('超大');
    expect(document.documentElement.dataset.textSize).toBe('largest');
    tap('特大');
    expect(document.documentElement.dataset.textSize).toBe('larger');
    tap('བོད་ཡིག');
    expect(document.documentElement.lang).toBe('bo');
    expect(screen.getByRole('banner').textContent).toMatch(/[\u0F00-\u0FFF]/);
    tap('English');
    expect(document.documentElement.lang).toBe('en');
    tap('中文');
    tap('大');
    // Still the same screen, in the language and size it started with.
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.documentElement.dataset.textSize).toBe('large');
    expect(screen.getAllByText(visit.shows)).not.toHaveLength(0);
  });
});
