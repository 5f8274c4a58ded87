import type { IdNumberProblem } from '../../domain/id-number';
import type { IdEntryFeedback } from '../flow/id-entry';
import { useT } from '../i18n/use-t';

function useProblemText(): (problem: IdNumberProblem) => string {
  const t = useT();
  return (problem) => {
    switch (problem.reason) {
      case 'empty':
        return t('idNumber.problems.empty');
      case 'length':
        return t('idNumber.problems.length', { length: problem.length });
      case 'characters':
        return t('idNumber.problems.characters', { position: problem.position });
      case 'region':
        return t('idNumber.problems.region', { regionCode: problem.regionCode });
      case 'birth-date':
        return t('idNumber.problems.birth-date', { birthDate: problem.birthDate });
      case 'check-digit':
        return t('idNumber.problems.check-digit', { expected: problem.expected });
    }
  };
}

/** Live word on the number being entered: how much is left, that it is right, or what is wrong with it. */
export function IdFeedback({ feedback }: { feedback: IdEntryFeedback }) {
  const t = useT();
  const problemText = useProblemText();
  return (
    <p className={`id-feedback id-feedback-${feedback.kind}`} role="status">
      {feedback.kind === 'incomplete' && t('idNumber.remaining', { count: feedback.remaining })}
      {feedback.kind === 'valid' && (
        <>
          <span aria-hidden="true">✓ </span>
          {t('idNumber.valid')}
        </>
      )}
      {feedback.kind === 'problem' && (
        <>
          <span aria-hidden="true">! </span>
          {problemText(feedback.problem)}
        </>
      )}
    </p>
  );
}
