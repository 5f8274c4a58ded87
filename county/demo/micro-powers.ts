/**
 * 小微权力清单: the 36 village-level powers in 5 categories that counties publish, each with its legal basis,
 * the unit responsible and the unit supervising, and a flow chart of 4 to 8 ordered steps. Most powers share
 * one of a handful of procedures (四议两公开, 财务审批, 招投标, 民生事项初审...); the item's own subject is
 * written into its steps.
 */

export interface DemoMicroPowerStep {
  title: string;
  actor: string;
  detail: string;
}

export interface DemoMicroPower {
  code: string;
  category: string;
  nameZh: string;
  nameEn: string;
  legalBasis: string;
  responsibleUnit: string;
  supervisingUnit: string;
  steps: DemoMicroPowerStep[];
}

type Procedure =
  'fourAndTwo' | 'expense' | 'tender' | 'smallWorks' | 'assistance' | 'asset' | 'register' | 'mediation';

const S = (title: string, actor: string, detail: string): DemoMicroPowerStep => ({ title, actor, detail });

function stepsOf(procedure: Procedure, subject: string): DemoMicroPowerStep[] {
  switch (procedure) {
    case 'fourAndTwo':
      return [
        S('村党组织提议', '村党组织', `在广泛征求意见的基础上，就${subject}提出初步方案`),
        S('村"两委"会议商议', '村"两委"班子', `村"两委"联席会议对${subject}方案进行商议，形成意见`),
        S('党员大会审议', '村党员大会', '党员大会审议，提出修改意见'),
        S('村民（代表）会议决议', '村民会议或村民代表会议', '到会人数过半、经到会人员半数以上同意方可通过'),
        S('决议公开', '村民委员会', '决议事项在村务公开栏公开，公开时间不少于7天'),
        S('实施结果公开', '村民委员会', '组织实施，实施情况和结果及时公开，接受群众监督'),
      ];
    case 'expense':
      return [
        S('经办人报账', '经办人', `${subject}取得合法有效票据，注明用途，经办人签字`),
        S('监委会审核', '村务监督委员会', '审核票据的真实性、合规性并签字'),
        S('村委会主任审核', '村民委员会主任', '审核支出事由和金额'),
        S('村党组织书记审批', '村党组织书记', '限额以上支出须经村"两委"集体研究'),
        S('乡镇代理记账', '乡镇农村会计委托代理服务中心', '审核入账，严禁白条抵账'),
        S('按月公开', '村民委员会', '收支明细按月在村务公开栏公开'),
      ];
    case 'tender':
      return [
        S('项目决策', '村党组织、村民委员会', `${subject}按"四议两公开"程序决策立项`),
        S('编制预算和招标文件', '村民委员会', '委托有资质的单位编制工程预算和招标文件'),
        S('发布招标公告', '乡镇公共资源交易站', '在乡镇公共资源交易平台公开发布招标公告'),
        S('开标评标', '评标委员会', '公开开标，评标委员会评审推荐中标候选人'),
        S('中标公示', '乡镇公共资源交易站', '中标结果公示不少于3天'),
        S('签订合同', '村民委员会', '与中标单位签订合同，报乡镇备案'),
        S('质量监督', '村务监督委员会', '全程监督施工质量和进度'),
        S('竣工验收和公开', '乡镇、村民委员会', '组织验收，决算和结果在村务公开栏公开'),
      ];
    case 'smallWorks':
      return [
        S('提出需求', '村民委员会', `提出${subject}事项、预算和理由`),
        S('集体研究', '村"两委"会议', '限额以下的由村"两委"集体研究确定，三家以上比价'),
        S('确定承接方', '村民委员会', '择优确定承接方并签订书面协议'),
        S('过程监督', '村务监督委员会', '对数量、质量和价格进行监督'),
        S('验收结算', '村民委员会、村务监督委员会', '验收合格后按财务审批程序结算'),
        S('结果公开', '村民委员会', '在村务公开栏公开，接受监督'),
      ];
    case 'assistance':
      return [
        S('村民申请', '申请人', `申请人提出${subject}申请，如实申报家庭情况`),
        S('入户核实', '村民委员会', '两名以上村干部入户调查，核实家庭人口、收入和财产情况'),
        S('民主评议', '村民代表会议', '需要评议的，组织村民代表进行民主评议'),
        S('村内公示', '村民委员会', '评议结果在村务公开栏公示7天，村干部近亲属申请的须注明'),
        S('报送审核', '村民委员会', '公示无异议的，报乡镇（街道）审核'),
      ];
    case 'asset':
      return [
        S('提出方案', '村民委员会', `提出${subject}方案，明确底价、期限和方式`),
        S('资产评估', '村股份经济合作社', '需要评估的委托评估机构评估'),
        S('民主决策', '村民会议或村民代表会议', '按"四议两公开"程序表决通过'),
        S('公开交易', '乡镇农村产权交易站', '进入农村产权交易平台公开竞价'),
        S('签订合同', '村股份经济合作社', '与受让方签订规范合同，报乡镇农经部门备案'),
        S('结果公开', '村民委员会', '交易结果和收益在村务公开栏公开'),
      ];
    case 'register':
      return [
        S('提出申请', '申请人', `申请${subject}，说明事由`),
        S('审核', '村民委员会', '对照有关规定和清单进行审核'),
        S('登记', '村民委员会', '在登记簿上逐项登记，经办人签字'),
        S('办结归档', '村民委员会', '办理完毕，资料立卷归档备查'),
      ];
    case 'mediation':
      return [
        S('受理', '村人民调解委员会', `当事人申请或主动发现${subject}`),
        S('调查了解', '村人民调解委员会', '了解纠纷事实，听取双方意见'),
        S('组织调解', '人民调解员', '依法依规耐心调解，不得强迫'),
        S('达成协议', '村人民调解委员会', '达成协议的制作调解协议书，双方签字'),
        S('回访', '人民调解员', '跟踪回访协议履行情况'),
      ];
  }
}

