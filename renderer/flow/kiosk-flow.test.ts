import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { mask } from '../../domain/masking';
import { createFakeKiosk, fakeSiteInfo, type FakeKiosk } from '../test-support/fake-kiosk';
import { lin, wrongCheckDigit } from '../test-support/residents';
import {
  createKioskFlow,
  GOODBYE_SECONDS,
  MIN_IDLE_WARNING_SECONDS,
  PRINT_JOB_POLL_SECONDS,
  SITE_INFO_REFRESH_SECONDS,
  STARTING_TIMEOUT_SECONDS,
  type KioskFlow,
} from './kiosk-flow';

type Snapshot = SnapshotFrom<KioskFlow>;

function start(fake: FakeKiosk) {
  const actor = createActor(createKioskFlow(fake));
  actor.start();
  return actor;
}

// Lets the fake's promises settle and runs any timers due in the next `ms`.
async function elapse(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

function typeNumber(actor: ReturnType<typeof start>, idNumber: string): void {
  actor.send({ type: 'ID_TYPED', text: idNumber });
}

async function openLin(actor: ReturnType<typeof start>): Promise<void> {
  await elapse();
  actor.send({ type: 'START' });
  typeNumber(actor, lin.idNumber);
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'NAME_TYPED', text: lin.name });
  actor.send({ type: 'NEXT' });
  await elapse();
}

function expectPersonForgotten(snapshot: Snapshot): void {
  const { idNumber, name, resident, selectedYear } = snapshot.context;
  expect({ idNumber, name, resident, selectedYear }).toEqual({
    idNumber: '',
    name: '',
    resident: null,
    selectedYear: null,
  });
  const everything = JSON.stringify(snapshot.context);
  for (const personal of [lin.idNumber, lin.name, mask('name', lin.name), mask('idNumber', lin.idNumber)]) {
    expect(everything).not.toContain(personal);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-08-01T02:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('starting', () => {
  it('shows the attract screen in the site language and text size once the site information loads', async () => {
    const actor = start(createFakeKiosk({ siteInfo: { defaultLanguage: 'en', textScale: 1.3 } }));
    expect(actor.getSnapshot().value).toBe('starting');
    await elapse();
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context).toMatchObject({ locale: 'en', textSize: 'larger' });
  });

  it('picks up a newly synced data version while the attract screen waits, and keeps it when a refresh fails', async () => {
    const fake = createFakeKiosk();
    const actor = start(fake);
    await elapse();
    const synced = { ...fakeSiteInfo, data: { version: 8, asOf: '2025-07-31T16:00:00.000Z', stale: false } };
    fake.getSiteInfo = async () => ({ ok: true, value: synced });
    await elapse(SITE_INFO_REFRESH_SECONDS * 1000);
    expect(actor.getSnapshot().context.siteInfo?.data.version).toBe(8);
    fake.getSiteInfo = async () => ({ ok: false, error: { code: 'internal', message: 'down', issues: [] } });
    await elapse(SITE_INFO_REFRESH_SECONDS * 1000);
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context.siteInfo?.data.version).toBe(8);
  });

  it('says the terminal is unavailable when the main process does not answer at all', async () => {
    const fake = createFakeKiosk();
    fake.getSiteInfo = () => new Promise(() => {});
    const actor = start(fake);
    await elapse(STARTING_TIMEOUT_SECONDS * 1000);
    expect(actor.getSnapshot().value).toBe('unavailable');
  });

  it('waits on the unavailable screen when the site information cannot be had, and tries again', async () => {
    const fake = createFakeKiosk();
    const getSiteInfo = fake.getSiteInfo;
    fake.getSiteInfo = async () => ({ ok: false, error: { code: 'internal', message: 'down', issues: [] } });
    const actor = start(fake);
    await elapse();
    expect(actor.getSnapshot().value).toBe('unavailable');
    fake.getSiteInfo = getSiteInfo;
    actor.send({ type: 'RETRY' });
    await elapse();
    expect(actor.getSnapshot().value).toBe('attract');
  });
});

