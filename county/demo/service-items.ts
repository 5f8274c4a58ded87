/**
 * 我要办事: the service guide of a township service hall, 64 items in the shape county guides print them
 * (conditions, materials, steps, time limit in working days, fee, department, phone). Each item is written
 * here; its steps follow one of a few handling routes (当场办结, 乡镇受理县级审批, ...), spelled out with the
 * item's own department. Every phone number is the 12345 hotline.
 */

export interface DemoServiceItem {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  conditions: string;
  materials: string[];
  steps: string[];
  /** Working days; null where the work follows the yearly calendar (集中申报). */
  timeLimitDays: number | null;
  fee: string;
  department: string;
  phone: string;
}

type Route = 'onTheSpot' | 'townshipThenCounty' | 'countyWindow' | 'yearlyDeclaration' | 'villageCertificate';

const ID = '申请人身份证';
const HOUSEHOLD = '户口簿';
const CARD = '"一卡通"账户或社会保障卡';

function stepsOf(route: Route, department: string): string[] {
  switch (route) {
    case 'onTheSpot':
      return [
        '到乡镇（街道）便民服务中心窗口或通过政务服务网提交材料',
        '窗口工作人员当场核验',
        '材料齐全的当场办结',
      ];
    case 'townshipThenCounty':
      return [
        '向户籍所在地乡镇（街道）便民服务中心提出申请',
        '村（居）委会协助核实情况并出具意见',
        '乡镇（街道）审核，需公示的在村（居）务公开栏公示7天',
        `${department}审批`,
        '告知办理结果；资金通过"一卡通"发放或证件送达',
      ];
    case 'countyWindow':
      return [
        '在乡镇（街道）便民服务中心代办窗口或县行政服务中心提交材料',
        `${department}受理并审查`,
        '需要现场核查的，安排工作人员实地核查',
        '作出决定并通知申请人领取结果',
      ];
    case 'yearlyDeclaration':
      return [
        '在县里公布的申报期内向村（居）委会申报',
        '村级核实并公示7天',
        '乡镇（街道）审核汇总',
        `${department}审定`,
        '资金按年度通过"一卡通"发放到户',
      ];
    case 'villageCertificate':
      return ['向村（居）委会提出申请并说明用途', '村（居）委会核实', '按证明事项清单出具证明并登记'];
  }
}

type Row = readonly [
  code: string,
  nameZh: string,
  nameEn: string,
  category: string,
  department: string,
  conditions: string,
  materials: readonly string[],
  route: Route,
  timeLimitDays: number | null,
];