const VILLAGE_LAW = '中华人民共和国村民委员会组织法';
const PARTY_RULES = '中国共产党农村基层组织工作条例';
const FINANCE_RULES = '农村集体经济组织财务制度（财农〔2021〕121号）';
const COLLECTIVE_LAW = '中华人民共和国农村集体经济组织法';
const TWO_COMMITTEES = '村党组织、村民委员会';
const WATCH = '村务监督委员会、乡镇纪委';

type Row = readonly [code: string, nameZh: string, nameEn: string, legalBasis: string, responsible: string, supervising: string, procedure: Procedure]; // prettier-ignore

const CATEGORIES: readonly (readonly [string, readonly Row[]])[] = [
  ['重大事项决策', [
    ['JC-01', '村级重大事项决策', 'Major village decisions', `${VILLAGE_LAW}第二十四条；${PARTY_RULES}`, TWO_COMMITTEES, WATCH, 'fourAndTwo'],
    ['JC-02', '村级发展规划制定', 'Village development plan', `${VILLAGE_LAW}第二十四条`, TWO_COMMITTEES, WATCH, 'fourAndTwo'],
    ['JC-03', '村规民约制定与修订', 'Village rules and covenants', `${VILLAGE_LAW}第二十七条`, '村民委员会', '村务监督委员会、乡镇人民政府', 'fourAndTwo'],
    ['JC-04', '村集体经济项目立项', 'Collective economic projects', `${VILLAGE_LAW}第二十四条；${COLLECTIVE_LAW}`, TWO_COMMITTEES, WATCH, 'fourAndTwo'],
    ['JC-05', '征地补偿费分配使用', 'Sharing out land compensation', `${VILLAGE_LAW}第二十四条；中华人民共和国土地管理法第四十八条`, TWO_COMMITTEES, '村务监督委员会、乡镇纪委、乡镇农经站', 'fourAndTwo'],
    ['JC-06', '村集体收益分配', 'Distribution of collective income', `${COLLECTIVE_LAW}；${FINANCE_RULES}`, '村股份经济合作社', '村务监督委员会、乡镇农经站', 'fourAndTwo'],
    ['JC-07', '村级年度财务预算', 'Annual village budget', FINANCE_RULES, TWO_COMMITTEES, '村务监督委员会、乡镇农经站', 'fourAndTwo'],
  ]],
  ['集体"三资"管理', [
    ['SZ-01', '村级财务收支审批', 'Approval of village spending', FINANCE_RULES, '村民委员会', WATCH, 'expense'],
    ['SZ-02', '集体资产资源发包租赁', 'Leasing collective assets and resources', `${VILLAGE_LAW}第二十四条；${COLLECTIVE_LAW}`, '村股份经济合作社', '村务监督委员会、乡镇农经站', 'asset'],
    ['SZ-03', '集体资产处置', 'Disposal of collective assets', `${COLLECTIVE_LAW}；${FINANCE_RULES}`, '村股份经济合作社', '村务监督委员会、乡镇农经站', 'asset'],
    ['SZ-04', '村级借款与举债', 'Village borrowing', `${FINANCE_RULES}；${VILLAGE_LAW}第二十四条`, TWO_COMMITTEES, WATCH, 'fourAndTwo'],
    ['SZ-05', '村干部误工补贴发放', 'Allowances for cadres\' working time', `${VILLAGE_LAW}第二十四条`, '村民委员会', WATCH, 'expense'],
    ['SZ-06', '村级接待和办公费用支出', 'Reception and office spending', FINANCE_RULES, '村民委员会', WATCH, 'expense'],
    ['SZ-07', '村级财务公开', 'Publishing the village accounts', `${VILLAGE_LAW}第三十条`, '村民委员会', '村务监督委员会、乡镇人民政府', 'register'],
    ['SZ-08', '村级票据和备用金管理', 'Receipts and petty cash', FINANCE_RULES, '村报账员', '村务监督委员会、乡镇农村会计委托代理服务中心', 'register'],
  ]],
  ['工程项目与采购', [
    ['GC-01', '村级工程项目招投标', 'Tendering of village works', `中华人民共和国招标投标法；${VILLAGE_LAW}第二十四条`, TWO_COMMITTEES, '村务监督委员会、乡镇纪委、乡镇公共资源交易站', 'tender'],
    ['GC-02', '限额以下小型工程建设', 'Small works below the tender threshold', FINANCE_RULES, '村民委员会', WATCH, 'smallWorks'],
    ['GC-03', '村级物资和服务采购', 'Purchases of goods and services', FINANCE_RULES, '村民委员会', WATCH, 'smallWorks'],
    ['GC-04', '工程变更和现场签证', 'Changes to works under way', '中华人民共和国招标投标法', '村民委员会', '村务监督委员会、乡镇人民政府', 'smallWorks'],
    ['GC-05', '工程竣工验收和结算', 'Acceptance and final account of works', '建设工程质量管理条例', '村民委员会', '村务监督委员会、乡镇人民政府', 'smallWorks'],
    ['GC-06', '一事一议筹资筹劳', 'One-matter-one-discussion levies of money and labour', '村民一事一议筹资筹劳管理办法（国办发〔2007〕4号）', TWO_COMMITTEES, '村务监督委员会、乡镇农经站', 'fourAndTwo'],
    ['GC-07', '项目资金使用', 'Use of project grants', FINANCE_RULES, '村民委员会', WATCH, 'expense'],
  ]],
  ['民生保障事务', [
    ['MS-01', '最低生活保障申请初审', 'First check of minimum living allowance applications', '社会救助暂行办法（国务院令第649号）', '村民委员会', '村务监督委员会、乡镇民政办', 'assistance'],
    ['MS-02', '特困人员供养申请初审', 'First check of extreme-poverty support applications', '社会救助暂行办法（国务院令第649号）', '村民委员会', '村务监督委员会、乡镇民政办', 'assistance'],
    ['MS-03', '临时救助申请初审', 'First check of temporary assistance applications', '国务院关于全面建立临时救助制度的通知（国发〔2014〕47号）', '村民委员会', '村务监督委员会、乡镇民政办', 'assistance'],
    ['MS-04', '宅基地申请审核', 'Homestead applications', '中华人民共和国土地管理法第六十二条', '村民委员会、村股份经济合作社', '村务监督委员会、乡镇农业农村办', 'assistance'],
    ['MS-05', '残疾人两项补贴申请初审', 'First check of disability subsidy applications', '国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见（国发〔2015〕52号）', '村民委员会', '村务监督委员会、乡镇残联', 'assistance'],
    ['MS-06', '惠农补贴面积和对象核实', 'Checking land areas and recipients of farm subsidies', '财政部 农业农村部关于全面推开农业"三项补贴"改革工作的通知（财农〔2016〕26号）', '村民委员会', '村务监督委员会、乡镇农业农村办', 'assistance'],
    ['MS-07', '救灾救济款物发放', 'Handing out disaster relief', '自然灾害救助条例', '村民委员会', WATCH, 'assistance'],
    ['MS-08', '集体经济组织成员身份确认', 'Confirming membership of the collective', COLLECTIVE_LAW, '村股份经济合作社', '村务监督委员会、乡镇农经站', 'fourAndTwo'],
  ]],
  ['村务日常管理', [
    ['CW-01', '村级印章使用管理', 'Use of village seals', `${VILLAGE_LAW}；${PARTY_RULES}`, TWO_COMMITTEES, WATCH, 'register'],
    ['CW-02', '村级证明事项出具', 'Issuing village certificates', '村级证明事项清单', '村民委员会', '村务监督委员会、乡镇人民政府', 'register'],
    ['CW-03', '村务公开', 'Publishing village affairs', `${VILLAGE_LAW}第三十条`, '村民委员会', '村务监督委员会、乡镇人民政府', 'register'],
    ['CW-04', '发展党员', 'Admitting Party members', '中国共产党发展党员工作细则', '村党组织', '乡镇党委', 'register'],
    ['CW-05', '村级档案管理', 'Village archives', '中华人民共和国档案法', '村民委员会', '村务监督委员会、乡镇档案室', 'register'],
    ['CW-06', '矛盾纠纷调解', 'Mediating disputes', '中华人民共和国人民调解法', '村人民调解委员会', '乡镇司法所', 'mediation'],
  ]],
]; // prettier-ignore

export function demoMicroPowers(): DemoMicroPower[] {
  return CATEGORIES.flatMap(([category, rows]) =>
    rows.map(([code, nameZh, nameEn, legalBasis, responsibleUnit, supervisingUnit, procedure]) => ({
      code,
      category,
      nameZh,
      nameEn,
      legalBasis,
      responsibleUnit,
      supervisingUnit,
      steps: stepsOf(procedure, nameZh.replace(/申请初审$|申请审核$/, '')),
    })),
  );
}
