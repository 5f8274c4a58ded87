import { describe, expect, it } from 'vitest';
import type { ReplicaProgram } from '../../../domain/published/replica-format';
import { programInfo } from './program-info';

const reservoir: ReplicaProgram = {
  code: 'reservoir-resettlement',
  nameZh: '大中型水库移民后期扶持',
  nameEn: 'Reservoir resettlement support',
  category: 'resettlement',
  department: '县水利局',
  policyBasis: '国务院关于完善大中型水库移民后期扶持政策的意见（国发〔2006〕17号）',
  standardFen: 60000,
  unitZh: '元/人/年',
  unitEn: 'yuan per person per year',
  frequency: 'yearly',
  eligibility: '登记在册的大中型水库农村移民。',
  process: '村级核实，乡镇审核，县水利局审定后发放。',
  materials: '身份证、户口簿。',
  phone: '12345',
};
const programs = new Map([[reservoir.code, reservoir]]);

describe('programInfo', () => {
  it('answers the public facts with the name and unit in Chinese', () => {
    expect(programInfo({ programCode: reservoir.code, locale: 'zh-CN' }, programs)).toEqual({
      status: 'found',
      program: {
        code: 'reservoir-resettlement',
        name: '大中型水库移民后期扶持',
        department: '县水利局',
        policyBasis: reservoir.policyBasis,
        standardFen: 60000,
        unit: '元/人/年',
        frequency: 'yearly',
        phone: '12345',
      },
    });
  });

  it('words the name and unit in English when asked', () => {
    const result = programInfo({ programCode: reservoir.code, locale: 'en' }, programs);
    expect(result).toMatchObject({
      status: 'found',
      program: { name: 'Reservoir resettlement support', unit: 'yuan per person per year' },
    });
  });

  it('says not-found for a code the replica does not hold', () => {
    expect(programInfo({ programCode: 'no-such-program', locale: 'zh-CN' }, programs)).toEqual({
      status: 'not-found',
    });
  });
});
