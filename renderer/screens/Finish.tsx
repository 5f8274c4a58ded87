import { ScreenTitle } from './ScreenTitle';
import { useT } from '../i18n/use-t';

export function Finish() {
  const t = useT();
  return (
    <section className="screen-body outcome">
      <ScreenTitle>{t('finish.title')}</ScreenTitle>
      <p className="lead">{t('finish.body')}</p>
    </section>
  );
}
