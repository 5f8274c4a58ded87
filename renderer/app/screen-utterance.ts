/**
 * What each screen says aloud, beside CurrentScreen (which maps the same states to what it shows). Only the
 * flow's state and numbers go in: never a name or an ID number, masked or not (Utterance's values are numbers
 * by type). A screen not listed here says nothing.
 */
import type { SnapshotFrom } from 'xstate';
import { MIN_IDLE_WARNING_SECONDS, type KioskFlow } from '../flow/kiosk-flow';
import { paymentsOfYear, yearTotals } from '../flow/payment-years';
import type { Utterance, VoicePromptId } from '../voice/utterance';

// Steps whose prompt needs nothing from the context; their prompt ids are the step names.
const PLAIN_STEPS = [
  'lookingUp',
  'printing',
  'printed',
  'printWaiting',
  'printFailed',
  'notFound',
  'invalidId',
  'lookupFailed',
] as const satisfies readonly VoicePromptId[];

export function screenUtterance(snapshot: SnapshotFrom<KioskFlow>): Utterance | null {
  const { context } = snapshot;
  if (snapshot.matches('unavailable')) return { prompt: 'unavailable' };
  if (snapshot.matches('finish')) return { prompt: 'finish' };
  if (snapshot.matches('attract')) return { prompt: 'attract' };
  if (!snapshot.matches('session')) return null;

  // The warning covers whatever screen is under it. Its seconds are those it starts from (as the flow
  // computes them), so the countdown ticking does not make it speak again every second.
  if (snapshot.matches({ session: { idle: 'warning' } })) {
    const seconds = Math.max(MIN_IDLE_WARNING_SECONDS, context.siteInfo?.idleWarningSeconds ?? 0);
    return { prompt: 'idleWarning', values: { seconds: { kind: 'seconds', seconds } } };
  }
  if (snapshot.matches({ session: { step: { identify: 'idNumber' } } })) return { prompt: 'idNumber' };
  if (snapshot.matches({ session: { step: { identify: 'name' } } })) return { prompt: 'name' };
  if (snapshot.matches({ session: { step: 'results' } })) {
    const year = context.selectedYear;
    const payments = year === null ? [] : paymentsOfYear(context.resident?.payments ?? [], year);
    if (year === null || payments.length === 0) return { prompt: 'resultsEmpty' };
    return {
      prompt: 'results',
      values: {
        year: { kind: 'year', year },
        count: { kind: 'paymentCount', count: payments.length },
        total: { kind: 'amount', fen: yearTotals(payments).totalFen },
      },
    };
  }
  const step = PLAIN_STEPS.find((name) => snapshot.matches({ session: { step: name } }));
  return step ? { prompt: step } : null;
}
