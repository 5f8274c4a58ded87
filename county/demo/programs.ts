/**
 * The demo county's subsidy programs (资金项目) with standards of the size counties actually pay, and the
 * other names departments use for them in their exports. The policy bases name the national documents these
 * programs rest on; where a standard is set locally (低保, 孤儿, 优抚) the county's figure is fictional but of
 * the usual size.
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
  pension: 'basic-pension',
  grainToGreen: 'grain-to-green',
  machinery: 'farm-machinery',
  ecoForest: 'eco-forest',
  veteran: 'veteran-care',
  familyPlanning: 'family-planning-reward',
  orphan: 'orphan-allowance',
} as const;

/** Every department answers through the county's 12345 service hotline, so no demo number reaches a stranger. */
const PHONE = '12345';

/** The 高龄津贴 bands, oldest first: monthly fen from the given age. */
export const ELDERLY_BANDS: readonly (readonly [number, number])[] = [
  [100, 60000],
  [90, 20000],
  [80, 10000],
];

/** 新一轮退耕还林 cash per mu, paid in the first, third and fifth year after planting: [year offset, fen]. */
export const GRAIN_TO_GREEN_INSTALMENTS: readonly (readonly [number, number])[] = [
  [0, 50000],
  [2, 30000],
  [4, 40000],
];

/** How a department's batches are named: '2025-03-民政-01'. */
export const DEPARTMENT_SHORT_NAMES: Readonly<Record<string, string>> = {
  县农业农村局: '农业',
  县民政局: '民政',
  县残疾人联合会: '残联',
  县水利局: '水利',
  县林业局: '林业',
  县人力资源和社会保障局: '人社',
  县退役军人事务局: '退役军人',
  县卫生健康局: '卫健',
};

