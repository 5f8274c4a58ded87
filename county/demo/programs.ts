/**
 * The demo county's subsidy programs (资金项目) with standards of the size counties actually pay. The policy
 * bases name the national documents these programs rest on; the county-level rules are fictional.
 */
import type { DemoProgram } from './model';

export const PROGRAM = {
  farmland: 'farmland-fertility',
  dibao: 'dibao',
  tekun: 'tekun',
  elderly: 'elderly-allowance',
  disability: 'disability-two',
  reservoir: 'reservoir-resettlement',
  grassland: 'grassland-eco',
  relief: 'temporary-relief',
} as const;

/** Every department answers through the county's 12345 service hotline, so no demo number reaches a stranger. */
const PHONE = '12345';

/** The 高龄津贴 bands, oldest first: monthly fen from the given age. */
export const ELDERLY_BANDS: readonly (readonly [number, number])[] = [
  [100, 60000],
  [90, 20000],
  [80, 10000],
];

export function demoPrograms(): DemoProgram[] {
  return [
    {
      code: PROGRAM.farmland,
      nameZh: '耕地地力保护补贴',
      nameEn: 'Farmland fertility protection subsidy',
      category: 'agriculture',
      department: '县农业农村局',
      policyBasis: '财政部 农业农村部关于全面推开农业"三项补贴"改革工作的通知（财农〔2016〕26号）',
      standardFen: 11250,
      unitZh: '元/亩/年',
      unitEn: 'yuan per mu per year',
      frequency: 'yearly',
      phone: PHONE,
    },
    {
      code: PROGRAM.dibao,
      nameZh: '城乡低保',
      nameEn: 'Minimum living allowance (dibao)',
      category: 'social-assistance',
      department: '县民政局',
      policyBasis: '社会救助暂行办法（国务院令第649号）；按保障标准与家庭人均收入之差发放',
      standardFen: 81000,
      unitZh: '元/人/月（保障标准）',
      unitEn: 'yuan per person per month (standard)',
      frequency: 'monthly',
      phone: PHONE,
    },
    {
      code: PROGRAM.tekun,
      nameZh: '特困人员救助供养',
      nameEn: 'Support for persons in extreme poverty',
      category: 'social-assistance',
      department: '县民政局',
      policyBasis: '国务院关于进一步健全特困人员救助供养制度的意见（国发〔2016〕14号）',
      standardFen: 105300,
      unitZh: '元/人/月',
      unitEn: 'yuan per person per month',
      frequency: 'monthly',
      phone: PHONE,
    },
    {
      code: PROGRAM.elderly,
      nameZh: '高龄津贴',
      nameEn: 'Old-age allowance (80 and over)',
      category: 'elderly',
      department: '县民政局',
      policyBasis:
        '中华人民共和国老年人权益保障法；县高龄津贴实施办法：80—89周岁100元，90—99周岁200元，100周岁以上600元',
      standardFen: 10000,
      unitZh: '元/人/月（80—89周岁档）',
      unitEn: 'yuan per person per month (ages 80–89)',
      frequency: 'monthly',
      phone: PHONE,
    },
    {
      code: PROGRAM.disability,
      nameZh: '残疾人两项补贴',
      nameEn: 'Living and nursing subsidies for persons with disabilities',
      category: 'disability',
      department: '县残疾人联合会',
      policyBasis: '国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见（国发〔2015〕52号）',
      standardFen: 9000,
      unitZh: '元/人/月（每项）',
      unitEn: 'yuan per person per month (each)',
      frequency: 'monthly',
      phone: PHONE,
    },
    {
      code: PROGRAM.reservoir,
      nameZh: '大中型水库移民后期扶持',
      nameEn: 'Post-resettlement support for reservoir migrants',
      category: 'resettlement',
      department: '县水利局',
      policyBasis: '国务院关于完善大中型水库移民后期扶持政策的意见（国发〔2006〕17号）',
      standardFen: 60000,
      unitZh: '元/人/年',
      unitEn: 'yuan per person per year',
      frequency: 'yearly',
      phone: PHONE,
    },
    {
      code: PROGRAM.grassland,
      nameZh: '草原生态保护补助奖励',
      nameEn: 'Grassland ecological protection subsidy and reward',
      category: 'ecology',
      department: '县林业局',
      policyBasis: '第三轮草原生态保护补助奖励政策（财政部 农业农村部 国家林草局，2021—2025年）；禁牧补助',
      standardFen: 750,
      unitZh: '元/亩/年',
      unitEn: 'yuan per mu per year',
      frequency: 'yearly',
      phone: PHONE,
    },
    {
      code: PROGRAM.relief,
      nameZh: '临时救助',
      nameEn: 'Temporary assistance',
      category: 'social-assistance',
      department: '县民政局',
      policyBasis: '国务院关于全面建立临时救助制度的通知（国发〔2014〕47号）',
      standardFen: null,
      unitZh: '元/次（按困难程度核定）',
      unitEn: 'yuan per case, set by need',
      frequency: 'once',
      phone: PHONE,
    },
  ];
}
