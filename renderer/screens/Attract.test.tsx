// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_PROBLEM_SECONDS } from '../flow/kiosk-flow';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { renderKiosk, resetPage } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(() => {
  resetPage();
  vi.useRealTimers();
});

const invalidCard = /这张卡没有读出有效的身份证号码/;

async function attractWithInvalidCard() {
  const fake = renderKiosk(createFakeKiosk({ residents: [lin] }));
  await screen.findByRole('button', { name: '开始查询' });
  await act(async () => {
    fake.cardNews({ reader: 'lift-card', card: { status: 'unreadable', reason: 'invalid-card' } });
  });
  expect(await screen.findByText(invalidCard)).toBeDefined();
  return fake;
}

describe('the attract screen after a card that could not be read', () => {
  it('keeps the advice while the card lies there, and shows the ordinary hint once it is lifted', async () => {
    const fake = await attractWithInvalidCard();
    await act(async () => fake.cardNews({ reader: 'lift-card', card: null }));
    expect(screen.getByText(invalidCard)).toBeDefined();

    await act(async () => fake.cardNews({ reader: 'ready', card: null }));
    expect(screen.queryByText(invalidCard)).toBeNull();
    expect(screen.getByText('请把身份证放在读卡器上，或点击开始')).toBeDefined();
  });

  it('drops the advice after a short while even when no lift is reported, for the next person', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await attractWithInvalidCard();
    await act(() => vi.advanceTimersByTimeAsync((CARD_PROBLEM_SECONDS - 1) * 1000));
    expect(screen.getByText(invalidCard)).toBeDefined();
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.queryByText(invalidCard)).toBeNull();
    // The card is still on the reader as far as the screen knows: it asks for it to be taken away.
    expect(screen.getByText('请把身份证拿开')).toBeDefined();
  });
});
