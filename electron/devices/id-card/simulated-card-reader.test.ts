import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDigitOf } from '../../../domain/id-number';
import type { CardIdentity, CardReaderState, CardReadResult } from './card-reader';
import { createCardReader } from './create-card-reader';

const first17 = '35992519620815101';
const card: CardIdentity = {
  idNumber: first17 + checkDigitOf(first17),
  name: '陈建国',
  sex: 'male',
  nationCode: '01',
  birthDate: '1962-08-15',
  validFrom: '2014-05-20',
  validTo: 'long-term',
  issuer: '示例县公安局',
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function watch() {
  const reader = createCardReader({ kind: 'simulator' }, { readDelayMs: 300, today: () => '2026-11-24' });
  const states: CardReaderState['state'][] = [];
  const cards: CardReadResult[] = [];
  reader.onState((s) => states.push(s.state));
  reader.onCard((r) => cards.push(r));
  return { reader, states, cards };
}

describe('simulated card reader', () => {
  it('reads a presented card like a real reader: reading, read, lift the card, ready', async () => {
    const { reader, states, cards } = watch();
    await reader.start();
    reader.present(card);
    await vi.runAllTimersAsync();
    expect(cards).toEqual([{ ok: true, card }]);
    reader.lift();
    expect(states).toEqual(['ready', 'reading', 'read', 'lift-card', 'ready']);
  });

  it('reports an invalid card, whether asked for or from a bad ID number', async () => {
    const { reader, cards } = watch();
    await reader.start();
    reader.present('invalid');
    await vi.runAllTimersAsync();
    reader.present({ ...card, idNumber: `${first17}${checkDigitOf(first17) === '0' ? '1' : '0'}` });
    await vi.runAllTimersAsync();
    reader.present({ ...card, name: '名'.repeat(16) });
    await vi.runAllTimersAsync();
    expect(cards).toEqual([
      { ok: false, reason: 'invalid-card' },
      { ok: false, reason: 'invalid-card' },
      { ok: false, reason: 'invalid-card' },
    ]);
  });

  it('ignores cards until it is started, and a card lifted before the read completes', async () => {
    const { reader, cards } = watch();
    reader.present(card);
    await vi.runAllTimersAsync();
    await reader.start();
    reader.present(card);
    reader.lift();
    await vi.runAllTimersAsync();
    expect(cards).toEqual([]);
    expect(reader.getState()).toEqual({ state: 'ready' });
  });
});

describe('createCardReader', () => {
  it('gives keyboard terminals a reader that is always ready and a terminal without one a fixed state', async () => {
    const keyboard = createCardReader({ kind: 'keyboard' });
    const none = createCardReader({ kind: 'none' });
    await keyboard.start();
    await none.start();
    expect(keyboard.getState()).toEqual({ state: 'ready' });
    expect(none.getState()).toEqual({ state: 'not-configured' });
  });
});
