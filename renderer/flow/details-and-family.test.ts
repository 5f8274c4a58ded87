import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { mask } from '../../domain/masking';
import { createFakeKiosk, type FakeKiosk, type FakeResident } from '../test-support/fake-kiosk';
import { lin, validIdNumber } from '../test-support/residents';
import { createKioskFlow, detailsPayment, MAX_FAMILY_LOOKUPS, type KioskFlow } from './kiosk-flow';

type Actor = ReturnType<typeof start>;

/** Lin's husband: a second person of the household, with a payment of his own. */
const chen: FakeResident = {
  idNumber: validIdNumber('35010219460921101'),
  name: '陈国华',
  payments: [
    {
      programCode: 'GLJT',
      programName: { 'zh-CN': '高龄津贴', en: 'Old-age allowance' },
      period: '2025-05',
      amountFen: 20000,
      plannedDate: '2025-05-10',
      paidDate: '2025-05-11',
      status: 'paid',
    },
  ],
};

function start(fake: FakeKiosk) {
  const actor = createActor(createKioskFlow(fake));
  actor.start();
  return actor;
}

async function elapse(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

async function identify(actor: Actor, person: FakeResident): Promise<void> {
  actor.send({ type: 'ID_TYPED', text: person.idNumber });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'NAME_TYPED', text: person.name });
  actor.send({ type: 'NEXT' });
  await elapse();
}

async function openLin(actor: Actor): Promise<void> {
  await elapse();
  actor.send({ type: 'START' });
  await identify(actor, lin);
}

type StateValue = Parameters<SnapshotFrom<KioskFlow>['matches']>[0];
const inState = (actor: Actor, state: StateValue) => actor.getSnapshot().matches(state);

/** Nothing of the person in the flow's memory: neither what was typed nor what the main process sent. */
function expectNothingOf(snapshot: SnapshotFrom<KioskFlow>, person: FakeResident): void {
  const { idNumber, name, resident, selectedYear, detailsIndex, programFacts } = snapshot.context;
  expect({ idNumber, name, resident, selectedYear, detailsIndex, programFacts }).toEqual({
    idNumber: '',
    name: '',
    resident: null,
    selectedYear: null,
    detailsIndex: null,
    programFacts: null,
  });
  const everything = JSON.stringify(snapshot.context);
  for (const personal of [
    person.idNumber,
    person.name,
    mask('name', person.name),
    mask('idNumber', person.idNumber),
  ]) {
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

describe('the details of a payment', () => {
  it('open on the tapped payment with its program’s facts, and close back to the same year', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'SELECT_YEAR', year: 2024 });
    actor.send({ type: 'OPEN_DETAILS', index: 2 });
    expect(inState(actor, { session: { step: { details: 'loading' } } })).toBe(true);
    expect(detailsPayment(actor.getSnapshot().context)).toEqual(lin.payments[2]);
    await elapse();
    expect(inState(actor, { session: { step: { details: 'shown' } } })).toBe(true);
    expect(actor.getSnapshot().context.programFacts).toMatchObject({
      programCode: 'GLJT',
      locale: 'zh-CN',
      info: { department: '县民政局', phone: '0591-44445555', frequency: 'monthly' },
    });
    expect(fake.programInfoRequests).toEqual([{ programCode: 'GLJT', locale: 'zh-CN' }]);

    actor.send({ type: 'BACK' });
    expect(inState(actor, { session: { step: 'results' } })).toBe(true);
    expect(actor.getSnapshot().context.detailsIndex).toBeNull();
    expect(actor.getSnapshot().context.selectedYear).toBe(2024);
  });

  it('open on nothing for an index outside the statement', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await openLin(actor);
    for (const index of [-1, lin.payments.length, 1.5]) {
      actor.send({ type: 'OPEN_DETAILS', index });
      expect(inState(actor, { session: { step: 'results' } })).toBe(true);
    }
  });

  it('ask for the facts again in a newly chosen language, and not again for the same program', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'OPEN_DETAILS', index: 0 });
    await elapse();
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    await elapse();
    expect(inState(actor, { session: { step: { details: 'shown' } } })).toBe(true);
    expect(actor.getSnapshot().context.programFacts?.info?.name).toBe(
      'Farmland fertility protection subsidy',
    );
    actor.send({ type: 'BACK' });
    actor.send({ type: 'OPEN_DETAILS', index: 0 });
    await elapse();
    expect(fake.programInfoRequests).toEqual([
      { programCode: 'GDDL', locale: 'zh-CN' },
      { programCode: 'GDDL', locale: 'en' },
    ]);
  });

  it('still show the payment when the program’s facts cannot be had', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.programInfoUnreachable = true;
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'OPEN_DETAILS', index: 1 });
    await elapse();
    expect(inState(actor, { session: { step: { details: 'shown' } } })).toBe(true);
    expect(actor.getSnapshot().context.programFacts).toEqual({
      programCode: 'GLJT',
      locale: 'zh-CN',
      info: null,
    });
  });

  it('answer 有疑问 with the help panel, and come back to the details from it', async () => {
    const actor = start(createFakeKiosk({ residents: [lin] }));
    await openLin(actor);
    actor.send({ type: 'OPEN_DETAILS', index: 0 });
    await elapse();
    actor.send({ type: 'ASK_QUESTION' });
    expect(inState(actor, { session: { step: { details: 'asking' } } })).toBe(true);
    actor.send({ type: 'BACK' });
    expect(inState(actor, { session: { step: { details: 'shown' } } })).toBe(true);
    actor.send({ type: 'BACK' });
    expect(inState(actor, { session: { step: 'results' } })).toBe(true);
  });

  it('are forgotten with the person when the session ends from them', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'OPEN_DETAILS', index: 0 });
    await elapse();
    actor.send({ type: 'HOME' });
    expect(actor.getSnapshot().value).toBe('attract');
    expectNothingOf(actor.getSnapshot(), lin);
    expect(fake.openSessions.size).toBe(0);
  });
});