describe('identifying', () => {
  it('takes at most 18 characters from the keypad and edits them', async () => {
    const actor = start(createFakeKiosk());
    await elapse();
    actor.send({ type: 'START' });
    for (const key of '3501021948031512345') actor.send({ type: 'ID_KEY', key: key as '1' });
    expect(actor.getSnapshot().context.idNumber).toBe('350102194803151234');
    actor.send({ type: 'ID_BACKSPACE' });
    expect(actor.getSnapshot().context.idNumber).toBe('35010219480315123');
    actor.send({ type: 'ID_CLEAR' });
    expect(actor.getSnapshot().context.idNumber).toBe('');
  });

  it('does not move on from a number with a wrong check digit, and does from a valid one', async () => {
    const actor = start(createFakeKiosk());
    await elapse();
    actor.send({ type: 'START' });
    typeNumber(actor, wrongCheckDigit('35010219480315123').idNumber);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ session: { step: { identify: 'idNumber' } } })).toBe(true);
    typeNumber(actor, `${lin.idNumber.slice(0, 6)} ${lin.idNumber.slice(6, 14)} ${lin.idNumber.slice(14)}`);
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ session: { step: { identify: 'name' } } })).toBe(true);
  });

  it('needs a name before looking up', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await elapse();
    actor.send({ type: 'START' });
    typeNumber(actor, lin.idNumber);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NAME_TYPED', text: '   ' });
    actor.send({ type: 'NEXT' });
    expect(actor.getSnapshot().matches({ session: { step: { identify: 'name' } } })).toBe(true);
  });
});

describe('looking up', () => {
  it('opens the 明白卡 at the latest year with payments', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await openLin(actor);
    const snapshot = actor.getSnapshot();
    expect(snapshot.matches({ session: { step: 'results' } })).toBe(true);
    expect(snapshot.context.selectedYear).toBe(2025);
    actor.send({ type: 'SELECT_YEAR', year: 2024 });
    expect(actor.getSnapshot().context.selectedYear).toBe(2024);
    actor.send({ type: 'SELECT_YEAR', year: 2019 });
    expect(actor.getSnapshot().context.selectedYear).toBe(2024);
  });

  it('keeps what was entered when nothing is found, so it can be checked', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await elapse();
    actor.send({ type: 'START' });
    typeNumber(actor, lin.idNumber);
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'NAME_TYPED', text: '林秀兰' });
    actor.send({ type: 'NEXT' });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'notFound' } })).toBe(true);
    actor.send({ type: 'CORRECT' });
    expect(actor.getSnapshot().matches({ session: { step: { identify: 'idNumber' } } })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ idNumber: lin.idNumber, name: '林秀兰' });
  });

  it('offers to try again when the lookup cannot be answered', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.lookupUnreachable = true;
    const actor = start(fake);
    await openLin(actor);
    expect(actor.getSnapshot().matches({ session: { step: 'lookupFailed' } })).toBe(true);
    fake.lookupUnreachable = false;
    actor.send({ type: 'RETRY' });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'results' } })).toBe(true);
  });

  it('treats a rejected call like an unanswered one', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.lookupResident = () => Promise.reject(new Error('bridge gone'));
    const actor = start(fake);
    await openLin(actor);
    expect(actor.getSnapshot().matches({ session: { step: 'lookupFailed' } })).toBe(true);
  });
});

describe('printing', () => {
  it('prints the selected year in the chosen language', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'SELECT_YEAR', year: 2024 });
    actor.send({ type: 'PRINT' });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'printed' } })).toBe(true);
    expect(fake.printRequests).toEqual([{ sessionId: expect.any(String), year: 2024, locale: 'en' }]);
  });

  it('says why a receipt failed and can try again', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'failed', reason: 'offline' }, 'unreachable');
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'PRINT' });
    await elapse();
    expect(actor.getSnapshot().context.printFailure).toBe('offline');
    actor.send({ type: 'RETRY' });
    await elapse();
    expect(actor.getSnapshot().context.printFailure).toBe('unreachable');
    actor.send({ type: 'RETRY' });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'printed' } })).toBe(true);
  });

  it('does not retry a print whose session the main process has already dropped', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'failed', reason: 'session-expired' });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'PRINT' });
    await elapse();
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().matches({ session: { step: 'printFailed' } })).toBe(true);
    expect(fake.printRequests).toHaveLength(1);
  });
});

