import type { SendHelperEvent } from './helper-mode';
import { useT } from '../i18n/use-t';

/**
 * The way into helper mode: a quiet square in the top corner, as large as any target but with nothing on it
 * to invite a tap. Five taps within three seconds open the PIN pad; screen readers hear its name.
 */
export function HelperCorner({ send }: { send: SendHelperEvent }) {
  const t = useT();
  return (
    <button
      type="button"
      className="helper-corner"
      aria-label={t('helper.corner')}
      onClick={() => send({ type: 'CORNER_TAP' })}
    />
  );
}