describe('查家人 (family lookup)', () => {
  it('ends the first person’s session, forgets them, and identifies the next person on the keypad', async () => {
    const fake = createFakeKiosk({ residents: [lin, chen] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'OPEN_DETAILS', index: 0 });
    await elapse();
    actor.send({ type: 'BACK' });
    const linSession = actor.getSnapshot().context.resident?.sessionId;
    actor.send({ type: 'FAMILY' });
    await elapse();

    expect(inState(actor, { session: { step: { identify: 'idNumber' } } })).toBe(true);
    expect(actor.getSnapshot().matches({ session: { idle: 'active' } })).toBe(true);
    expectNothingOf(actor.getSnapshot(), lin);
    expect(fake.endedSessions).toEqual([linSession]);
    expect(fake.openSessions.size).toBe(0);
    expect(actor.getSnapshot().context.familyLookups).toBe(1);

    await identify(actor, chen);
    expect(inState(actor, { session: { step: 'results' } })).toBe(true);
    const { resident } = actor.getSnapshot().context;
    expect(resident?.maskedName).toBe(mask('name', chen.name));
    expect(resident?.payments).toEqual(chen.payments);
    expect(resident?.sessionId).not.toBe(linSession);
    expect(JSON.stringify(actor.getSnapshot().context)).not.toContain(mask('name', lin.name));
  });

  it('takes the next person’s card as well', async () => {
    const fake = createFakeKiosk({ residents: [lin, chen] });
    const actor = start(fake);
    await openLin(actor);
    actor.send({ type: 'FAMILY' });
    await elapse();
    const chenFound = {
      status: 'found' as const,
      resident: {
        sessionId: 'c'.repeat(32),
        maskedName: mask('name', chen.name),
        maskedIdNumber: mask('idNumber', chen.idNumber),
        payments: chen.payments,
      },
    };
    fake.cardNews({ reader: 'read', card: chenFound });
    await elapse();
    expect(inState(actor, { session: { step: 'results' } })).toBe(true);
    expect(actor.getSnapshot().context.resident?.maskedName).toBe(mask('name', chen.name));
    expect(actor.getSnapshot().context.selectedYear).toBe(2025);
  });

  it(`allows ${MAX_FAMILY_LOOKUPS} family members per visit, and counts again after the attract screen`, async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    const actor = start(fake);
    await openLin(actor);
    for (let lookups = 1; lookups <= MAX_FAMILY_LOOKUPS; lookups += 1) {
      actor.send({ type: 'FAMILY' });
      await elapse();
      expect(actor.getSnapshot().context.familyLookups).toBe(lookups);
      await identify(actor, lin);
    }
    actor.send({ type: 'FAMILY' });
    expect(inState(actor, { session: { step: 'results' } })).toBe(true);
    expect(actor.getSnapshot().context.familyLookups).toBe(MAX_FAMILY_LOOKUPS);

    actor.send({ type: 'HOME' });
    expect(actor.getSnapshot().context.familyLookups).toBe(0);
    await openLin(actor);
    actor.send({ type: 'FAMILY' });
    expect(inState(actor, { session: { step: { identify: 'idNumber' } } })).toBe(true);
  });
});
