// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderKiosk, resetPage } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

describe('a keyboard-emulation reader on the page', () => {
  it('moves from the attract screen to the name, with the number read, when a burst of keys ends in Enter', async () => {
    renderKiosk();
    await screen.findByRole('button', { name: '开始查询' });
    // Dispatched back to back, the keys are a few microseconds apart: a reader's burst, not a person.
    for (const key of [...lin.idNumber, 'Enter']) fireEvent.keyDown(document.body, { key });
    expect(await screen.findByLabelText('姓名')).toBeDefined();
  });
});
