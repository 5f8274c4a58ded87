// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mask } from '../../domain/masking';
import { createFakeKiosk, type FakeKiosk } from '../test-support/fake-kiosk';
import { lookUp, openStatement } from '../test-support/flows';
import { resetPage, tap, tapKeys } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';
import type { VoiceEngine } from '../voice/engine';
import { isVoiceLocale } from '../voice/units';
import { renderUtterance, type Utterance } from '../voice/utterance';
import { App } from './App';

afterEach(() => {
  resetPage();
  vi.useRealTimers();
});

/** An engine that only notes what it was asked to say. */
function fakeVoice() {
  const said: { utterance: Utterance; locale: string }[] = [];
  let stops = 0;
  const engine: VoiceEngine = {
    speak: (utterance, locale) => said.push({ utterance, locale }),
    stop: () => {
      stops++;
    },
  };
  return {
    engine,
    said,
    prompts: () => said.map(({ utterance }) => utterance.prompt),
    last: () => said.at(-1),
    stops: () => stops,
  };
}

function renderWithVoice(fake: FakeKiosk = createFakeKiosk({ residents: [lin] })) {
  const voice = fakeVoice();
  render(<App kiosk={fake} voice={voice.engine} />);
  return { voice, fake };
}

async function elapse(ms: number): Promise<void> {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

const lin2025 = {
  prompt: 'results',
  values: {
    year: { kind: 'year', year: 2025 },
    count: { kind: 'paymentCount', count: 4 },
    total: { kind: 'amount', fen: 61250 },
  },
} satisfies Utterance;

describe('every screen says its prompt when it appears', () => {
  it('from attract through the keypad and the name to the statement, with the year, count and total', async () => {
    const { voice } = renderWithVoice();
    await screen.findByRole('button', { name: '开始查询' });
    expect(voice.prompts()).toEqual(['attract']);
    await openStatement(lin);
    expect(voice.prompts()).toEqual(['attract', 'idNumber', 'name', 'lookingUp', 'results']);
    expect(voice.last()).toEqual({ utterance: lin2025, locale: 'zh-CN' });
    expect(renderUtterance(lin2025, 'zh-CN').text).toBe(
      '这是您的明白卡。二〇二五年，您一共有四笔补贴，合计六百一十二元五角。',
    );
    expect(renderUtterance(lin2025, 'en').text).toBe(
      'This is your benefit statement. In twenty twenty-five you have four payments, six hundred twelve yuan and fifty fen in all.',
    );
  });

  it('says the other year when another year is chosen, and speaks again in a new language', async () => {
    const { voice } = renderWithVoice();
    await openStatement(lin);
    fireEvent.click(screen.getByRole('tab', { name: '2024年' }));
    expect(voice.last()?.utterance).toEqual({
      prompt: 'results',
      values: {
        year: { kind: 'year', year: 2024 },
        count: { kind: 'paymentCount', count: 1 },
        total: { kind: 'amount', fen: 30000 },
      },
    });
    tap('English');
    expect(voice.last()?.locale).toBe('en');
    expect(voice.last()?.utterance.prompt).toBe('results');
  });

  it('prints, then says goodbye', async () => {
    const { voice } = renderWithVoice();
    await openStatement(lin);
    tap('打印回执');
    await screen.findByRole('heading', { name: '请取走回执' });
    expect(voice.prompts().slice(-2)).toEqual(['printing', 'printed']);
    tap('完成');
    expect(voice.last()?.utterance).toEqual({ prompt: 'finish' });
  });

  it('a receipt that waits for the printer, and one that fails', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes = [
      { status: 'waiting', jobId: 'job-1', reason: 'paper-out' },
      { status: 'failed', reason: 'offline' },
    ];
    const { voice } = renderWithVoice(fake);
    await openStatement(lin);
    tap('打印回执');
    await screen.findByRole('heading', { name: '回执还在等打印机' });
    expect(voice.last()?.utterance).toEqual({ prompt: 'printWaiting' });
    tap('不打印了');
    tap('打印回执');
    await screen.findByRole('heading', { name: '回执没有打印出来' });
    expect(voice.last()?.utterance).toEqual({ prompt: 'printFailed' });
  });

  it('not found', async () => {
    const { voice } = renderWithVoice();
    await lookUp({ idNumber: lin.idNumber, name: '王小明' });
    await screen.findByRole('heading', { name: '没有查到记录' });
    expect(voice.last()?.utterance).toEqual({ prompt: 'notFound' });
  });

  it('a lookup that could not be done', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.lookupUnreachable = true;
    const { voice } = renderWithVoice(fake);
    await lookUp(lin);
    await screen.findByRole('heading', { name: '暂时查不了' });
    expect(voice.last()?.utterance).toEqual({ prompt: 'lookupFailed' });
  });

  it('a terminal that cannot start says it is unavailable', async () => {
    const fake = createFakeKiosk();
    fake.getSiteInfo = async () => ({ ok: false, error: { code: 'internal', message: 'x', issues: [] } });
    const { voice } = renderWithVoice(fake);
    await screen.findByRole('heading', { name: '本机暂时不能查询' });
    expect(voice.prompts()).toEqual(['unavailable']);
  });

  it('the idle warning says its seconds once, not at every tick', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { voice } = renderWithVoice();
    await openStatement(lin);
    await elapse(90_000);
    screen.getByRole('alertdialog', { name: '您还在吗？' });
    await elapse(5_000);
    const warnings = voice.said.filter(({ utterance }) => utterance.prompt === 'idleWarning');
    expect(warnings).toEqual([
      {
        utterance: { prompt: 'idleWarning', values: { seconds: { kind: 'seconds', seconds: 30 } } },
        locale: 'zh-CN',
      },
    ]);
    expect(renderUtterance(warnings[0]?.utterance ?? lin2025, 'zh-CN').text).toContain('三十秒后将回到首页');
  });
});

