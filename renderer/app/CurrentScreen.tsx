import type { SnapshotFrom } from 'xstate';
import { detailsPayment, MAX_FAMILY_LOOKUPS, type KioskFlow, type SendFlowEvent } from '../flow/kiosk-flow';
import { Attract } from '../screens/Attract';
import { Busy } from '../screens/Busy';
import { Finish } from '../screens/Finish';
import { IdNumberEntry } from '../screens/IdNumberEntry';
import { InvalidId } from '../screens/InvalidId';
import { LookupFailed } from '../screens/LookupFailed';
import { NameEntry } from '../screens/NameEntry';
import { NotFound } from '../screens/NotFound';
import { PaymentDetails } from '../screens/PaymentDetails';
import { Printed } from '../screens/Printed';
import { PrintFailed } from '../screens/PrintFailed';
import { PrintWaiting } from '../screens/PrintWaiting';
import { QuestionHelp } from '../screens/QuestionHelp';
import { Results } from '../screens/Results';
import { Unavailable } from '../screens/Unavailable';
import { useT } from '../i18n/use-t';

/** The one place that maps the flow's state to a screen; screens themselves know nothing of the machine. */
export function CurrentScreen({
  snapshot,
  send,
}: {
  snapshot: SnapshotFrom<KioskFlow>;
  send: SendFlowEvent;
}) {
  const t = useT();
  const { context } = snapshot;
  const step = (
    name:
      | 'lookingUp'
      | 'results'
      | 'printing'
      | 'printed'
      | 'printWaiting'
      | 'printFailed'
      | 'notFound'
      | 'invalidId'
      | 'lookupFailed',
  ) => snapshot.matches({ session: { step: name } });

  if (snapshot.matches('unavailable')) return <Unavailable send={send} />;
  if (snapshot.matches('finish')) return <Finish />;
  // Past `starting` the site information is always there.
  const site = context.siteInfo;
  if (snapshot.matches('starting') || !site) return <Busy message={t('starting.message')} />;
  if (snapshot.matches('attract')) {
    return (
      <Attract
        siteInfo={site}
        readerState={context.readerState}
        cardProblem={context.cardProblem}
        send={send}
      />
    );
  }

  if (snapshot.matches({ session: { step: { identify: 'idNumber' } } })) {
    return <IdNumberEntry idNumber={context.idNumber} send={send} />;
  }
  if (snapshot.matches({ session: { step: { identify: 'name' } } })) {
    return <NameEntry name={context.name} send={send} />;
  }
  if (step('lookingUp')) return <Busy message={t('lookingUp.message')} />;
  if ((step('results') || step('printing')) && context.resident) {
    return step('printing') ? (
      <Busy message={t('printing.message')} />
    ) : (
      <Results
        resident={context.resident}
        selectedYear={context.selectedYear}
        site={site}
        familyLookupAllowed={context.familyLookups < MAX_FAMILY_LOOKUPS}
        send={send}
      />
    );
  }
  const openPayment = detailsPayment(context);
  if (snapshot.matches({ session: { step: { details: 'asking' } } }) && openPayment) {
    return (
      <QuestionHelp
        payment={openPayment}
        program={context.programFacts?.info ?? null}
        site={site}
        send={send}
      />
    );
  }
  if (snapshot.matches({ session: { step: 'details' } }) && openPayment) {
    const { programFacts } = context;
    return (
      <PaymentDetails
        payment={openPayment}
        facts={
          snapshot.matches({ session: { step: { details: 'loading' } } }) || !programFacts
            ? { state: 'loading' }
            : { state: 'shown', info: programFacts.info }
        }
        site={site}
        send={send}
      />
    );
  }
  if (step('printed')) return <Printed send={send} />;
  if (step('printWaiting') && context.printJob) {
    return <PrintWaiting reason={context.printJob.reason} send={send} />;
  }
  if (step('printFailed') && context.printFailure)
    return <PrintFailed reason={context.printFailure} send={send} />;
  if (step('notFound')) return <NotFound hotline={site.hotline} send={send} />;
  if (step('invalidId') && context.invalidIdReason)
    return <InvalidId reason={context.invalidIdReason} send={send} />;
  return <LookupFailed send={send} />;
}