// prettier-ignore
const ROWS: readonly Row[] = [
  ['SJ-01', '最低生活保障申请', 'Apply for the minimum living allowance', '社会救助', '县民政局', '本县户籍，共同生活的家庭成员人均收入低于当地低保标准，家庭财产符合规定。', [ID, HOUSEHOLD, '家庭成员收入及财产申报表', '家庭经济状况核对授权书', CARD], 'townshipThenCounty', 30],
  ['SJ-02', '特困人员救助供养申请', 'Apply for support in extreme poverty', '社会救助', '县民政局', '无劳动能力、无生活来源、无法定义务人或义务人无履行能力的老年人、残疾人、未成年人。', [ID, HOUSEHOLD, '残疾人证（残疾人提供）', '本人及义务人经济状况声明', CARD], 'townshipThenCounty', 20],
  ['SJ-03', '临时救助申请', 'Apply for temporary assistance', '社会救助', '县民政局', '因意外事件、突发重大疾病等导致基本生活暂时出现严重困难的家庭或个人。', [ID, HOUSEHOLD, '困难情况说明', '医疗票据或事故证明等佐证材料', CARD], 'townshipThenCounty', 10],
  ['SJ-04', '低保、特困对象信息变更', 'Change the details of an allowance recipient', '社会救助', '县民政局', '已纳入低保或特困供养，家庭人口、收入、住址或账户发生变化。', [ID, HOUSEHOLD, '变更情况说明及证明材料'], 'townshipThenCounty', 10],
  ['SJ-05', '医疗救助申请', 'Apply for medical assistance', '社会救助', '县医疗保障局', '低保对象、特困人员、低收入家庭成员及因病致贫重病患者，个人负担医疗费用较重。', [ID, HOUSEHOLD, '住院结算单及费用清单', '出院记录', CARD], 'townshipThenCounty', 15],
  ['SJ-06', '教育救助申请', 'Apply for education assistance', '社会救助', '县教育局', '低保、特困、低收入家庭在读学生。', [ID, HOUSEHOLD, '学生在读证明', '家庭困难证明材料', CARD], 'townshipThenCounty', 15],
  ['SJ-07', '农村低收入群体危房改造申请', 'Apply for rural dilapidated-house renovation', '社会救助', '县住房和城乡建设局', '农村低保户、特困户、低保边缘户等，住房经鉴定为C级或D级危房。', [ID, HOUSEHOLD, '房屋安全性鉴定结论', '改造申请书', CARD], 'townshipThenCounty', 30],
  ['SJ-08', '孤儿和事实无人抚养儿童认定', 'Recognition of orphans and children without de facto care', '社会救助', '县民政局', '未满18周岁，父母死亡、失踪，或父母重残、重病、服刑等无法履行抚养义务。', ['儿童及监护人身份证', HOUSEHOLD, '父母死亡、失踪或无法履行抚养义务的证明', '监护关系证明'], 'townshipThenCounty', 20],
  ['YL-01', '高龄津贴申领', 'Claim the old-age allowance', '养老服务', '县民政局', '本县户籍，年满80周岁的老年人。', [ID, HOUSEHOLD, CARD, '代办的提供代办人身份证'], 'townshipThenCounty', 10],
  ['YL-02', '老年人优待证办理', 'Senior citizen card', '养老服务', '县民政局', '年满60周岁的本县户籍老年人。', [ID, '近期一寸免冠照片1张'], 'onTheSpot', 1],
  ['YL-03', '经济困难失能老年人护理补贴申请', 'Care subsidy for poor elderly people who cannot look after themselves', '养老服务', '县民政局', '低保、特困家庭中经评估为失能的老年人。', [ID, HOUSEHOLD, '老年人能力评估报告', CARD], 'townshipThenCounty', 15],
  ['YL-04', '特困人员集中供养（入住敬老院）申请', 'Move into the township care home', '养老服务', '县民政局', '已认定的特困人员，本人自愿集中供养。', [ID, HOUSEHOLD, '特困人员认定材料', '健康体检报告'], 'townshipThenCounty', 20],
  ['YL-05', '城乡居民养老保险参保登记', 'Join the residents\' pension insurance', '社会保险', '县人力资源和社会保障局', '年满16周岁（不含在校学生），未参加职工基本养老保险的本县户籍居民。', [ID, HOUSEHOLD], 'onTheSpot', 1],
  ['YL-06', '城乡居民养老保险待遇领取', 'Start drawing the residents\' pension', '社会保险', '县人力资源和社会保障局', '参保人年满60周岁，累计缴费满15年（或按规定补缴）。', [ID, HOUSEHOLD, CARD], 'countyWindow', 10],
  ['YL-07', '养老保险待遇领取资格认证', 'Annual proof of life for pensioners', '社会保险', '县人力资源和社会保障局', '正在领取城乡居民养老保险待遇的人员，每年认证一次。', [ID], 'onTheSpot', 1],
  ['YL-08', '城乡居民养老保险关系转移', 'Transfer residents\' pension insurance', '社会保险', '县人力资源和社会保障局', '参保人跨县（市、区）迁移户籍，尚未领取待遇。', [ID, '户籍迁移证明', '参保缴费凭证'], 'countyWindow', 15],
  ['CJ-01', '残疾人证办理（首次申领）', 'First disability certificate', '残疾人服务', '县残疾人联合会', '视力、听力、言语、肢体、智力、精神等方面有长期损伤的本县户籍居民。', [ID, HOUSEHOLD, '近期二寸免冠照片3张', '相关病历资料'], 'countyWindow', 20],
  ['CJ-02', '残疾人证换领、补办、迁移', 'Renew, replace or move a disability certificate', '残疾人服务', '县残疾人联合会', '残疾人证有效期满、遗失、损毁或户籍迁移。', [ID, '原残疾人证（补办除外）', '近期二寸免冠照片2张'], 'countyWindow', 10],
  ['CJ-03', '困难残疾人生活补贴和重度残疾人护理补贴申请', 'Apply for the two disability subsidies', '残疾人服务', '县残疾人联合会', '低保家庭中的残疾人；残疾等级为一、二级且需长期照护的重度残疾人。', [ID, HOUSEHOLD, '第二代残疾人证', '低保证（申请生活补贴的）', CARD], 'townshipThenCounty', 15],
  ['CJ-04', '残疾人辅助器具适配申请', 'Apply for assistive devices', '残疾人服务', '县残疾人联合会', '持有第二代残疾人证，经评估需要适配辅助器具。', [ID, '第二代残疾人证', '辅助器具需求评估表'], 'countyWindow', 20],
  ['CJ-05', '残疾儿童康复救助申请', 'Rehabilitation aid for disabled children', '残疾人服务', '县残疾人联合会', '0—6周岁（可放宽至14周岁）经诊断需要康复的残疾儿童。', ['儿童及监护人身份证', HOUSEHOLD, '医疗机构诊断证明'], 'countyWindow', 15],
  ['NY-01', '耕地地力保护补贴面积申报', 'Declare farmland for the fertility subsidy', '农业农村', '县农业农村局', '拥有耕地承包权的种地农民，耕地未改变用途、未抛荒。', [ID, HOUSEHOLD, '土地承包经营权证或承包合同', CARD], 'yearlyDeclaration', null],
  ['NY-02', '农机购置补贴申请', 'Apply for the farm machinery subsidy', '农业农村', '县农业农村局', '从事农业生产的个人和组织，购置列入补贴范围的农机具。', [ID, '购机发票', '机具铭牌照片', '人机合影', CARD], 'countyWindow', 15],
  ['NY-03', '农村宅基地和建房申请', 'Apply for a homestead and a building permit', '农业农村', '县农业农村局', '本村集体经济组织成员，符合"一户一宅"和分户条件，建房选址符合村庄规划。', [ID, HOUSEHOLD, '农村宅基地和建房（规划许可）申请表', '村民小组会议讨论意见', '建房设计图或通用图'], 'townshipThenCounty', 20],
  ['NY-04', '土地承包经营权流转合同备案', 'File a land transfer contract', '农业农村', '县农业农村局', '承包农户依法流转土地经营权并签订书面合同。', [ID, '土地经营权流转合同', '土地承包经营权证'], 'onTheSpot', 5],
  ['NY-05', '土地承包经营权变更登记', 'Change a land contract registration', '农业农村', '县农业农村局', '因分户、互换、转让或承包方家庭成员变化需要变更登记。', [ID, HOUSEHOLD, '变更协议或证明', '原土地承包经营权证'], 'countyWindow', 20],
  ['NY-06', '政策性农业保险投保与理赔', 'Insure crops and livestock, and claim', '农业农村', '县农业农村局', '种植水稻、茶叶等参保作物或养殖能繁母猪等参保畜禽的农户。', [ID, '种养殖面积或存栏数量清单', CARD, '出险后提供损失照片'], 'countyWindow', null],
  ['NY-07', '家庭农场名录登记', 'Register a family farm', '农业农村', '县农业农村局', '以家庭成员为主要劳动力、经营规模达到县级标准的农户。', [ID, HOUSEHOLD, '土地承包或流转合同', '经营情况说明'], 'countyWindow', 5],
  ['NY-08', '农村集体经济组织成员身份确认', 'Confirm membership of the village collective', '农业农村', '县农业农村局', '户籍在本村并与本村集体形成稳定权利义务关系的村民。', [ID, HOUSEHOLD, '成员身份确认申请表'], 'townshipThenCounty', 30],
  ['LY-01', '林木采伐许可证核发', 'Timber felling permit', '林业生态', '县林业局', '采伐自有或承包山林的林木（农村居民自留地、房前屋后个人所有零星林木除外）。', [ID, '林权证或林地承包合同', '采伐申请表', '伐区调查设计'], 'countyWindow', 10],
  ['LY-02', '生态公益林补偿资金领取', 'Collect ecological forest compensation', '林业生态', '县林业局', '山林经区划界定为生态公益林的林权权利人。', [ID, HOUSEHOLD, '林权证或林地承包合同', CARD], 'yearlyDeclaration', null],
  ['LY-03', '退耕还林补助兑现', 'Collect the grain-to-green subsidy', '林业生态', '县林业局', '纳入退耕还林计划并经检查验收合格的退耕农户。', [ID, '退耕还林合同', '验收合格面积确认表', CARD], 'yearlyDeclaration', null],
  ['LY-04', '草原禁牧补助申报', 'Declare grassland under a grazing ban', '林业生态', '县林业局', '承包草原并签订禁牧责任书的农牧户。', [ID, HOUSEHOLD, '草原承包经营权证或承包合同', '禁牧责任书', CARD], 'yearlyDeclaration', null],
  ['LY-05', '林权类不动产登记代办', 'Forest title registration (through the township)', '林业生态', '县自然资源局', '集体林地承包、流转或继承后需要办理林权登记。', [ID, HOUSEHOLD, '林地承包合同或流转合同', '宗地图'], 'countyWindow', 20],
  ['SL-01', '大中型水库移民后期扶持人口核定', 'Register as a reservoir migrant', '水利移民', '县水利局', '2006年6月30日前搬迁的大中型水库农村移民。', [ID, HOUSEHOLD, '搬迁安置证明'], 'townshipThenCounty', 30],
  ['SL-02', '移民后期扶持资金账户变更', 'Change the account for reservoir support', '水利移民', '县水利局', '已核定的扶持人员"一卡通"账户变更。', [ID, '新账户凭证'], 'onTheSpot', 5],
  ['YB-01', '城乡居民基本医疗保险参保登记', 'Join residents\' medical insurance', '医疗保障', '县医疗保障局', '未参加职工医保的本县户籍居民及持居住证的常住人员。', [ID, HOUSEHOLD], 'onTheSpot', 1],
  ['YB-02', '异地就医备案', 'Register to see a doctor in another province', '医疗保障', '县医疗保障局', '异地长期居住、工作或转诊转院的参保人员。', [ID, '异地居住或转诊证明（按类别提供）'], 'onTheSpot', 1],
  ['YB-03', '门诊慢特病待遇认定', 'Recognition of a chronic condition for outpatient cover', '医疗保障', '县医疗保障局', '患有高血压、糖尿病等规定病种的参保人员。', [ID, '二级以上医院诊断证明', '相关检查报告'], 'countyWindow', 15],
  ['YB-04', '医疗费用手工报销', 'Claim back medical costs', '医疗保障', '县医疗保障局', '因急诊、转诊等未能直接结算医疗费用的参保人员。', [ID, '医疗费用发票', '费用清单', '出院记录', CARD], 'countyWindow', 20],
  ['JY-01', '就业登记与失业登记', 'Register employment or unemployment', '就业创业', '县人力资源和社会保障局', '法定劳动年龄内、有劳动能力和就业愿望的城乡劳动者。', [ID], 'onTheSpot', 1],
  ['JY-02', '就业困难人员认定', 'Recognition as hard to employ', '就业创业', '县人力资源和社会保障局', '已办理失业登记，且属于大龄、残疾、低保家庭等就业困难情形。', [ID, '失业登记证明', '困难情形证明材料'], 'countyWindow', 10],
  ['JY-03', '创业担保贷款申请', 'Apply for a guaranteed start-up loan', '就业创业', '县人力资源和社会保障局', '返乡创业农民工、退役军人、高校毕业生等，已办理营业执照。', [ID, '营业执照', '创业计划书', '经营场所证明'], 'countyWindow', 15],
  ['JY-04', '职业技能培训补贴申领', 'Claim a vocational training subsidy', '就业创业', '县人力资源和社会保障局', '参加政府补贴性职业技能培训并取得证书的劳动者。', [ID, '培训合格证书', CARD], 'countyWindow', 20],
  ['JY-05', '公益性岗位申请', 'Apply for a public-welfare job', '就业创业', '县人力资源和社会保障局', '就业困难人员、脱贫劳动力等，有劳动能力。', [ID, HOUSEHOLD, '就业困难人员认定证明'], 'townshipThenCounty', 10],
  ['TY-01', '退役军人优待证申领', 'Veteran\'s preferential treatment card', '退役军人服务', '县退役军人事务局', '退役军人和其他优抚对象。', [ID, '退役证件', '近期免冠照片'], 'countyWindow', 15],
  ['TY-02', '优抚对象定期抚恤补助申请', 'Apply for the periodic veterans\' allowance', '退役军人服务', '县退役军人事务局', '在乡复员军人、带病回乡退伍军人、参战参试退役人员等。', [ID, HOUSEHOLD, '退役证件', '认定类别所需证明', CARD], 'townshipThenCounty', 20],
  ['TY-03', '退役军人信息采集', 'Veterans\' information record', '退役军人服务', '县退役军人事务局', '户籍在本县的退役军人。', [ID, '退役证件'], 'onTheSpot', 1],
  ['TY-04', '残疾军人伤残抚恤关系迁移', 'Move a disabled veteran\'s pension', '退役军人服务', '县退役军人事务局', '残疾军人户籍跨县迁移。', [ID, '残疾军人证', '户籍迁移证明'], 'countyWindow', 15],
  ['WJ-01', '生育登记', 'Birth registration (生育登记)', '卫生健康', '县卫生健康局', '夫妻生育子女（一孩、二孩、三孩）均可登记。', ['夫妻双方身份证', '结婚证'], 'onTheSpot', 1],
  ['WJ-02', '农村部分计划生育家庭奖励扶助申报', 'Declare for the family-planning reward', '卫生健康', '县卫生健康局', '本县农业户籍，1973年至2001年间只生育一个子女或合法生育两个女孩，年满60周岁。', [ID, HOUSEHOLD, '结婚证', '独生子女父母光荣证或生育情况证明', CARD], 'yearlyDeclaration', null],
  ['WJ-03', '计划生育特别扶助申报', 'Declare for special family-planning support', '卫生健康', '县卫生健康局', '独生子女死亡或伤残，女方年满49周岁，现无存活子女或未再生育、收养子女。', [ID, HOUSEHOLD, '子女死亡证明或残疾人证', CARD], 'yearlyDeclaration', null],
  ['BM-01', '惠民资金"一卡通"开户及信息变更', 'Open or change the benefit account (一卡通)', '便民服务', '县财政局', '享受惠民惠农补贴的本县居民。', [ID, HOUSEHOLD], 'onTheSpot', 1],
  ['BM-02', '"一卡通"挂失补卡', 'Report a lost benefit card and get a new one', '便民服务', '县财政局', '"一卡通"存折或银行卡遗失、损坏。', [ID], 'onTheSpot', 1],
  ['BM-03', '惠民惠农资金查询', 'Look up benefit payments', '便民服务', '县纪委监委', '本人或持本人身份证的代办人。', [ID], 'onTheSpot', 1],
  ['BM-04', '居住证申领', 'Residence permit', '便民服务', '县公安局', '离开常住户口所在地，在本县居住半年以上，有合法稳定就业、住所或连续就读。', [ID, '居住地住址证明', '就业或就读证明'], 'countyWindow', 15],
  ['BM-05', '户口迁移（投靠亲属）', 'Move household registration to join family', '便民服务', '县公安局', '夫妻、子女、父母之间投靠，符合本县落户条件。', [ID, HOUSEHOLD, '亲属关系证明', '被投靠人户口簿'], 'countyWindow', 10],
  ['BM-06', '基本殡葬服务费用减免', 'Waiver of basic funeral costs', '便民服务', '县民政局', '本县户籍居民死亡后火化，由家属申请。', ['逝者身份证及死亡证明', '经办人身份证', '火化证明'], 'onTheSpot', 5],
  ['BM-07', '法律援助申请', 'Apply for legal aid', '便民服务', '县司法局', '经济困难，追索赡养费、劳动报酬、工伤赔偿等事项需要法律帮助。', [ID, '经济困难状况说明表', '与案件有关的材料'], 'countyWindow', 7],
  ['BM-08', '人民调解申请', 'Ask for mediation of a dispute', '便民服务', '县司法局', '邻里、婚姻家庭、土地承包等民间纠纷，当事人自愿调解。', [ID, '纠纷情况说明'], 'townshipThenCounty', 30],
  ['BM-09', '村（居）民证明事项出具', 'Village certificate (from the list of permitted certificates)', '便民服务', '乡镇人民政府', '属于村级证明事项清单内的事项。', [ID, HOUSEHOLD, '用途说明'], 'villageCertificate', 1],
  ['BM-10', '雨露计划职业教育补助申请', 'Rain and Dew vocational education grant', '便民服务', '县农业农村局（乡村振兴）', '脱贫家庭和监测帮扶对象家庭中接受中、高等职业教育的子女。', [ID, HOUSEHOLD, '学籍证明或录取通知书', CARD], 'townshipThenCounty', 20],
  ['BM-11', '生源地信用助学贷款', 'Student loan through the home county', '便民服务', '县教育局', '家庭经济困难的全日制普通高校新生和在校生。', ['学生及共同借款人身份证', HOUSEHOLD, '录取通知书或学生证'], 'countyWindow', null],
  ['BM-12', '留言投诉与意见反映', 'Leave a message or a complaint', '便民服务', '县纪委监委', '对惠民资金发放、村务公开等有疑问或意见的群众。', ['可实名或匿名，实名的提供联系电话'], 'countyWindow', 15],
];

export function demoServiceItems(): DemoServiceItem[] {
  return ROWS.map(
    ([code, nameZh, nameEn, category, department, conditions, materials, route, timeLimitDays]) => ({
      code,
      nameZh,
      nameEn,
      category,
      conditions,
      materials: [...materials],
      steps: stepsOf(route, department),
      timeLimitDays,
      fee: '不收费',
      department,
      phone: '12345',
    }),
  );
}