describe('ending a session', () => {
  it('on finish: forgets the person, ends the session, says goodbye, then restores the site defaults', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    const { sessionId } = actor.getSnapshot().context.resident ?? { sessionId: '' };
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'SET_TEXT_SIZE', textSize: 'largest' });
    actor.send({ type: 'FINISH' });
    await elapse();
    expect(actor.getSnapshot().value).toBe('finish');
    expectPersonForgotten(actor.getSnapshot());
    expect(fake.endedSessions).toEqual([sessionId]);
    expect(fake.openSessions.size).toBe(0);
    // The goodbye is still in the person's own language and size.
    expect(actor.getSnapshot().context).toMatchObject({ locale: 'en', textSize: 'largest' });
    await elapse(GOODBYE_SECONDS * 1000);
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context).toMatchObject({ locale: 'zh-CN', textSize: 'large' });
  });

  it('on home: forgets the person and ends the session', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'HOME' });
    await elapse();
    expect(actor.getSnapshot().value).toBe('attract');
    expectPersonForgotten(actor.getSnapshot());
    expect(fake.openSessions.size).toBe(0);
  });
});

describe('idle', () => {
  const idleMs = 90_000;

  it('warns after the idle time, and Continue keeps the person and their results', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    await elapse(idleMs - 1);
    expect(actor.getSnapshot().matches({ session: { idle: 'active' } })).toBe(true);
    await elapse(1);
    expect(actor.getSnapshot().matches({ session: { idle: 'warning' } })).toBe(true);
    expect(actor.getSnapshot().context.idleWarningSecondsLeft).toBe(30);
    await elapse(10_000);
    expect(actor.getSnapshot().context.idleWarningSecondsLeft).toBe(20);
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().matches({ session: { step: 'results', idle: 'active' } })).toBe(true);
    expect(actor.getSnapshot().context.resident?.maskedName).toBe(mask('name', lin.name));
    expect(fake.idleTimeouts).toBe(0);
  });

  it('restarts the idle time on any touch', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await openLin(actor);
    await elapse(idleMs - 1000);
    actor.send({ type: 'ACTIVITY' });
    await elapse(idleMs - 1000);
    expect(actor.getSnapshot().matches({ session: { idle: 'active' } })).toBe(true);
  });

  it('ends the session and forgets the person when the warning runs out', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    await elapse(idleMs + 30_000 - 1);
    expect(actor.getSnapshot().matches({ session: { idle: 'warning' } })).toBe(true);
    await elapse(1);
    expect(actor.getSnapshot().value).toBe('attract');
    expectPersonForgotten(actor.getSnapshot());
    expect(fake.endedSessions).toHaveLength(1);
    expect(fake.openSessions.size).toBe(0);
    expect(fake.idleTimeouts).toBe(1);
  });

  it('never warns for less than the minimum, whatever the site configures', async () => {
    const actor = start(createFakeKiosk({ siteInfo: { idleSeconds: 30, idleWarningSeconds: 5 } }));
    await elapse();
    actor.send({ type: 'START' });
    actor.send({ type: 'ID_TYPED', text: '350102' });
    await elapse(30_000 + MIN_IDLE_WARNING_SECONDS * 1000 - 1);
    expect(actor.getSnapshot().matches({ session: { idle: 'warning' } })).toBe(true);
    await elapse(1);
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context.idNumber).toBe('');
  });

  it('does not run on the attract screen', async () => {
    const actor = start(createFakeKiosk());
    await elapse(3_600_000);
    expect(actor.getSnapshot().value).toBe('attract');
  });
});

