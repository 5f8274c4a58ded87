import { describe, expect, it } from 'vitest';
import {
  isBufferedAnswer,
  isRealTimeAnswer,
  newStatusHabits,
  parseOfflineCause,
  parsePaperRoll,
  parsePaperSensor,
  parsePrinterStatus,
  queryPrinterState,
  stateAfterJob,
  type AnswerKind,
  type StatusChannel,
} from './printer-status';

/** A printer that answers each request (by its bytes in hex) with a byte, or not at all. */
function scriptedChannel(answers: Record<string, number | null>): StatusChannel & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async ask(request: readonly number[], _kind: AnswerKind) {
      const key = Buffer.from(request).toString('hex');
      asked.push(key);
      return answers[key] ?? null;
    },
  };
}

const DLE_EOT_1 = '100401';
const DLE_EOT_2 = '100402';
const DLE_EOT_4 = '100404';
const GS_R_1 = '1d7201';

describe('status answers', () => {
  it('tells DLE EOT answers (0xx1 xx10) from GS r answers (0xx0 xxxx) by their fixed bits', () => {
    expect([0x12, 0x16, 0x1a, 0x72, 0x7e].every(isRealTimeAnswer)).toBe(true);
    expect([0x00, 0x10, 0x13, 0x02, 0x92, 0x12 | 0x80].some(isRealTimeAnswer)).toBe(false);
    expect([0x00, 0x03, 0x0c, 0x0f, 0x60].every(isBufferedAnswer)).toBe(true);
    expect([0x12, 0x10, 0x80].some(isBufferedAnswer)).toBe(false);
  });

  it('reads the documented bits of DLE EOT 1, 2 and 4 and of GS r 1', () => {
    expect(parsePrinterStatus(0x12)).toEqual({ offline: false });
    expect(parsePrinterStatus(0x1a)).toEqual({ offline: true });
    expect(parseOfflineCause(0x16)).toEqual({
      coverOpen: true,
      feedButton: false,
      stoppedAtPaperEnd: false,
      error: false,
    });
    expect(parseOfflineCause(0x32)).toMatchObject({ stoppedAtPaperEnd: true, coverOpen: false });
    expect(parseOfflineCause(0x52)).toMatchObject({ error: true });
    expect(parseOfflineCause(0x1a)).toMatchObject({ feedButton: true });
    expect(parsePaperRoll(0x12)).toEqual({ nearEnd: false, out: false });
    expect(parsePaperRoll(0x1e)).toEqual({ nearEnd: true, out: false });
    expect(parsePaperRoll(0x72)).toEqual({ nearEnd: false, out: true });
    expect(parsePaperSensor(0x00)).toEqual({ nearEnd: false, out: false });
    expect(parsePaperSensor(0x03)).toEqual({ nearEnd: true, out: false });
    expect(parsePaperSensor(0x0f)).toEqual({ nearEnd: true, out: true });
  });
});

describe('queryPrinterState', () => {
  const ask = (answers: Record<string, number | null>) =>
    queryPrinterState(scriptedChannel(answers), newStatusHabits(), 100);

  it('is ready, or near the end of the roll, when online', async () => {
    expect(await ask({ [DLE_EOT_1]: 0x12, [DLE_EOT_4]: 0x12, [GS_R_1]: 0x00 })).toBe('ready');
    expect(await ask({ [DLE_EOT_1]: 0x12, [DLE_EOT_4]: 0x1e, [GS_R_1]: 0x03 })).toBe('paper-near-end');
  });

  it('names the cause when offline: cover open before paper out, then error, else offline', async () => {
    expect(await ask({ [DLE_EOT_1]: 0x1a, [DLE_EOT_2]: 0x36 })).toBe('cover-open');
    expect(await ask({ [DLE_EOT_1]: 0x1a, [DLE_EOT_2]: 0x32 })).toBe('paper-out');
    expect(await ask({ [DLE_EOT_1]: 0x1a, [DLE_EOT_2]: 0x52 })).toBe('error');
    expect(await ask({ [DLE_EOT_1]: 0x1a, [DLE_EOT_2]: 0x12, [DLE_EOT_4]: 0x72 })).toBe('paper-out');
    expect(await ask({ [DLE_EOT_1]: 0x1a, [DLE_EOT_2]: 0x1a, [DLE_EOT_4]: 0x12 })).toBe('offline');
    expect(await ask({ [DLE_EOT_1]: 0x1a })).toBe('offline');
  });

  it('is paper-out when an online printer’s roll sensor says so', async () => {
    expect(await ask({ [DLE_EOT_1]: 0x12, [DLE_EOT_4]: 0x72 })).toBe('paper-out');
  });

  it('falls back to GS r 1 for printers that do not answer DLE EOT', async () => {
    expect(await ask({ [GS_R_1]: 0x00 })).toBe('ready');
    expect(await ask({ [GS_R_1]: 0x03 })).toBe('paper-near-end');
    expect(await ask({ [GS_R_1]: 0x0c })).toBe('paper-out');
  });

  it('is unknown when the printer answers nothing', async () => {
    expect(await ask({})).toBe('unknown');
  });

  it('asks GS r once to learn whether the printer answers it, not on every query', async () => {
    const habits = newStatusHabits();
    const silentToGsR = scriptedChannel({ [DLE_EOT_1]: 0x12, [DLE_EOT_4]: 0x12 });
    await queryPrinterState(silentToGsR, habits, 100);
    await queryPrinterState(silentToGsR, habits, 100);
    expect(silentToGsR.asked).toEqual([DLE_EOT_1, DLE_EOT_4, GS_R_1, DLE_EOT_1, DLE_EOT_4]);
    expect(habits.buffered).toBe('silent');
  });
});

describe('stateAfterJob', () => {
  it('waits for GS r behind the job when the printer answers it, then asks DLE EOT', async () => {
    const habits = newStatusHabits();
    habits.buffered = 'answers';
    const channel = scriptedChannel({ [GS_R_1]: 0x00, [DLE_EOT_1]: 0x12, [DLE_EOT_4]: 0x12 });
    expect(await stateAfterJob(channel, habits, { statusMs: 100, printMs: 100 })).toBe('ready');
    expect(channel.asked).toEqual([GS_R_1, DLE_EOT_1, DLE_EOT_4]);
  });

  it('finds paper ran out during the job: GS r goes unanswered and DLE EOT 2 says paper end', async () => {
    const habits = newStatusHabits();
    habits.buffered = 'answers';
    const channel = scriptedChannel({ [DLE_EOT_1]: 0x1a, [DLE_EOT_2]: 0x32 });
    expect(await stateAfterJob(channel, habits, { statusMs: 100, printMs: 100 })).toBe('paper-out');
  });
});
