import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInMappings, loadMapping, locateColumns, MappingError } from './mapping';

describe('column mappings', () => {
  it('ships four valid department mappings', () => {
    expect(builtInMappings().map((m) => m.name)).toEqual([
      'civil-affairs-payments',
      'agriculture-payments',
      'disabled-federation-payments',
      'water-resources-payments',
    ]);
    expect(loadMapping('disabled-federation-payments').moneyUnit).toBe('fen');
  });

  it('finds columns by any accepted header, ignoring spaces and full-width brackets', () => {
    const mapping = loadMapping('agriculture-payments');
    const columns = locateColumns(mapping, [
      '序号',
      ' 承包户姓名 ',
      '公民身份号码',
      '年度',
      '面积（亩）',
      '补贴金额',
    ]);
    expect(columns).toEqual({ name: 1, idNumber: 2, period: 3, quantity: 4, amount: 5 });
  });

  it('refuses a bad mapping file with the reason, and an unknown name with the known ones', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mapping-')), 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ name: 'x', description: 'd', department: 'd', moneyUnit: 'dollar', columns: {} }),
    );
    expect(() => loadMapping(file)).toThrow(MappingError);
    expect(() => loadMapping(file)).toThrow(/moneyUnit/);
    expect(() => loadMapping('no-such-layout')).toThrow(/civil-affairs-payments/);
    writeFileSync(file, '{ not json');
    expect(() => loadMapping(file)).toThrow(/cannot read mapping/);
  });
});