describe('a receipt that waits for the printer', () => {
  const JOB = '20250801-100000-ab12';

  it('waits while the printer is out of paper, follows its reason, and shows the receipt once printed', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'waiting', jobId: JOB, reason: 'paper-out' });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'PRINT' });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'printWaiting' } })).toBe(true);
    expect(actor.getSnapshot().context.printJob).toEqual({ jobId: JOB, reason: 'paper-out' });
    fake.jobStatuses.set(JOB, { state: 'waiting', reason: 'cover-open' });
    await elapse(PRINT_JOB_POLL_SECONDS * 1000);
    expect(actor.getSnapshot().context.printJob?.reason).toBe('cover-open');
    fake.jobStatuses.set(JOB, { state: 'printed' });
    await elapse(PRINT_JOB_POLL_SECONDS * 1000);
    expect(actor.getSnapshot().matches({ session: { step: 'printed' } })).toBe(true);
  });

  it('cancels the waiting receipt when the person gives up, so it never prints for the next person', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'waiting', jobId: JOB, reason: 'offline' });
    fake.jobStatuses.set(JOB, { state: 'waiting', reason: 'offline' });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'PRINT' });
    await elapse();
    actor.send({ type: 'CANCEL_PRINT' });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'results' } })).toBe(true);
    expect(fake.cancelledJobs).toEqual([JOB]);
  });

  it('cancels it too when the person leaves for the home screen', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'waiting', jobId: JOB, reason: 'paper-out' });
    fake.jobStatuses.set(JOB, { state: 'waiting', reason: 'paper-out' });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'PRINT' });
    await elapse();
    actor.send({ type: 'HOME' });
    await elapse();
    expect(actor.getSnapshot().value).toBe('attract');
    expect(fake.cancelledJobs).toEqual([JOB]);
    expectPersonForgotten(actor.getSnapshot());
  });

  it('says the receipt did not print when the job was lost with a restart of the app', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'waiting', jobId: JOB, reason: 'paper-out' });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'PRINT' });
    await elapse(PRINT_JOB_POLL_SECONDS * 1000);
    expect(actor.getSnapshot().matches({ session: { step: 'printFailed' } })).toBe(true);
    expect(actor.getSnapshot().context.printFailure).toBe('offline');
  });
});

describe('an ID card on the reader', () => {
  const linFound = {
    status: 'found' as const,
    resident: {
      sessionId: 'f'.repeat(32),
      maskedName: mask('name', lin.name),
      maskedIdNumber: mask('idNumber', lin.idNumber),
      payments: lin.payments,
    },
  };

  it('opens the statement from the attract screen with no tap at all', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await elapse();
    fake.cardNews({ reader: 'read', card: linFound });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'results' } })).toBe(true);
    expect(actor.getSnapshot().context.resident?.maskedName).toBe(mask('name', lin.name));
    expect(actor.getSnapshot().context.selectedYear).toBe(2025);
  });

  it('opens it from the keypad screen too, and says not found like a typed number', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await elapse();
    actor.send({ type: 'START' });
    await elapse();
    fake.cardNews({ reader: 'read', card: { status: 'not-found' } });
    await elapse();
    expect(actor.getSnapshot().matches({ session: { step: 'notFound' } })).toBe(true);
  });

  it('keeps an unreadable card’s advice through the reader’s next states, until a card is read again', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await elapse();
    fake.cardNews({ reader: 'read', card: { status: 'unreadable', reason: 'read-failed' } });
    await elapse();
    fake.cardNews({ reader: 'lift-card', card: null });
    await elapse();
    expect(actor.getSnapshot().value).toBe('attract');
    expect(actor.getSnapshot().context).toMatchObject({
      readerState: 'lift-card',
      cardProblem: 'read-failed',
    });
    fake.cardNews({ reader: 'reading', card: null });
    await elapse();
    expect(actor.getSnapshot().context.cardProblem).toBeNull();
  });
});

describe('a keyboard-emulation card reader', () => {
  it('takes the number read from the attract screen straight to the name', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await elapse();
    actor.send({ type: 'KEYBOARD_CARD', idNumber: lin.idNumber });
    expect(actor.getSnapshot().matches({ session: { step: { identify: 'name' } } })).toBe(true);
    expect(actor.getSnapshot().context.idNumber).toBe(lin.idNumber);
  });

  it('shows a number that fails its check on the keypad, to be seen and corrected', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await elapse();
    const { idNumber } = wrongCheckDigit(lin.idNumber.slice(0, 17));
    actor.send({ type: 'KEYBOARD_CARD', idNumber });
    expect(actor.getSnapshot().matches({ session: { step: { identify: 'idNumber' } } })).toBe(true);
    expect(actor.getSnapshot().context.idNumber).toBe(idNumber);
  });
});
