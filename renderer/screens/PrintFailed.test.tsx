// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeKiosk } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

describe('printing the receipt', () => {
  it('asks the person to take the receipt when it printed', async () => {
    const fake = renderKiosk();
    await openStatement(lin);
    tap('打印回执');
    expect(await screen.findByRole('heading', { name: '请取走回执' })).toBeDefined();
    expect(fake.printRequests).toEqual([{ sessionId: expect.any(String), year: 2025, locale: 'zh-CN' }]);
    tap('完成');
    expect(await screen.findByRole('heading', { name: '谢谢，再见' })).toBeDefined();
  });

  it('words a printer failure in the person’s language and prints on a retry', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'failed', reason: 'offline' });
    renderKiosk(fake);
    await openStatement(lin);
    tap('打印回执');
    await screen.findByRole('heading', { name: '回执没有打印出来' });
    expect(screen.getByText('打印机没有连接好。请告诉工作人员。')).toBeDefined();
    tap('再试一次');
    expect(await screen.findByRole('heading', { name: '请取走回执' })).toBeDefined();
  });

  it('tells the person a receipt waits for paper and lets them go without it', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'waiting', jobId: 'job-9', reason: 'paper-out' });
    fake.jobStatuses.set('job-9', { state: 'waiting', reason: 'paper-out' });
    renderKiosk(fake);
    await openStatement(lin);
    tap('打印回执');
    await screen.findByRole('heading', { name: '回执还在等打印机' });
    expect(screen.getByText('打印机没有纸了。请告诉工作人员加纸，加好后回执会自动打印出来。')).toBeDefined();
    tap('不打印了');
    expect(await screen.findByRole('heading', { name: '明白卡' })).toBeDefined();
    expect(fake.cancelledJobs).toEqual(['job-9']);
  });

  it('does not offer a retry once the lookup has expired', async () => {
    const fake = createFakeKiosk({ residents: [lin] });
    fake.printerOutcomes.push({ status: 'failed', reason: 'session-expired' });
    renderKiosk(fake);
    await openStatement(lin);
    tap('English');
    tap('Print receipt');
    await screen.findByRole('heading', { name: 'The receipt was not printed' });
    expect(screen.getByText(/Your lookup has timed out/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Finish' })).toBeDefined();
  });
});
