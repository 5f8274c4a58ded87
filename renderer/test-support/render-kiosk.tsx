/**
 * Renders the whole kiosk UI against a fake `window.kiosk` and offers the few moves a person makes:
 * tapping a button by its visible name and typing on the on-screen keypad.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../app/App';
import { createFakeKiosk, type FakeKiosk } from './fake-kiosk';
import { lin } from './residents';

export function renderKiosk(fake: FakeKiosk = createFakeKiosk({ residents: [lin] })) {
  render(<App kiosk={fake} />);
  return fake;
}

/** Unmounts and undoes what the app set on <html>, so the next test starts on a fresh page. */
export function resetPage(): void {
  cleanup();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('data-text-size');
}

export function tap(name: string | RegExp): void {
  fireEvent.click(screen.getByRole('button', { name }));
}

export function tapKeys(characters: string): void {
  const keypad = screen.getByRole('group', { name: '数字键盘' });
  for (const character of characters)
    fireEvent.click(within(keypad).getByRole('button', { name: character }));
}

export function typeName(name: string): void {
  fireEvent.change(screen.getByLabelText('姓名'), { target: { value: name } });
}
