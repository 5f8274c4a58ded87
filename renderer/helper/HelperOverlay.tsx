import type { SnapshotFrom } from 'xstate';
import type { HelperStatus, Locale } from '../../electron/api/contract';
import { formatDataAsOf } from '../i18n/format';
import { useT, type Translate } from '../i18n/use-t';
import type { HelperMode, HelperOutcome, PinProblem, SendHelperEvent } from './helper-mode';
import { PinPad } from './PinPad';

/** The person at the screen, as far as helper mode needs them: their session's id and the year shown. */
export interface HelperSession {
  sessionId: string;
  year: number;
}

function pinProblemText(problem: PinProblem, t: Translate): string {
  switch (problem.kind) {
    case 'wrong':
      return t('helper.pin.problems.wrong', { attemptsLeft: problem.attemptsLeft });
    case 'locked':
      return t('helper.pin.problems.locked', { minutes: Math.ceil(problem.retryAfterSeconds / 60) });
    case 'expired':
      return t('helper.pin.problems.expired');
    case 'unreachable':
      return t('helper.pin.problems.unreachable');
  }
}

export function outcomeText(outcome: HelperOutcome, t: Translate): string {
  if (outcome.result.status === 'unreachable') return t('helper.outcomes.unreachable');
  switch (outcome.kind) {
    case 'testPrint':
      if (outcome.result.status === 'waiting') {
        const reason = t(`helper.states.printer.${outcome.result.reason}`);
        return t('helper.outcomes.testPrint.waiting', { reason });
      }
      return outcome.result.status === 'printed'
        ? t('helper.outcomes.testPrint.printed')
        : t('helper.outcomes.testPrint.failed');
    case 'testCard':
      switch (outcome.result.status) {
        case 'read':
          return outcome.result.simulated
            ? t('helper.outcomes.testCard.readSimulated')
            : t('helper.outcomes.testCard.read');
        case 'unreadable':
          return t('helper.outcomes.testCard.unreadable', {
            reason: t(`card.problems.${outcome.result.reason}`),
          });
        case 'no-card':
          return t('helper.outcomes.testCard.no-card');
        case 'unavailable':
          return t(`helper.outcomes.testCard.unavailable.${outcome.result.reason}`);
      }
      break;
    case 'syncNow':
      switch (outcome.result.status) {
        case 'updated':
          return t('helper.outcomes.syncNow.updated', { version: outcome.result.dataVersion ?? '' });
        case 'current':
          return t('helper.outcomes.syncNow.current');
        case 'busy':
          return t('helper.outcomes.syncNow.busy');
        case 'failed':
          return outcome.result.reason === 'upload'
            ? t('helper.outcomes.syncNow.upload')
            : t('helper.outcomes.syncNow.failed', {
                reason: t(`helper.states.sync.${outcome.result.reason}`),
              });
      }
      break;
    case 'markAssisted':
      return t(`helper.outcomes.markAssisted.${outcome.result.status}`);
    case 'reprint':
      if (outcome.result.status === 'not-printed') {
        const reason = t(`helper.states.printer.${outcome.result.reason}`);
        return t('helper.outcomes.reprint.not-printed', { reason });
      }
      return t(`helper.outcomes.reprint.${outcome.result.status}`);
    case 'exit':
      return t(`helper.outcomes.exit.${outcome.result.status}`);
  }
  return '';
}

/** A device's state as word, icon and colour (colour never alone). */
function DeviceState({ ok, word }: { ok: boolean; word: string }) {
  return (
    <span className={`status ${ok ? 'status-paid' : 'status-overdue'}`}>
      <span className="status-icon" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      {word}
    </span>
  );
}

