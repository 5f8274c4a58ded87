// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

function chart(): HTMLElement {
  return screen.getByRole('region', { name: '历年合计' });
}

describe('the bar chart of yearly totals', () => {
  it('is a list with one bar per year, latest first, each saying its year and amount in words', async () => {
    renderKiosk();
    await openStatement(lin);
    const items = within(chart()).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['2025年¥612.50', '2024年¥300.00']);
    const bars = within(chart()).getAllByRole('button');
    expect(bars.map((bar) => bar.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
  });

  it('draws the largest year full length and the others in proportion', async () => {
    renderKiosk();
    await openStatement(lin);
    const fills = [...chart().querySelectorAll<HTMLElement>('.year-bar-fill')];
    expect(fills.map((fill) => fill.style.inlineSize)).toEqual(['100%', `${(30000 / 61250) * 100}%`]);
    expect(fills.every((fill) => fill.closest('[aria-hidden="true"]') !== null)).toBe(true);
  });

  it('selects a year with one tap on its bar, as the year tabs do', async () => {
    renderKiosk();
    await openStatement(lin);
    fireEvent.click(within(chart()).getByRole('button', { name: /2024年/ }));
    expect(
      within(chart())
        .getByRole('button', { name: /2024年/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(screen.getByRole('tab', { name: '2024年' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('2024年合计').parentElement?.textContent).toContain('¥300.00');
  });
});