describe('replay and mute', () => {
  it('are in the top bar on every screen, as big buttons with their names', async () => {
    renderWithVoice();
    const replay = await screen.findByRole('button', { name: '再听一遍' });
    const mute = screen.getByRole('button', { name: '静音' });
    expect(replay.className).toContain('button');
    expect(mute.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('group', { name: '声音' })).toBeDefined();
    tap('English');
    expect(screen.getByRole('button', { name: 'Hear again' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Mute' })).toBeDefined();
  });

  it('mute stops the speech and keeps the next screens silent; replay says the last prompt again', async () => {
    const { voice } = renderWithVoice();
    await screen.findByRole('button', { name: '开始查询' });
    tap('开始查询');
    const stopsBefore = voice.stops();
    tap('静音');
    expect(voice.stops()).toBeGreaterThan(stopsBefore);
    expect(screen.getByRole('button', { name: '静音' }).getAttribute('aria-pressed')).toBe('true');
    tapKeys(lin.idNumber);
    tap('下一步');
    expect(voice.prompts()).toEqual(['attract', 'idNumber']);
    tap('再听一遍');
    expect(voice.prompts()).toEqual(['attract', 'idNumber', 'name']);
    expect(screen.getByRole('button', { name: '静音' }).getAttribute('aria-pressed')).toBe('false');
    tap('再听一遍');
    expect(voice.prompts()).toEqual(['attract', 'idNumber', 'name', 'name']);
  });

  it('mute lasts for one person: the attract screen speaks again, unmuted', async () => {
    const { voice } = renderWithVoice();
    await openStatement(lin);
    tap('静音');
    tap('返回首页');
    await screen.findByRole('button', { name: '开始查询' });
    expect(voice.last()?.utterance).toEqual({ prompt: 'attract' });
    expect(voice.prompts().filter((prompt) => prompt === 'attract')).toHaveLength(2);
    expect(screen.getByRole('button', { name: '静音' }).getAttribute('aria-pressed')).toBe('false');
  });
});

describe('privacy', () => {
  it('no utterance of a whole visit says a name or an ID number, masked or not, in any language', async () => {
    const { voice } = renderWithVoice();
    await openStatement(lin);
    fireEvent.click(screen.getByRole('tab', { name: '2024年' }));
    tap('English');
    tap('Print receipt');
    await screen.findByRole('heading', { name: 'Please take your receipt' });
    tap('Finish');
    const personal = [lin.name, lin.idNumber, mask('name', lin.name), mask('idNumber', lin.idNumber), '*'];
    expect(voice.said.length).toBeGreaterThan(6);
    for (const { utterance } of voice.said) {
      // Values are numbers only: a string among them could carry a name.
      for (const value of Object.values(utterance.values ?? {}))
        for (const [field, inner] of Object.entries(value))
          if (field !== 'kind') expect(typeof inner).toBe('number');
      for (const locale of ['zh-CN', 'en'].filter(isVoiceLocale)) {
        const { text } = renderUtterance(utterance, locale);
        for (const part of personal) expect(text).not.toContain(part);
        // Numbers are said in words; a digit would be something read out as typed.
        expect(text).not.toMatch(/\d/);
      }
    }
  });
});