function StatusView({ status, t }: { status: HelperStatus; t: Translate }) {
  const { devices, sync } = status;
  const none = t('helper.panel.none');
  return (
    <>
      <h3>{t('helper.panel.devices')}</h3>
      <dl className="helper-facts">
        <div>
          <dt>{t('helper.panel.printer')}</dt>
          <dd>
            <DeviceState
              ok={devices.printer === 'ready'}
              word={t(`helper.states.printer.${devices.printer}`)}
            />
          </dd>
        </div>
        <div>
          <dt>{t('helper.panel.cardReader')}</dt>
          <dd>
            <DeviceState
              ok={!['missing', 'error', 'not-configured'].includes(devices.cardReader)}
              word={t(`helper.states.cardReader.${devices.cardReader}`)}
            />
          </dd>
        </div>
      </dl>
      <h3>{t('helper.panel.sync')}</h3>
      {sync ? (
        <dl className="helper-facts">
          <div>
            <dt>{t('helper.panel.dataVersion')}</dt>
            <dd>{sync.dataVersion ?? none}</dd>
          </div>
          <div>
            <dt>{t('helper.panel.dataAsOf')}</dt>
            <dd>{sync.dataAsOf ? formatDataAsOf(sync.dataAsOf) : none}</dd>
          </div>
          <div>
            <dt>{t('helper.panel.lastAttempt')}</dt>
            <dd>{sync.lastAttemptAt ? formatDataAsOf(sync.lastAttemptAt) : none}</dd>
          </div>
          {sync.lastOutcome && (
            <div>
              <dt>{t('helper.panel.lastOutcome')}</dt>
              <dd>
                <DeviceState
                  ok={sync.lastOutcome === 'updated' || sync.lastOutcome === 'current'}
                  word={t(`helper.states.sync.${sync.lastOutcome}`)}
                />
              </dd>
            </div>
          )}
          {sync.lastError && (
            <div>
              <dt>{t('helper.panel.lastError')}</dt>
              <dd className="helper-technical">{sync.lastError}</dd>
            </div>
          )}
          <div>
            <dt>{t('helper.panel.outbox')}</dt>
            <dd>{sync.outboxDepth}</dd>
          </div>
          {sync.outboxFailed > 0 && (
            <div>
              <dt>{t('helper.panel.outboxFailed')}</dt>
              <dd>{sync.outboxFailed}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p>{t('helper.panel.statusUnreachable')}</p>
      )}
    </>
  );
}

function Panel({
  snapshot,
  send,
  session,
  locale,
}: {
  snapshot: SnapshotFrom<HelperMode>;
  send: SendHelperEvent;
  session: HelperSession | null;
  locale: Locale;
}) {
  const t = useT();
  const { status, statusUnreachable, running, outcome } = snapshot.context;
  const busy = running !== null;
  const exiting = outcome?.kind === 'exit' && outcome.result.status === 'exiting';
  const assisted =
    outcome?.kind === 'markAssisted' &&
    outcome.sessionId === session?.sessionId &&
    outcome.result.status !== 'unreachable';
  return (
    <>
      {status ? (
        <StatusView status={status} t={t} />
      ) : (
        <p>{statusUnreachable ? t('helper.panel.statusUnreachable') : t('helper.panel.loading')}</p>
      )}
      <h3>{t('helper.panel.actions')}</h3>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy || exiting}
          onClick={() => send({ type: 'RUN', action: { kind: 'testPrint', locale } })}
        >
          {t('helper.actions.testPrint')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || exiting}
          onClick={() => send({ type: 'RUN', action: { kind: 'testCard' } })}
        >
          {t('helper.actions.testCard')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || exiting}
          onClick={() => send({ type: 'RUN', action: { kind: 'syncNow' } })}
        >
          {t('helper.actions.syncNow')}
        </button>
        {status?.canExitToMaintenance && (
          <button
            type="button"
            className="button"
            disabled={busy || exiting}
            onClick={() => send({ type: 'RUN', action: { kind: 'exit' } })}
          >
            {t('helper.actions.exit')}
          </button>
        )}
      </div>
      <h3>{t('helper.panel.session')}</h3>
      {session ? (
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={busy || exiting || assisted}
            onClick={() =>
              send({ type: 'RUN', action: { kind: 'markAssisted', sessionId: session.sessionId } })
            }
          >
            {t('helper.actions.markAssisted')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || exiting}
            onClick={() =>
              send({
                type: 'RUN',
                action: { kind: 'reprint', sessionId: session.sessionId, year: session.year, locale },
              })
            }
          >
            {t('helper.actions.reprint')}
          </button>
        </div>
      ) : (
        <p>{t('helper.panel.noSession')}</p>
      )}
      <p className="notice helper-outcome" role="status">
        {running === 'testCard'
          ? t('helper.outcomes.testCard.waiting')
          : busy
            ? t('helper.panel.running')
            : outcome
              ? outcomeText(outcome, t)
              : '\u00a0'}
      </p>
    </>
  );
}

/** Helper mode over the screen: the PIN first, then the panel. The screen beneath stays as it was. */
export function HelperOverlay({
  snapshot,
  send,
  session,
  locale,
  inert,
}: {
  snapshot: SnapshotFrom<HelperMode>;
  send: SendHelperEvent;
  session: HelperSession | null;
  locale: Locale;
  inert: boolean;
}) {
  const t = useT();
  const { pinProblem, pin } = snapshot.context;
  const inPanel = snapshot.matches({ open: { view: 'panel' } });
  const checking = snapshot.matches({ open: { view: 'unlocking' } });
  return (
    <div className="overlay helper-overlay" inert={inert}>
      <div className="dialog helper-dialog" role="dialog" aria-modal="true" aria-labelledby="helper-title">
        <div className="helper-heading">
          <h2 id="helper-title">{t('helper.dialog')}</h2>
          <button type="button" className="button" onClick={() => send({ type: 'CLOSE' })}>
            {t('helper.close')}
          </button>
        </div>
        {inPanel ? (
          <Panel snapshot={snapshot} send={send} session={session} locale={locale} />
        ) : (
          <>
            <p className="lead">{checking ? t('helper.pin.checking') : t('helper.pin.title')}</p>
            {pinProblem && (
              <p className="helper-problem" role="alert">
                {pinProblemText(pinProblem, t)}
              </p>
            )}
            <PinPad entered={pin.length} send={send} />
          </>
        )}
      </div>
    </div>
  );
}
