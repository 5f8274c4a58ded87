// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderKiosk, resetPage, tap, tapKeys } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

async function openNameEntry(): Promise<void> {
  renderKiosk();
  fireEvent.click(await screen.findByRole('button', { name: '开始查询' }));
  tapKeys(lin.idNumber);
  tap('下一步');
  await screen.findByRole('heading', { name: '请输入姓名' });
}

const field = () => screen.getByLabelText<HTMLInputElement>('姓名');
const next = () => screen.getByRole('button', { name: '下一步' });
const letters = () => screen.getByRole('group', { name: '拼音字母' });
const candidates = () => screen.getByRole('group', { name: '可选的字' });

function typePinyin(syllable: string): void {
  for (const letter of syllable) fireEvent.click(within(letters()).getByRole('button', { name: letter }));
}

function choose(character: string): void {
  fireEvent.click(within(candidates()).getByRole('button', { name: character }));
}

function spell(...pairs: [string, string][]): void {
  for (const [syllable, character] of pairs) {
    typePinyin(syllable);
    choose(character);
  }
}

describe('name entry with the pinyin keyboard', () => {
  it('builds a name a character at a time, and enables Next once there is one', async () => {
    await openNameEntry();
    expect(next()).toHaveProperty('disabled', true);
    typePinyin('wang');
    expect(screen.getByRole('status').textContent).toBe('wang');
    expect(within(candidates()).getAllByRole('button')[0]?.textContent).toBe('王');
    choose('王');
    expect(field().value).toBe('王');
    expect(screen.getByRole('status').textContent).toBe('');
    spell(['xiu', '秀'], ['ying', '英']);
    expect(field().value).toBe('王秀英');
    expect(next()).toHaveProperty('disabled', false);
  });

  it('looks the person up with the name spelt on the keyboard', async () => {
    await openNameEntry();
    spell(['lin', '林'], ['xiu', '秀'], ['ying', '英']);
    tap('下一步');
    expect(await screen.findByRole('heading', { name: '明白卡' })).toBeDefined();
  });

  it('shows ten candidates a page, with the next and previous pages a tap away', async () => {
    await openNameEntry();
    typePinyin('yi');
    const firstPage = within(candidates())
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(firstPage).toHaveLength(10);
    expect(screen.getByText(/^第 1 页，共 \d+ 页$/)).toBeDefined();
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);
    tap('下一页');
    expect(screen.getByText(/^第 2 页/)).toBeDefined();
    const secondPage = within(candidates())
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(secondPage.some((character) => firstPage.includes(character))).toBe(false);
    tap('上一页');
    expect(within(candidates()).getAllByRole('button')[0]?.textContent).toBe(firstPage[0]);
  });

  it('offers characters of longer syllables for a beginning ("zh": 张, 赵, …)', async () => {
    await openNameEntry();
    typePinyin('zh');
    choose('张');
    expect(field().value).toBe('张');
  });

  it('disables letters that lead to no syllable', async () => {
    await openNameEntry();
    expect(within(letters()).getByRole('button', { name: 'v' })).toHaveProperty('disabled', true);
    typePinyin('w');
    expect(within(letters()).getByRole('button', { name: 'b' })).toHaveProperty('disabled', true);
    expect(within(letters()).getByRole('button', { name: 'a' })).toHaveProperty('disabled', false);
    typePinyin('l');
    // Not a syllable after w: the tap does nothing.
    expect(screen.getByRole('status').textContent).toBe('w');
  });

  it('types ü as v', async () => {
    await openNameEntry();
    spell(['lv', '吕']);
    expect(field().value).toBe('吕');
  });

  it('deletes the last letter, then the last character; clears everything', async () => {
    await openNameEntry();
    spell(['wang', '王'], ['xiu', '秀']);
    typePinyin('yin');
    tap('删除');
    expect(screen.getByRole('status').textContent).toBe('yi');
    tap('删除');
    tap('删除');
    expect(field().value).toBe('王秀');
    tap('删除');
    expect(field().value).toBe('王');
    typePinyin('x');
    tap('清空');
    expect(field().value).toBe('');
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByRole('button', { name: '清空' })).toHaveProperty('disabled', true);
  });

  it('writes the middle dot of a minority name, never first and never twice', async () => {
    await openNameEntry();
    const dot = () => screen.getByRole('button', { name: '间隔号' });
    expect(dot()).toHaveProperty('disabled', true);
    spell(['a', '阿'], ['yi', '依']);
    fireEvent.click(dot());
    expect(field().value).toBe('阿依·');
    expect(dot()).toHaveProperty('disabled', true);
    spell(['mai', '买']);
    expect(field().value).toBe('阿依·买');
  });

  it('still takes a name a helper types on a real keyboard, without opening the touch keyboard', async () => {
    await openNameEntry();
    expect(field().getAttribute('inputmode')).toBe('none');
    fireEvent.change(field(), { target: { value: '林秀' } });
    spell(['ying', '英']);
    expect(field().value).toBe('林秀英');
  });

  it('names every key for the language on screen', async () => {
    await openNameEntry();
    const zhField = field();
    tap('English');
    expect(screen.getByRole('group', { name: 'Pinyin letters' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Middle dot' })).toBeDefined();
    expect(screen.getByLabelText('Name')).toBe(zhField);
  });
});
