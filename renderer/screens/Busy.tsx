import { ScreenTitle } from './ScreenTitle';

/** A calm waiting screen (looking up, printing, starting); role=status so it is read out once. */
export function Busy({ message }: { message: string }) {
  return (
    <section className="screen-body busy" role="status">
      <ScreenTitle>{message}</ScreenTitle>
    </section>
  );
}
