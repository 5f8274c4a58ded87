// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteInfo } from '../../electron/api/contract';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(() => {
  resetPage();
  vi.useRealTimers();
});

const HAN = /\p{Script=Han}/u;
const withTibetan: { siteInfo: Partial<SiteInfo> } = { siteInfo: { languages: ['zh-CN', 'en', 'bo'] } };

/** What a person does on a Tibetan screen: the keypad and the name field are found by their Tibetan words. */
async function lookUpInTibetan(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'འགོ་འཛུགས།' }));
  const keypad = screen.getByRole('group', { name: 'ཨང་གྲངས་མཐེབ་གཞོང་།' });
  for (const character of lin.idNumber)
    fireEvent.click(within(keypad).getByRole('button', { name: character }));
  tap('གོམ་པ་རྗེས་མ།');
  fireEvent.change(screen.getByLabelText('མིང་།'), { target: { value: lin.name } });
  tap('གོམ་པ་རྗེས་མ།');
}

describe('the Tibetan (bo) screen', () => {
  it('writes the attract screen in Tibetan once བོད་ཡིག is tapped, with lang="bo" on <html>', async () => {
    renderKiosk(createFakeKiosk({ residents: [lin], ...withTibetan }));
    await screen.findByRole('heading', { name: '惠民资金查询' });
    tap('བོད་ཡིག');
    expect(await screen.findByRole('heading', { name: 'མི་དམངས་ལ་ཕན་པའི་མ་དངུལ་འཚོལ་ཞིབ།' })).toBeDefined();
    expect(document.documentElement.lang).toBe('bo');
    expect(document.title).toBe('མི་དམངས་ལ་ཕན་པའི་མ་དངུལ་འཚོལ་ཞིབ།');
    expect(screen.getByRole('button', { name: 'འགོ་འཛུགས།' })).toBeDefined();
    expect(screen.getByText('ཐོབ་ཐང་ལག་ཁྱེར་ཀློག་འཕྲུལ་སྟེང་དུ་ཞོག་རོགས། ཡང་ན་“འགོ་འཛུགས།”ལ་མནན་རོགས།')).toBeDefined();
    expect(screen.getByRole('button', { name: 'བོད་ཡིག' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('group', { name: 'ཡིག་གཟུགས་ཆེ་ཆུང་།' })).toBeDefined();
    // Only the site's own name stays Chinese: the county names it so.
    const main = screen.getByRole('main').textContent ?? '';
    expect(main.replace('城关镇便民服务中心', '')).not.toMatch(HAN);
    // The top bar too, voice buttons included; only the 中文 button is in Chinese, as it names Chinese.
    expect((screen.getByRole('banner').textContent ?? '').replace('中文', '')).not.toMatch(HAN);
    tap('中文');
    expect(await screen.findByRole('button', { name: '开始查询' })).toBeDefined();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('shows each language in its own script, in every language', async () => {
    renderKiosk(createFakeKiosk({ residents: [lin], ...withTibetan }));
    await screen.findByRole('heading', { name: '惠民资金查询' });
    for (const language of ['བོད་ཡིག', 'English', '中文']) {
      tap(language);
      const buttons = within(screen.getByRole('banner')).getAllByRole('button');
      expect(buttons.filter((b) => b.hasAttribute('lang')).map((b) => [b.textContent, b.lang])).toEqual([
        ['中文', 'zh-CN'],
        ['English', 'en'],
        ['བོད་ཡིག', 'bo'],
      ]);
    }
  });

  it('walks a resident to the 明白卡 in Tibetan: statuses, columns, periods, totals', async () => {
    renderKiosk(
      createFakeKiosk({ residents: [lin], siteInfo: { ...withTibetan.siteInfo, defaultLanguage: 'bo' } }),
    );
    await lookUpInTibetan();
    expect(await screen.findByRole('heading', { name: 'འཐུས་སྣོན་གསལ་ཐོ།' })).toBeDefined();
    expect(document.documentElement.lang).toBe('bo');
    const columns = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(columns).toEqual(
      expect.arrayContaining(['འཐུས་སྣོན་རྣམ་གྲངས།', 'གཏོགས་པའི་དུས་ཡུན།', 'དངུལ་འབོར།', 'སྤྲད་པའི་ཚེས་གྲངས།', 'གནས་སྟངས།']),
    );
    expect(screen.getAllByText('སྤྲད་ཟིན།').length).toBeGreaterThan(0);
    expect(screen.getByText('སྤྲོད་རྒྱུ་ཡིན།')).toBeDefined();
    expect(screen.getByText('དུས་ཡོལ་མ་སྤྲད།')).toBeDefined();
    expect(screen.getByText('2025 ལོའི་ཟླ་ 4 པ།')).toBeDefined();
    expect(screen.getByText('2025 ལོའི་བསྡོམས་འབོར།')).toBeDefined();
    // The county publishes program names in Chinese and English only; amounts carry ¥ as in English.
    expect(screen.getAllByText('高龄津贴')).toHaveLength(3);
    expect(screen.getAllByText('¥100.00').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'ཁྱིམ་མི་འཚོལ་ཞིབ།' })).toBeDefined();
  });

  it('prints from a Tibetan screen and tells the person the receipt is in Chinese', async () => {
    const fake = renderKiosk(createFakeKiosk({ residents: [lin], ...withTibetan }));
    await openStatement(lin);
    tap('བོད་ཡིག');
    tap('ལེན་འཛིན་པར་འདེབས།');
    expect(await screen.findByRole('heading', { name: 'ལེན་འཛིན་ལེན་རོགས།' })).toBeDefined();
    expect(screen.getByText(/ལེན་འཛིན་དེ་རྒྱ་ཡིག་ཐོག་ཡོད།/)).toBeDefined();
    // The screen's language goes with the request; the main process prints a bo receipt in zh-CN, since the
    // printer's GB18030 font has no Tibetan (electron/api/handlers/print-receipt.test.ts).
    expect(fake.printRequests).toEqual([{ sessionId: expect.any(String), year: 2025, locale: 'bo' }]);
  });

  it('warns in Tibetan before the idle limit, with one Continue button', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderKiosk(createFakeKiosk({ residents: [lin], ...withTibetan }));
    await openStatement(lin);
    tap('བོད་ཡིག');
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    const warning = screen.getByRole('alertdialog', { name: 'ཁྱེད་རང་ད་དུང་འདིར་བཞུགས་ཡོད་དམ།' });
    expect(warning.textContent).toContain('སྐར་ཆ་ 30 རྗེས་ཤོག་ངོས་དང་པོར་ལོག་ཡོང་།');
    tap('མུ་མཐུད།');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { name: 'འཐུས་སྣོན་གསལ་ཐོ།' })).toBeDefined();
  });

  it('is offered only where the site lists it', async () => {
    renderKiosk();
    await screen.findByRole('heading', { name: '惠民资金查询' });
    expect(screen.queryByRole('button', { name: 'བོད་ཡིག' })).toBeNull();
  });
});
