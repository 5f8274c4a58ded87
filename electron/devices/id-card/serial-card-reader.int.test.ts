/**
 * The real serial reader code against the fake reader over a socat pseudo-terminal pair.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../../domain/id-number';
import type { CardIdentity, CardReader, CardReaderState, CardReadResult } from './card-reader';
import { encodeCardText } from './card-text';
import {
  createSerialCardReader,
  type CardReaderDiagnostic,
  type SerialReaderOptions,
} from './serial-card-reader';
import {
  nextCard,
  startFakeReader,
  startPtyPair,
  stopAll,
  tempDirectory,
  waitForState,
  type FakeReader,
  type PtyPair,
} from './pty-test-support';

const TODAY = '2026-11-24';
// expect.poll gives up after 1 s by default: too soon for a loaded machine.
const POLL = { timeout: 10_000 };
const withCheck = (first17: string) => first17 + checkDigitOf(first17);

const longTermCard: CardIdentity = {
  idNumber: withCheck('35992519480712301'),
  name: '李秀英',
  sex: 'male',
  nationCode: '01',
  birthDate: '1948-07-12',
  validFrom: '2012-03-15',
  validTo: 'long-term',
  issuer: '示例县公安局',
};
const datedCard: CardIdentity = {
  idNumber: withCheck('35992519750120452'),
  name: '欧阳䶮',
  sex: 'female',
  nationCode: '09',
  birthDate: '1975-01-20',
  validFrom: '2016-09-01',
  validTo: '2036-09-01',
  issuer: '示例县公安局',
};
const textOf = (card: CardIdentity) =>
  Buffer.from(encodeCardText(card, { address: '示例村一组' })).toString('hex');

let pty: PtyPair;
let fake: FakeReader;
let reader: CardReader | null = null;
let diagnostics: CardReaderDiagnostic[];
let cards: CardReadResult[];

beforeEach(async () => {
  const dir = await tempDirectory();
  pty = await startPtyPair(join(dir, 'ttyUSB0'), join(dir, 'reader'));
  fake = await startFakeReader(pty.readerPath);
  diagnostics = [];
  cards = [];
});

afterEach(async () => {
  await reader?.stop();
  reader = null;
  await stopAll();
});

function startReader(options: SerialReaderOptions = {}): CardReader {
  reader = createSerialCardReader(
    { path: pty.hostPath, baudRate: 115200 },
    {
      pollIntervalMs: 50,
      // Generous: a loaded CI machine must not turn a slow answer into a failure.
      responseTimeoutMs: 3_000,
      readTimeoutMs: 5_000,
      today: () => TODAY,
      onDiagnostic: (d) => diagnostics.push(d),
      ...options,
    },
  );
  reader.onCard((r) => cards.push(r));
  void reader.start();
  return reader;
}

describe('serial card reader over a pseudo-terminal', () => {
  it('checks the SAM, polls, reads a card once while it stays, and reads the next card after a lift', async () => {
    const r = startReader();
    await waitForState(r, 'ready');
    // The fake reports what it received over its own pipe, which may trail the reader's state.
    await fake.waitForCommand('11ff');
    expect(fake.commands[0]).toBe('11ff');
    await fake.waitForCommand('2001', 3);
    expect(new Set(fake.commands)).toEqual(new Set(['11ff', '2001']));

    const first = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await first).toEqual({ ok: true, card: longTermCard });
    await fake.waitForCommand('3001');
    const read = fake.commands.indexOf('3001');
    expect(fake.commands.slice(read - 2, read + 1)).toEqual(['2001', '2002', '3001']);

    // Left on the reader: polled on, never read again.
    await waitForState(r, 'lift-card');
    const finds = fake.commands.filter((c) => c === '2001').length;
    await fake.waitForCommand('2001', finds + 10);
    expect(fake.commands.filter((c) => c === '3001')).toHaveLength(1);
    expect(cards).toHaveLength(1);

    await fake.control({ op: 'lift' });
    await waitForState(r, 'ready');
    const second = nextCard(r);
    await fake.control({ op: 'present', text: textOf(datedCard) });
    expect(await second).toEqual({ ok: true, card: datedCard });
  });

  it('drops the same card put straight back, and reads it once the duplicate window has passed', async () => {
    let clock = 1_000_000;
    const r = startReader({ duplicateWindowMs: 3_000, now: () => clock });
    await waitForState(r, 'ready');
    const first = nextCard(r);
    await fake.control({ op: 'present', text: textOf(datedCard) });
    await first;
    await fake.control({ op: 'lift' });
    await waitForState(r, 'ready');

    await fake.control({ op: 'present', text: textOf(datedCard) });
    await fake.waitForCommand('3001', 2);
    await waitForState(r, 'lift-card');
    expect(cards).toHaveLength(1);
    expect(diagnostics).toContainEqual({ kind: 'card', outcome: 'duplicate' });

    await fake.control({ op: 'lift' });
    await waitForState(r, 'ready');
    const later = nextCard(r);
    clock += 3_000;
    await fake.control({ op: 'present', text: textOf(datedCard) });
    expect(await later).toEqual({ ok: true, card: datedCard });
  });

  it('reads answers sent byte by byte with garbage between the frames', async () => {
    await fake.control({ op: 'chunking', mode: 'bytes' });
    await fake.control({ op: 'garbage', on: true });
    const r = startReader();
    await waitForState(r, 'ready');
    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await read).toEqual({ ok: true, card: longTermCard });
    expect(diagnostics).toContainEqual({ kind: 'link', event: { kind: 'noise', bytes: expect.any(Number) } });
  });

  it('drops an answer with a bad checksum and reads the card on the next try', async () => {
    await fake.control({ op: 'fault', command: '3001', fault: 'checksum' });
    const r = startReader();
    await waitForState(r, 'ready');
    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(datedCard) });
    expect(await read).toEqual({ ok: true, card: datedCard });
    await fake.waitForCommand('3001', 2);
    expect(fake.commands.filter((c) => c === '3001')).toHaveLength(2);
    expect(diagnostics).toContainEqual({ kind: 'link', event: { kind: 'bad-checksum' } });
    expect(diagnostics).toContainEqual({ kind: 'command', command: '3001', outcome: 'bad-frame' });
  });

  it('drops answers with a wrong or implausible length and carries on', async () => {
    await fake.control({ op: 'fault', command: '2001', fault: 'length-implausible' });
    await fake.control({ op: 'fault', command: '3001', fault: 'length-short' });
    const r = startReader();
    await waitForState(r, 'ready');
    // The reader sends the second find only once it has dealt with the answer to the first.
    await fake.waitForCommand('2001', 2);
    expect(diagnostics).toContainEqual({ kind: 'link', event: { kind: 'bad-length', length: 0xffff } });
    expect(diagnostics).toContainEqual({ kind: 'command', command: '2001', outcome: 'bad-frame' });
    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await read).toEqual({ ok: true, card: longTermCard });
    await fake.waitForCommand('3001', 2);
    expect(fake.commands.filter((c) => c === '3001')).toHaveLength(2);
  });

  it('reports a card whose ID number is invalid as invalid-card, and waits for it to be lifted', async () => {
    const r = startReader();
    await waitForState(r, 'ready');
    const read = nextCard(r);
    const badCheck = longTermCard.idNumber.slice(0, 17) + (longTermCard.idNumber.endsWith('1') ? '2' : '1');
    await fake.control({ op: 'present', text: textOf({ ...longTermCard, idNumber: badCheck }) });
    expect(await read).toEqual({ ok: false, reason: 'invalid-card' });
    expect(r.getState()).toEqual({ state: 'lift-card' });
    expect(diagnostics).toContainEqual({ kind: 'card', outcome: 'invalid-card', problem: 'id-number' });
  });

  it.each([
    ['41', 0x41, 'read-failed'],
    ['40', 0x40, 'unknown-card'],
    ['31', 0x31, 'authentication-failed'],
    ['33', 0x33, 'authentication-failed'],
  ] as const)('reports SW3 %s to read base info as %s', async (_, sw3, reason) => {
    await fake.control({ op: 'fault', command: '3001', fault: { sw3 } });
    const r = startReader();
    await waitForState(r, 'ready');
    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await read).toEqual({ ok: false, reason });
    await fake.control({ op: 'lift' });
    await waitForState(r, 'ready');
  });

  it('reports a select failure (SW3 81) as read-failed', async () => {
    await fake.control({ op: 'fault', command: '2002', fault: { sw3: 0x81 } });
    const r = startReader();
    await waitForState(r, 'ready');
    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await read).toEqual({ ok: false, reason: 'read-failed' });
  });

  it('shows a SAM fault as an error, and recovers when the SAM answers well', async () => {
    await fake.control({ op: 'sam', sw3: 0x60 });
    const r = startReader({ maxBackoffMs: 200 });
    expect(await waitForState(r, 'error')).toEqual({ state: 'error', reason: 'reader-fault' });
    await fake.control({ op: 'sam', sw3: 0x66 });
    await fake.waitForCommand('11ff', fake.commands.filter((c) => c === '11ff').length + 1);
    await expect.poll(() => r.getState(), POLL).toEqual({ state: 'error', reason: 'reader-not-authorised' });
    expect(fake.commands).not.toContain('2001');
    await fake.control({ op: 'sam', sw3: 0x90 });
    await waitForState(r, 'ready');
  });

  it('says no-response when nothing answers on the port, and recovers when the reader answers again', async () => {
    await fake.stop();
    const r = startReader({ responseTimeoutMs: 300, maxBackoffMs: 300 });
    expect(await waitForState(r, 'error')).toEqual({ state: 'error', reason: 'no-response' });
    fake = await startFakeReader(pty.readerPath);
    await waitForState(r, 'ready');
  });

  it('goes missing when unplugged mid-read, delivers nothing, and recovers within 5 s of a replug', async () => {
    await fake.control({ op: 'fault', command: '3001', fault: 'silent' });
    const r = startReader({ reopenIntervalMs: 1_000 });
    await waitForState(r, 'ready');
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    await fake.waitForCommand('3001');

    await pty.unplug();
    await waitForState(r, 'missing');
    expect(cards).toEqual([]);

    pty = await startPtyPair(pty.hostPath, pty.readerPath);
    fake = await startFakeReader(pty.readerPath);
    const replugged = Date.now();
    await waitForState(r, 'ready', 10_000);
    expect(Date.now() - replugged).toBeLessThan(5_000);

    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await read).toEqual({ ok: true, card: longTermCard });
  });

  it('is missing while no reader is plugged in, and ready once one is', async () => {
    await pty.unplug();
    const r = startReader();
    await waitForState(r, 'missing');
    // The second attempt comes a reopen interval (1 s) after the first.
    await expect.poll(() => diagnostics.filter((d) => d.kind === 'port').length, POLL).toBeGreaterThan(1);

    pty = await startPtyPair(pty.hostPath, pty.readerPath);
    fake = await startFakeReader(pty.readerPath);
    await waitForState(r, 'ready', 10_000);
  });
});

describe('a reader that stops answering and comes back', () => {
  /** The states the reader goes through from now on. */
  function statesFrom(r: CardReader): CardReaderState['state'][] {
    const seen: CardReaderState['state'][] = [];
    r.onState((s) => seen.push(s.state));
    return seen;
  }
  // Short timeouts so that a hung reader is seen soon; recovery must not hang on them.
  const hangable = { responseTimeoutMs: 500, maxBackoffMs: 300 };

  it('reads the next card put on it while it was silent, rather than asking for it to be lifted', async () => {
    const r = startReader(hangable);
    await waitForState(r, 'ready');
    const first = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    expect(await first).toEqual({ ok: true, card: longTermCard });
    await waitForState(r, 'lift-card');

    await fake.control({ op: 'mute', on: true });
    expect(await waitForState(r, 'error')).toEqual({ state: 'error', reason: 'no-response' });
    // The first person takes their card and the next one puts theirs down while the reader is silent.
    await fake.control({ op: 'present', text: textOf(datedCard) });
    const next = nextCard(r);
    await fake.control({ op: 'mute', on: false });
    expect(await next).toEqual({ ok: true, card: datedCard });
  });

  it('does not deliver again a card left on it while it was silent', async () => {
    const r = startReader(hangable);
    await waitForState(r, 'ready');
    const first = nextCard(r);
    await fake.control({ op: 'present', text: textOf(longTermCard) });
    await first;
    await waitForState(r, 'lift-card');
    await fake.control({ op: 'mute', on: true });
    await waitForState(r, 'error');

    const reads = fake.commands.filter((c) => c === '3001').length;
    await fake.control({ op: 'mute', on: false });
    await waitForState(r, 'lift-card');
    // It may read the card to learn whose it is, but the card stays with nobody but its owner.
    const finds = fake.commands.filter((c) => c === '2001').length;
    await fake.waitForCommand('2001', finds + 5);
    expect(fake.commands.filter((c) => c === '3001').length).toBeLessThanOrEqual(reads + 1);
    expect(cards).toHaveLength(1);
    expect(r.getState()).toEqual({ state: 'lift-card' });
  });

  it('counts as recovered on its first good answer: one damaged answer after that is retried, not an error', async () => {
    const r = startReader(hangable);
    await waitForState(r, 'ready');
    await fake.control({ op: 'mute', on: true });
    await waitForState(r, 'error');

    await fake.control({ op: 'present', text: textOf(datedCard) });
    await fake.control({ op: 'fault', command: '3001', fault: 'checksum' });
    const states = statesFrom(r);
    const read = nextCard(r);
    await fake.control({ op: 'mute', on: false });
    expect(await read).toEqual({ ok: true, card: datedCard });
    expect(diagnostics).toContainEqual({ kind: 'command', command: '3001', outcome: 'bad-frame' });
    expect(states).not.toContain('error');
  });

  it('tells the person the card could not be read when its answers keep arriving damaged', async () => {
    const r = startReader();
    await waitForState(r, 'ready');
    await fake.control({ op: 'fault', command: '3001', fault: 'checksum', times: 1_000 });
    const states = statesFrom(r);
    const read = nextCard(r);
    await fake.control({ op: 'present', text: textOf(datedCard) });
    expect(await read).toEqual({ ok: false, reason: 'read-failed' });
    await fake.waitForCommand('3001', 3);
    const finds = fake.commands.filter((c) => c === '2001').length;
    await fake.waitForCommand('2001', finds + 3);
    expect(fake.commands.filter((c) => c === '3001')).toHaveLength(3);
    expect(states).not.toContain('error');
    expect(r.getState()).toEqual({ state: 'lift-card' });
  });
});
