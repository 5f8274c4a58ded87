// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderKiosk, resetPage, tap, tapKeys } from '../test-support/render-kiosk';
import { lin, wrongCheckDigit } from '../test-support/residents';

afterEach(resetPage);

async function openIdEntry(): Promise<void> {
  renderKiosk();
  fireEvent.click(await screen.findByRole('button', { name: '开始查询' }));
  await screen.findByRole('heading', { name: '请输入身份证号码' });
}

const field = () => screen.getByLabelText<HTMLInputElement>('身份证号码（18位）');
const next = () => screen.getByRole('button', { name: '下一步' });

describe('ID number entry', () => {
  it('shows the number grouped 6-8-4 and counts down what is left', async () => {
    await openIdEntry();
    expect(screen.getByRole('status')).toHaveProperty('textContent', '还需输入 18 位');
    tapKeys('350102194');
    expect(field().value).toBe('350102 194');
    expect(screen.getByRole('status').textContent).toBe('还需输入 9 位');
    expect(next()).toHaveProperty('disabled', true);
  });

  it('names the digit a wrong check digit should be, and keeps Next disabled', async () => {
    const { idNumber, expected } = wrongCheckDigit('35010219480315123');
    await openIdEntry();
    tapKeys(idNumber);
    expect(screen.getByRole('status').textContent).toContain(`最后一位应为 ${expected}`);
    expect(next()).toHaveProperty('disabled', true);
  });

  it('says when the birth date in the number does not exist', async () => {
    await openIdEntry();
    tapKeys('350102194802301234');
    expect(screen.getByRole('status').textContent).toContain('出生日期 1948-02-30 不存在');
  });

  it('offers X only for the last place', async () => {
    await openIdEntry();
    const x = () => screen.getByRole('button', { name: 'X' });
    expect(x()).toHaveProperty('disabled', true);
    tapKeys('35010219480315123');
    expect(x()).toHaveProperty('disabled', false);
  });

  it('deletes one character and clears all', async () => {
    await openIdEntry();
    tapKeys('35010');
    tap('删除');
    expect(field().value).toBe('3501');
    tap('清空');
    expect(field().value).toBe('');
  });

  it('takes a number typed by a helper on a keyboard, and enables Next when it is valid', async () => {
    await openIdEntry();
    fireEvent.change(field(), { target: { value: lin.idNumber.toLowerCase() } });
    expect(screen.getByRole('status').textContent).toContain('号码格式正确');
    expect(next()).toHaveProperty('disabled', false);
    tap('下一步');
    expect(await screen.findByRole('heading', { name: '请输入姓名' })).toBeDefined();
  });
});
