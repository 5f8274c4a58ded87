import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulatedCardReader } from '../../devices/id-card/simulated-card-reader';
import type { CardReader } from '../../devices/id-card/card-reader';
import { decodeEscPos, printedLines } from '../../devices/printer/escpos-decode';
import type { JobStatus } from '../../devices/printer/printer-service';
import type { PrintJob } from '../../devices/printer/receipt-printer';
import type { PassReport } from '../../../sync-agent/daemon/sync-pass';
import type { DeviceStatus, PrintResult } from '../contract';
import { createCardTestTap } from './card-test';
import { createHelperDesk, type HelperDeskDeps } from './helper-desk';
import { createHelperGate } from './helper-gate';
import { testReceiptLocale } from './test-receipt';

const PIN = '246810';
const SESSION = 'a'.repeat(32);
const NOW = new Date('2026-11-20T02:05:00Z');

function setUp(overrides: Partial<HelperDeskDeps> = {}) {
  const jobs: PrintJob[] = [];
  const cancelled: string[] = [];
  let firstAttempt: JobStatus = { state: 'printed' };
  const devices: DeviceStatus = { printer: 'ready', cardReader: 'ready' };
  const reader: CardReader = overrides.reader ?? createSimulatedCardReader({ readDelayMs: 5 });
  const cardTest = createCardTestTap(reader);
  const countAssist = vi.fn();
  const deps: HelperDeskDeps = {
    gate: createHelperGate('hash', { verify: (pin) => pin === PIN }),
    site: { name: '青山镇便民服务中心', kioskId: 'qingxi-demo-01', cardReaderKind: 'simulator' },
    now: () => NOW,
    devices: () => devices,
    printer: {
      submit: (job) => {
        jobs.push(job);
        return `job-${jobs.length}`;
      },
      firstAttempt: async () => firstAttempt,
      cancel: (jobId) => {
        cancelled.push(jobId);
        return { state: 'cancelled' };
      },
    },
    reader,
    cardTest,
    terminalStatus: () => ({
      dataVersion: 12,
      dataAsOf: '2026-11-19T16:00:00.000Z',
      lastSync: {
        lastAttemptAt: '2026-11-20T01:00:00.000Z',
        lastOutcome: 'unreachable',
        lastError: 'connect ECONNREFUSED',
        lastSuccessAt: null,
        dataVersion: 12,
      },
      outbox: { depth: 3, failed: [{ clientKey: 'k', createdAt: '2026-11-01', lastError: 'refused' }] },
    }),
    syncPass: async () => ({ ran: false }),
    countAssist,
    sessionIsOpen: (sessionId) => sessionId === SESSION,
    printReceipt: async () => ({ status: 'printed', jobId: 'r-1' }),
    ...overrides,
  };
  const desk = createHelperDesk(deps);
  const unlock = async () => {
    const result = await desk.helperUnlock({ pin: PIN });
    if (result.status !== 'unlocked') throw new Error('not unlocked');
    return result.token;
  };
  return {
    desk,
    unlock,
    jobs,
    cancelled,
    devices,
    countAssist,
    cardTest,
    reader,
    setFirstAttempt: (status: JobStatus) => (firstAttempt = status),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('helper operations', () => {
  it('answer not-unlocked to every operation without the current token', async () => {
    const { desk, unlock, jobs, countAssist } = setUp();
    const stranger = '0'.repeat(48);
    expect(await desk.helperStatus({ token: stranger })).toEqual({ status: 'not-unlocked' });
    expect(await desk.helperTestPrint({ token: stranger, locale: 'zh-CN' })).toEqual({
      status: 'not-unlocked',
    });
    expect(await desk.helperTestCard({ token: stranger })).toEqual({ status: 'not-unlocked' });
    expect(await desk.helperSyncNow({ token: stranger })).toEqual({ status: 'not-unlocked' });
    expect(await desk.helperMarkAssisted({ token: stranger, sessionId: SESSION })).toEqual({
      status: 'not-unlocked',
    });
    expect(
      await desk.helperReprint({ token: stranger, sessionId: SESSION, year: 2026, locale: 'zh-CN' }),
    ).toEqual({ status: 'not-unlocked' });
    expect(await desk.helperExitToMaintenance({ token: stranger })).toEqual({ status: 'not-unlocked' });
    expect(jobs).toEqual([]);
    expect(countAssist).not.toHaveBeenCalled();

    const token = await unlock();
    expect(await desk.helperLock({ token })).toEqual({ locked: true });
    expect(await desk.helperStatus({ token })).toEqual({ status: 'not-unlocked' });
  });

  it('reports the devices and the sync agent, and whether the host can exit to maintenance', async () => {
    const { desk, unlock } = setUp();
    expect(await desk.helperStatus({ token: await unlock() })).toEqual({
      status: 'ok',
      devices: { printer: 'ready', cardReader: 'ready' },
      sync: {
        dataVersion: 12,
        dataAsOf: '2026-11-19T16:00:00.000Z',
        lastAttemptAt: '2026-11-20T01:00:00.000Z',
        lastOutcome: 'unreachable',
        lastError: 'connect ECONNREFUSED',
        outboxDepth: 3,
        outboxFailed: 1,
      },
      canExitToMaintenance: false,
    });
  });

  it('says the sync state is unknown when it cannot be read', async () => {
    const { desk, unlock } = setUp({
      terminalStatus: () => {
        throw new Error('disk');
      },
    });
    const status = await desk.helperStatus({ token: await unlock() });
    expect(status.status === 'ok' && status.sync).toBeNull();
  });

  it('prints a test slip with site, time, terminal and data version, and nothing personal', async () => {
    const { desk, unlock, jobs } = setUp();
    expect(await desk.helperTestPrint({ token: await unlock(), locale: 'zh-CN' })).toEqual({
      status: 'printed',
    });
    expect(jobs).toHaveLength(1);
    const lines = printedLines(decodeEscPos(jobs[0]!.bytes));
    expect(lines).toEqual([
      '打印测试',
      '青山镇便民服务中心',
      '时间：2026-11-20 10:05',
      '终端：qingxi-demo-01',
      '数据版本：12',
      '数据截至：2026-11-20 00:00',
      '能看清这张小票，打印机就是好的。',
    ]);
    expect(decodeEscPos(jobs[0]!.bytes).unread).toEqual([]);
    expect(jobs[0]!.preview).toBe(lines.join('\n'));
    // No ID number, no name: nothing of any person is known to this operation in the first place.
    expect(lines.join('\n')).not.toMatch(/\d{6}\*+|\d{17}[\dX]/);
  });

  it('prints the test slip in English, and in zh-CN for a Tibetan screen', async () => {
    const { desk, unlock, jobs } = setUp();
    await desk.helperTestPrint({ token: await unlock(), locale: 'en' });
    expect(printedLines(decodeEscPos(jobs[0]!.bytes))[0]).toBe('Test print');
    // The printer's font has no Tibetan glyphs.
    expect(testReceiptLocale('bo')).toBe('zh-CN');
  });

  it('says a test slip waits for the printer', async () => {
    const { desk, unlock, setFirstAttempt } = setUp();
    setFirstAttempt({ state: 'waiting', reason: 'paper-out' });
    expect(await desk.helperTestPrint({ token: await unlock(), locale: 'zh-CN' })).toEqual({
      status: 'waiting',
      reason: 'paper-out',
    });
  });

  it('reads the simulator’s test card without the card desk ever seeing it', async () => {
    const { desk, unlock, cardTest, reader } = setUp();
    await reader.start();
    const deskCards = vi.fn();
    cardTest.reader.onCard(deskCards);
    expect(await desk.helperTestCard({ token: await unlock() })).toEqual({ status: 'read', simulated: true });
    expect(deskCards).not.toHaveBeenCalled();
    // Lifted again, ready for the next person's card, which reaches the desk as usual.
    expect(reader.getState()).toEqual({ state: 'ready' });
  });

  it('waits for a card on a real reader and says whether it read, never whose it was', async () => {
    vi.useFakeTimers();
    let deliver: ((result: Parameters<Parameters<CardReader['onCard']>[0]>[0]) => void) | undefined;
    const reader: CardReader = {
      start: async () => {},
      stop: async () => {},
      getState: () => ({ state: 'ready' }),
      onState: () => () => {},
      onCard: (listener) => {
        deliver = listener;
        return () => {};
      },
    };
    const { desk, unlock } = setUp({ reader });
    const token = await unlock();
    const read = desk.helperTestCard({ token });
    // A second test while one waits is refused.
    expect(await desk.helperTestCard({ token })).toEqual({ status: 'unavailable', reason: 'busy' });
    deliver?.({
      ok: true,
      card: {
        idNumber: '359901194503070021',
        name: '张三明',
        sex: 'female',
        nationCode: '01',
        birthDate: '1945-03-07',
        validFrom: '2016-05-01',
        validTo: 'long-term',
        issuer: '示例县公安局',
      },
    });
    const answer = await read;
    expect(answer).toEqual({ status: 'read', simulated: false });
    expect(JSON.stringify(answer)).not.toMatch(/3599|张/);

    const failing = desk.helperTestCard({ token });
    deliver?.({ ok: false, reason: 'authentication-failed' });
    expect(await failing).toEqual({ status: 'unreadable', reason: 'authentication-failed' });

    const nobody = desk.helperTestCard({ token });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await nobody).toEqual({ status: 'no-card' });
  });

  it('does not wait for a card on a reader that is missing, absent or types into the page', async () => {
    const missing = setUp();
    missing.devices.cardReader = 'missing';
    expect(await missing.desk.helperTestCard({ token: await missing.unlock() })).toEqual({
      status: 'unavailable',
      reason: 'missing',
    });
    const keyboard = setUp({
      site: { name: 's', kioskId: 'k', cardReaderKind: 'keyboard' },
    });
    expect(await keyboard.desk.helperTestCard({ token: await keyboard.unlock() })).toEqual({
      status: 'unavailable',
      reason: 'keyboard',
    });
  });

  it('runs a sync pass and words its outcome: updated, current, failed, busy', async () => {
    const report = (over: Partial<PassReport>): PassReport => ({
      sync: { outcome: 'current', fromVersion: 12, toVersion: 12, bytes: 0 },
      outbox: { stoppedBy: null } as PassReport['outbox'],
      heartbeatError: null,
      succeeded: true,
      ...over,
    });
    const outcomes = [
      {
        ran: true as const,
        report: report({ sync: { outcome: 'updated', fromVersion: 12, toVersion: 13, bytes: 9 } }),
      },
      { ran: true as const, report: report({}) },
      {
        ran: true as const,
        report: report({ sync: { outcome: 'unreachable', fromVersion: 12, toVersion: 12, bytes: 0 } }),
      },
      { ran: true as const, report: report({ heartbeatError: 'HTTP 503' }) },
      { ran: false as const },
    ];
    const { desk, unlock } = setUp({ syncPass: async () => outcomes.shift()! });
    const token = await unlock();
    expect(await desk.helperSyncNow({ token })).toEqual({ status: 'updated', dataVersion: 13 });
    expect(await desk.helperSyncNow({ token })).toEqual({ status: 'current', dataVersion: 12 });
    expect(await desk.helperSyncNow({ token })).toEqual({ status: 'failed', reason: 'unreachable' });
    expect(await desk.helperSyncNow({ token })).toEqual({ status: 'failed', reason: 'upload' });
    expect(await desk.helperSyncNow({ token })).toEqual({ status: 'busy' });
  });

  it('counts an open session as assisted once, and no session at all', async () => {
    const { desk, unlock, countAssist } = setUp();
    const token = await unlock();
    expect(await desk.helperMarkAssisted({ token, sessionId: SESSION })).toEqual({ status: 'counted' });
    expect(await desk.helperMarkAssisted({ token, sessionId: SESSION })).toEqual({
      status: 'already-counted',
    });
    expect(await desk.helperMarkAssisted({ token, sessionId: 'b'.repeat(32) })).toEqual({
      status: 'no-session',
    });
    expect(countAssist).toHaveBeenCalledTimes(1);
    expect(countAssist).toHaveBeenCalledWith(NOW);
  });

  it('reprints the open session’s receipt, and never leaves one waiting for the next person', async () => {
    const answers: PrintResult[] = [
      { status: 'printed', jobId: 'r-1' },
      { status: 'waiting', jobId: 'r-2', reason: 'cover-open' },
      { status: 'failed', reason: 'session-expired' },
    ];
    const printReceipt = vi.fn(async () => answers.shift()!);
    const { desk, unlock, cancelled } = setUp({ printReceipt });
    const token = await unlock();
    const input = { token, sessionId: SESSION, year: 2026, locale: 'en' as const };
    expect(await desk.helperReprint(input)).toEqual({ status: 'printed' });
    expect(printReceipt).toHaveBeenCalledWith({ sessionId: SESSION, year: 2026, locale: 'en' });
    expect(await desk.helperReprint(input)).toEqual({ status: 'not-printed', reason: 'cover-open' });
    expect(cancelled).toEqual(['r-2']);
    expect(await desk.helperReprint(input)).toEqual({ status: 'no-session' });
  });

  it('exits to maintenance only where the host can, after answering', async () => {
    vi.useFakeTimers();
    const browser = setUp();
    expect(await browser.desk.helperExitToMaintenance({ token: await browser.unlock() })).toEqual({
      status: 'unsupported',
    });

    const exit = vi.fn();
    const electron = setUp({ exitToMaintenance: exit });
    const token = await electron.unlock();
    const status = await electron.desk.helperStatus({ token });
    expect(status.status === 'ok' && status.canExitToMaintenance).toBe(true);
    expect(await electron.desk.helperExitToMaintenance({ token })).toEqual({ status: 'exiting' });
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(exit).toHaveBeenCalledTimes(1);
  });
});
