// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeKiosk, fakeSiteInfo } from '../test-support/fake-kiosk';
import { openStatement } from '../test-support/flows';
import { renderKiosk, resetPage } from '../test-support/render-kiosk';
import { lin } from '../test-support/residents';

afterEach(resetPage);

const STALE_NOTICE = /本机数据已有一段时间没有更新（最近一次为 2025-07-01 00:30）.*0591-12345678/;

describe('how old the data is', () => {
  it('shows the data version and time on the attract screen, with no warning while fresh', async () => {
    renderKiosk();
    expect(await screen.findByText('数据更新至 2025-07-01 00:30（第 7 版）')).toBeDefined();
    expect(screen.queryByText(STALE_NOTICE)).toBeNull();
  });

  it('warns on the attract screen and on the statement when the data is older than the limit', async () => {
    const stale = { data: { ...fakeSiteInfo.data, stale: true } };
    renderKiosk(createFakeKiosk({ residents: [lin], siteInfo: stale }));
    expect(await screen.findByText(STALE_NOTICE)).toBeDefined();
    await openStatement(lin);
    expect(screen.getByText(STALE_NOTICE)).toBeDefined();
  });
});
