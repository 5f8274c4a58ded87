import { describe, expect, it } from 'vitest';
import { demoMicroPowers } from './micro-powers';
import { PROGRAM_ALIASES, demoPrograms } from './programs';
import { demoServiceItems } from './service-items';

const programs = demoPrograms();

describe('the demo county guide', () => {
  it('describes fifteen programs fully, in Chinese, on the 12345 hotline', () => {
    expect(programs).toHaveLength(15);
    expect(new Set(programs.map((p) => p.nameZh)).size).toBe(15);
    for (const p of programs) {
      for (const text of [p.eligibility, p.process, p.materials, p.policyBasis]) expect(text).toMatch(/[\u4e00-\u9fff]{8}/); // prettier-ignore
      expect(p.phone).toBe('12345');
      expect(p.department).toMatch(/^县/);
      if (p.standardFen !== null) expect(Number.isInteger(p.standardFen) && p.standardFen > 0).toBe(true);
    }
    const standard = (name: string) => programs.find((p) => p.nameZh === name)?.standardFen;
    expect(standard('大中型水库移民后期扶持')).toBe(60000);
    expect(standard('草原生态保护补助奖励')).toBe(750);
    expect(standard('残疾人两项补贴')).toBe(9000);
  });

  it('maps every alias to one known program, never to the name of another', () => {
    const codes = new Set(programs.map((p) => p.code));
    const names = new Set(programs.map((p) => p.nameZh));
    const aliases = PROGRAM_ALIASES.map(([alias]) => alias);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const [alias, code] of PROGRAM_ALIASES) {
      expect(codes.has(code)).toBe(true);
      expect(names.has(alias)).toBe(false);
    }
    for (const code of codes) expect(PROGRAM_ALIASES.some(([, c]) => c === code)).toBe(true);
  });

  it('lists 64 services with conditions, materials, ordered steps, a department and the hotline', () => {
    const items = demoServiceItems();
    expect(items).toHaveLength(64);
    expect(new Set(items.map((i) => i.code)).size).toBe(64);
    expect(new Set(items.map((i) => i.nameZh)).size).toBe(64);
    for (const item of items) {
      expect(item.conditions.length).toBeGreaterThan(8);
      expect(item.materials.length).toBeGreaterThan(0);
      expect(item.steps.length).toBeGreaterThanOrEqual(3);
      expect(item.phone).toBe('12345');
      if (item.timeLimitDays !== null) expect(item.timeLimitDays).toBeGreaterThan(0);
    }
  });

  it('lists 36 micro powers in 5 categories, each with 4 to 8 steps and both units', () => {
    const powers = demoMicroPowers();
    expect(powers).toHaveLength(36);
    expect(new Set(powers.map((p) => p.category)).size).toBe(5);
    expect(new Set(powers.map((p) => p.code)).size).toBe(36);
    for (const power of powers) {
      expect(power.steps.length).toBeGreaterThanOrEqual(4);
      expect(power.steps.length).toBeLessThanOrEqual(8);
      expect(power.legalBasis).not.toBe('');
      expect(power.responsibleUnit).not.toBe(power.supervisingUnit);
    }
  });
});
