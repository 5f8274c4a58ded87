/** Walks the UI the way a person does, up to the 明白卡 of a resident. */
import { fireEvent, screen } from '@testing-library/react';
import { tap, tapKeys, typeName } from './render-kiosk';
import type { FakeResident } from './fake-kiosk';

export async function lookUp(resident: Pick<FakeResident, 'idNumber' | 'name'>): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: '开始查询' }));
  tapKeys(resident.idNumber);
  tap('下一步');
  typeName(resident.name);
  tap('下一步');
}

export async function openStatement(resident: Pick<FakeResident, 'idNumber' | 'name'>): Promise<void> {
  await lookUp(resident);
  await screen.findByRole('heading', { name: '明白卡' });
}
