// No Electron binary can be downloaded on this machine, so the preload runs here against a small hand-written
// fake of the `electron` module (./fake-electron), standing in for contextBridge and ipcRenderer.
import { expect, it, vi } from 'vitest';
import { operationNames, type KioskApi } from './api/contract';

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron());
vi.mock('electron', () => fake);

await import('./preload');

it('exposes exactly the contract operations as window.kiosk', () => {
  expect([...fake.exposedInMainWorld.keys()]).toEqual(['kiosk']);
  const api = fake.exposedInMainWorld.get('kiosk') as KioskApi;
  expect(Object.keys(api).sort()).toEqual([...operationNames].sort());
});

it('sends each operation over the one channel with its name and input, and returns main’s answer', async () => {
  const api = fake.exposedInMainWorld.get('kiosk') as KioskApi;
  const answer = await api.lookupResident({ idNumber: '11010519491231002X', name: '张三' });
  expect(answer).toEqual({ ok: true, value: 'answered by main' });
  await api.getSiteInfo({});
  expect(fake.ipcRenderer.invocations).toEqual([
    ['kiosk:call', 'lookupResident', { idNumber: '11010519491231002X', name: '张三' }],
    ['kiosk:call', 'getSiteInfo', {}],
  ]);
});
