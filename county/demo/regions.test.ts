import { describe, expect, it } from 'vitest';
import {
  DEMO_COUNTY_CODE,
  RESERVOIR_VILLAGE_CODES,
  demoRegions,
  isCommunity,
  villageCountFor,
} from './regions';

const allCodes = (residents: number) => {
  const county = demoRegions(residents);
  return county.townships.flatMap((t) => [t.code, ...t.villages.flatMap((v) => [v.code, ...v.groups.map((g) => g.code)])]); // prettier-ignore
};

describe('demoRegions', () => {
  it('keeps the 6 named townships and 24 villages for a small county', () => {
    const county = demoRegions(300);
    expect(county.townships).toHaveLength(6);
    expect(county.townships.flatMap((t) => t.villages)).toHaveLength(24);
    expect(county.townships[0]?.villages[0]).toMatchObject({ code: '359901100001', name: '城东社区' });
  });

  it('grows to about 2,000 residents a village and 16 villages a township for a million', () => {
    const county = demoRegions(1_000_000);
    const villages = county.townships.flatMap((t) => t.villages);
    expect(villages).toHaveLength(villageCountFor(1_000_000));
    expect(villages.length).toBe(500);
    expect(county.townships.length).toBeGreaterThanOrEqual(30);
    for (const code of RESERVOIR_VILLAGE_CODES) expect(villages.some((v) => v.code === code)).toBe(true);
    const names = villages.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(villages.filter((v) => isCommunity(v.code)).every((v) => v.name.endsWith('社区'))).toBe(true);
  });

  it('gives 6-, 9-, 12- and 15-digit codes in prefecture 3599, unique, each extending its parent', () => {
    for (const residents of [1, 50_000, 2_000_000]) {
      const county = demoRegions(residents);
      const codes = allCodes(residents);
      expect(new Set(codes).size).toBe(codes.length);
      for (const township of county.townships) {
        expect(township.code).toMatch(new RegExp(`^${DEMO_COUNTY_CODE}[12]\\d\\d$`));
        for (const village of township.villages) {
          expect(village.code).toMatch(new RegExp(`^${township.code}[02]\\d\\d$`));
          expect(village.groups.length).toBeGreaterThanOrEqual(3);
          for (const group of village.groups)
            expect(group.code).toMatch(new RegExp(`^${village.code}\\d{3}$`));
        }
      }
    }
  });

  it('depends only on the number of residents', () => {
    expect(demoRegions(120_000)).toEqual(demoRegions(120_000));
  });
});