const BANK_CARD = '"一卡通"账户（存折或社保卡金融账户）';

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
      eligibility:
        '拥有耕地承包权的种地农民。已改为林地、园地、设施农用地或建设用地的耕地，长年抛荒地，不再补贴。',
      process:
        '农户向村委会申报承包耕地面积，村级核实后公示7天；乡镇审核汇总，县农业农村局、财政局审定，通过"一卡通"直接发放到户。',
      materials: `身份证、户口簿、土地承包经营权证或承包合同、${BANK_CARD}。`,
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
      eligibility:
        '共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定的本县户籍居民。村干部及其近亲属申请的，须单独备案。',
      process:
        '向户籍所在地乡镇（街道）提出申请；乡镇入户调查并核对经济状况，村（社区）民主评议后公示；县民政局审批，按月发放，定期复核。',
      materials: `身份证、户口簿、家庭成员收入和财产情况声明、经济状况核对授权书、${BANK_CARD}。`,
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
      eligibility:
        '无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或其义务人无履行能力的老年人、残疾人和未满18周岁的未成年人。',
      process:
        '本人或委托村（居）委会向乡镇提出申请；乡镇调查核实并公示，县民政局审批；按月发放基本生活费，分散供养或在敬老院集中供养。',
      materials: `身份证、户口簿、残疾证（如有）、本人及义务人经济状况说明、${BANK_CARD}。`,
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
      eligibility: '本县户籍、年满80周岁的老年人，按80—89周岁、90—99周岁、100周岁以上三档发放。',
      process:
        '年满80周岁当月向村（社区）申报，乡镇审核，县民政局审批，次月起按月发放；每年进行一次生存认证。',
      materials: `身份证、户口簿、${BANK_CARD}；委托代办的另带代办人身份证。`,
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
      eligibility:
        '困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级为一、二级且需长期照护的残疾人。两项条件都符合的可同时领取。',
      process: '向户籍所在地乡镇提出申请；乡镇初审，县残联审核，县民政局审定，按月发放。',
      materials: `身份证、户口簿、第二代残疾人证、低保证（申请生活补贴的）、${BANK_CARD}。`,
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
      eligibility: '2006年6月30日前搬迁、经县级核定登记的大中型水库农村移民，自2006年7月1日起扶持20年。',
      process:
        '县移民管理机构逐人核定扶持人口并张榜公示，每年核减死亡、迁出人员；县财政通过"一卡通"直接发放到人。',
      materials: `身份证、户口簿、水库移民人口核定登记表、${BANK_CARD}。`,
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
      eligibility: '承包禁牧草原并落实禁牧措施的农牧户。',
      process: '乡镇核定禁牧面积并与农牧户签订禁牧责任书，村级公示；县林业局、财政局核验后按年度发放到户。',
      materials: `身份证、户口簿、草原承包经营权证或承包合同、禁牧责任书、${BANK_CARD}。`,
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
      eligibility:
        '因火灾、交通事故等意外事件，或家庭成员突发重大疾病，导致基本生活暂时出现严重困难的家庭或个人。',
      process:
        '向乡镇（街道）提出申请，情况紧急的可先行救助；乡镇审核，小额救助由乡镇审批，其余报县民政局审批，一次性发放。',
      materials: `身份证、户口簿、困难情况说明及证明材料（医疗费用票据、事故证明等）、${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.pension,
      nameZh: '城乡居民基础养老金',
      nameEn: 'Basic pension for urban and rural residents',
      category: 'pension',
      department: '县人力资源和社会保障局',
      policyBasis:
        '国务院关于建立统一的城乡居民基本养老保险制度的意见（国发〔2014〕8号）；基础养老金最低标准按国家规定逐年提高',
      standardFen: 14300,
      unitZh: '元/人/月',
      unitEn: 'yuan per person per month',
      frequency: 'monthly',
      eligibility:
        '参加城乡居民基本养老保险、年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇的本县户籍居民。',
      process:
        '年满60周岁前由本人或村协办员申请待遇领取，县社保中心审核，次月起按月发放；每年进行领取资格认证。',
      materials: `身份证、户口簿、社会保障卡或${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.grainToGreen,
      nameZh: '退耕还林补助',
      nameEn: 'Grain-to-green (returning farmland to forest) subsidy',
      category: 'ecology',
      department: '县林业局',
      policyBasis:
        '新一轮退耕还林还草总体方案（国家发展改革委 财政部 国家林业局等，2014年）：现金补助每亩1200元，分三次兑现',
      standardFen: 120000,
      unitZh: '元/亩（第1年500元、第3年300元、第5年400元）',
      unitEn: 'yuan per mu (500 in year 1, 300 in year 3, 400 in year 5)',
      frequency: 'yearly',
      eligibility: '纳入新一轮退耕还林计划、按规定完成造林并经县级检查验收合格的退耕农户。',
      process:
        '农户自愿申报，村级公示，乡镇审核并签订退耕还林合同；造林后县林业局检查验收，按合格面积分年度兑现到户。',
      materials: `身份证、户口簿、退耕还林合同、验收合格面积确认表、${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.machinery,
      nameZh: '农机购置补贴',
      nameEn: 'Farm machinery purchase subsidy',
      category: 'agriculture',
      department: '县农业农村局',
      policyBasis:
        '2024—2026年农机购置与应用补贴实施指导意见（农业农村部办公厅 财政部办公厅）；按补贴额一览表定额补贴',
      standardFen: null,
      unitZh: '元/台（套）（按补贴额一览表）',
      unitEn: 'yuan per machine (from the subsidy table)',
      frequency: 'once',
      eligibility: '从事农业生产的个人和农业生产经营组织，购置列入本省补贴范围的农机具。',
      process:
        '自主购机后通过农机购置补贴管理系统或手机App申请；县农业农村局核验机具（重点机具现场核验）并公示，县财政局将补贴拨付到购机者账户。',
      materials: `身份证、购机发票、机具铭牌照片、人机合影、${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.ecoForest,
      nameZh: '生态公益林补偿',
      nameEn: 'Ecological forest compensation',
      category: 'ecology',
      department: '县林业局',
      policyBasis:
        '林业改革发展资金管理办法（财资环〔2021〕39号）：集体和个人所有的国家级公益林补偿标准为每年每亩16元',
      standardFen: 1600,
      unitZh: '元/亩/年',
      unitEn: 'yuan per mu per year',
      frequency: 'yearly',
      eligibility: '山林经区划界定为国家级或省级生态公益林的集体和个人林权权利人。',
      process: '县林业局核定公益林面积，村集体分配方案经村民代表会议通过并公示，乡镇审核后按面积发放到户。',
      materials: `身份证、户口簿、林权证或林地承包合同、${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.veteran,
      nameZh: '优抚对象定期抚恤补助',
      nameEn: 'Periodic allowance for entitled veterans',
      category: 'veterans',
      department: '县退役军人事务局',
      policyBasis: '军人抚恤优待条例（2024年修订）；优抚对象抚恤和生活补助标准按国家规定调整',
      standardFen: 285000,
      unitZh: '元/人/季',
      unitEn: 'yuan per person per quarter',
      frequency: 'quarterly',
      eligibility: '在乡复员军人、带病回乡退伍军人、参战参试退役人员等享受定期抚恤补助的优抚对象。',
      process: '经县退役军人事务局认定优抚对象身份，按类别核定补助标准，按季度发放；每年进行资格复核。',
      materials: `身份证、户口簿、退役证件或优抚对象证件、${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.familyPlanning,
      nameZh: '农村部分计划生育家庭奖励扶助',
      nameEn: 'Reward for rural family-planning households',
      category: 'family',
      department: '县卫生健康局',
      policyBasis: '农村部分计划生育家庭奖励扶助制度（国办发〔2004〕21号）；奖励扶助金每人每年960元',
      standardFen: 96000,
      unitZh: '元/人/年',
      unitEn: 'yuan per person per year',
      frequency: 'yearly',
      eligibility: '本县农业户籍，1973年至2001年间只生育一个子女或合法生育两个女孩，年满60周岁的夫妻。',
      process:
        '本人于年初向村申报，村级初审并公示，乡镇审核，县卫生健康局审批并公示，奖励扶助金按年发放到人。',
      materials: `身份证、户口簿、结婚证、独生子女父母光荣证或生育情况证明、${BANK_CARD}。`,
      phone: PHONE,
    },
    {
      code: PROGRAM.orphan,
      nameZh: '孤儿基本生活费',
      nameEn: 'Basic living allowance for orphans',
      category: 'children',
      department: '县民政局',
      policyBasis:
        '国务院办公厅关于加强孤儿保障工作的意见（国办发〔2010〕54号）；民政部等关于进一步加强事实无人抚养儿童保障工作的意见（民发〔2019〕62号）',
      standardFen: 135000,
      unitZh: '元/人/月（散居）',
      unitEn: 'yuan per child per month (living with kin)',
      frequency: 'monthly',
      eligibility: '失去父母或查找不到生父母的未满18周岁的孤儿，以及事实无人抚养儿童。',
      process: '监护人向乡镇提出申请，乡镇调查核实，县民政局审批，按月发放至儿童本人或监护人账户。',
      materials: `儿童及监护人身份证、户口簿、父母死亡或失踪证明、监护关系证明、${BANK_CARD}。`,
      phone: PHONE,
    },
  ];
}

