import { useRef, type KeyboardEvent } from 'react';
import type { SendFlowEvent } from '../flow/kiosk-flow';
import { useT } from '../i18n/use-t';

export const yearTabId = (year: number) => `year-tab-${year}`;
export const YEAR_PANEL_ID = 'year-panel';

/** One tab per year, latest first; arrow keys move between tabs for keyboard users, as tabs do. */
export function YearTabs({
  years,
  selectedYear,
  send,
}: {
  years: readonly number[];
  selectedYear: number;
  send: SendFlowEvent;
}) {
  const t = useT();
  const list = useRef<HTMLDivElement>(null);
  const select = (year: number) => send({ type: 'SELECT_YEAR', year });

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    const next = years[years.indexOf(selectedYear) + step];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
    list.current?.querySelector<HTMLElement>(`#${yearTabId(next)}`)?.focus();
  };

  return (
    <div
      className="year-tabs"
      role="tablist"
      aria-label={t('results.years')}
      ref={list}
      onKeyDown={onKeyDown}
    >
      {years.map((year) => (
        <button
          key={year}
          id={yearTabId(year)}
          type="button"
          role="tab"
          className="button tab"
          aria-selected={year === selectedYear}
          aria-controls={YEAR_PANEL_ID}
          tabIndex={year === selectedYear ? 0 : -1}
          onClick={() => select(year)}
        >
          {t('results.year', { year })}
        </button>
      ))}
    </div>
  );
}
