// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mask } from '../../domain/masking';
import { MAX_FAMILY_LOOKUPS } from '../flow/kiosk-flow';
import { createFakeKiosk, type FakeResident } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage, tap, tapKeys, typeName } from '../test-support/render-kiosk';
import { lin, validIdNumber } from '../test-support/residents';

afterEach(resetPage);

/** Lin's husband, with one payment of his own. */
const chen: FakeResident = {
  idNumber: validIdNumber('35010219460921101'),
  name: '陈国华',
  payments: [
    {
      programCode: 'GLJT',
      programName: { 'zh-CN': '高龄津贴', en: 'Old-age allowance' },
      period: '2025-05',
      amountFen: 20000,
      plannedDate: '2025-05-10',
      paidDate: '2025-05-11',
      status: 'paid',
    },
  ],
};

/** After 查家人 the keypad is already showing: the next person types their number and name. */
function identifyOnKeypad(person: FakeResident): void {
  tapKeys(person.idNumber);
  tap('下一步');
  typeName(person.name);
  tap('下一步');
}

const traces = (person: FakeResident) => [
  person.name,
  person.idNumber,
  person.idNumber.slice(6, 14),
  mask('name', person.name),
  mask('idNumber', person.idNumber),
];

describe('查家人', () => {
  it('clears the first person from the screen before the next one identifies', async () => {
    const fake = createFakeKiosk({ residents: [lin, chen] });
    renderKiosk(fake);
    await openStatement(lin);
    tap('查家人');

    expect(screen.getByRole('heading', { name: '请输入身份证号码' })).toBeDefined();
    expect(screen.getByLabelText<HTMLInputElement>('身份证号码（18位）').value).toBe('');
    const page = document.body.innerHTML;
    for (const trace of traces(lin)) expect(page).not.toContain(trace);
    for (const amount of ['¥612.50', '¥312.50', '¥300.00']) expect(page).not.toContain(amount);
    expect(fake.endedSessions).toHaveLength(1);
    expect(fake.openSessions.size).toBe(0);
  });

  it('shows the next person their own statement only', async () => {
    renderKiosk(createFakeKiosk({ residents: [lin, chen] }));
    await openStatement(lin);
    tap('查家人');
    identifyOnKeypad(chen);
    await screen.findByRole('heading', { name: '明白卡' });
    expect(screen.getByText(mask('name', chen.name))).toBeDefined();
    expect(screen.getByText('2025年合计').parentElement?.textContent).toContain('¥200.00');
    const page = document.body.innerHTML;
    // A masked number shows only the region, which husband and wife share: it is no trace of hers.
    const hers = traces(lin).filter((trace) => trace !== mask('idNumber', chen.idNumber));
    for (const trace of hers) expect(page).not.toContain(trace);
    expect(page).not.toContain('¥612.50');
  });

  it(`is offered for ${MAX_FAMILY_LOOKUPS} family members, then says how to go on`, async () => {
    renderKiosk(createFakeKiosk({ residents: [lin] }));
    await openStatement(lin);
    for (let lookup = 0; lookup < MAX_FAMILY_LOOKUPS; lookup += 1) {
      tap('查家人');
      identifyOnKeypad(lin);
      await screen.findByRole('heading', { name: '明白卡' });
    }
    expect(screen.queryByRole('button', { name: '查家人' })).toBeNull();
    expect(
      screen.getByText(`这次已经为 ${MAX_FAMILY_LOOKUPS} 位家人查询过了。`, { exact: false }),
    ).toBeDefined();
    expect(screen.getByRole('button', { name: '完成' })).toBeDefined();
  });
});