/** Names the departments' exports use for the programs: [alias, program code]. */
export const PROGRAM_ALIASES: readonly (readonly [string, string])[] = [
  ['耕地保护补贴', PROGRAM.farmland],
  ['地力补贴', PROGRAM.farmland],
  ['耕地地力补贴', PROGRAM.farmland],
  ['低保金', PROGRAM.dibao],
  ['农村低保', PROGRAM.dibao],
  ['城市低保', PROGRAM.dibao],
  ['最低生活保障金', PROGRAM.dibao],
  ['特困供养金', PROGRAM.tekun],
  ['五保金', PROGRAM.tekun],
  ['特困人员基本生活费', PROGRAM.tekun],
  ['高龄补贴', PROGRAM.elderly],
  ['高龄老人津贴', PROGRAM.elderly],
  ['尊老金', PROGRAM.elderly],
  ['困难残疾人生活补贴', PROGRAM.disability],
  ['重度残疾人护理补贴', PROGRAM.disability],
  ['残疾人补贴', PROGRAM.disability],
  ['水库移民后期扶持', PROGRAM.reservoir],
  ['移民后扶资金', PROGRAM.reservoir],
  ['移民直补', PROGRAM.reservoir],
  ['草原奖补', PROGRAM.grassland],
  ['禁牧补助', PROGRAM.grassland],
  ['临时救助金', PROGRAM.relief],
  ['基础养老金', PROGRAM.pension],
  ['城乡居民养老保险待遇', PROGRAM.pension],
  ['养老金', PROGRAM.pension],
  ['退耕还林补助资金', PROGRAM.grainToGreen],
  ['退耕还林现金补助', PROGRAM.grainToGreen],
  ['农机补贴', PROGRAM.machinery],
  ['农机具购置补贴', PROGRAM.machinery],
  ['公益林补偿金', PROGRAM.ecoForest],
  ['森林生态效益补偿', PROGRAM.ecoForest],
  ['生态林补偿', PROGRAM.ecoForest],
  ['定期抚恤金', PROGRAM.veteran],
  ['优抚金', PROGRAM.veteran],
  ['优抚对象抚恤补助', PROGRAM.veteran],
  ['计生奖扶', PROGRAM.familyPlanning],
  ['奖励扶助金', PROGRAM.familyPlanning],
  ['孤儿生活费', PROGRAM.orphan],
  ['孤儿基本生活保障金', PROGRAM.orphan],
];
