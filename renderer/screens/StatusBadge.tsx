import type { PaymentStatus } from '../../electron/api/contract';
import { useT } from '../i18n/use-t';

const ICONS: Record<PaymentStatus, string> = { paid: '✓', pending: '◷', overdue: '!' };

/** A payment's status as word, icon and colour together, so colour is never the only cue. */
export function StatusBadge({ status }: { status: PaymentStatus }) {
  const t = useT();
  return (
    <span className={`status status-${status}`}>
      <span className="status-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}
