/**
 * 村务村财公开: a village's collective income and spending by month, each line with its voucher (记账凭证)
 * number. Income: the quarterly operating grant (上级补助), leases of collective assets (集体资产发包) in
 * January, and now and then a project grant (项目资金) that is then paid out as 工程款 in two or three
 * instalments. Spending: cadres' pay, office costs, public-welfare work.
 */
import type { LocalDate } from '../../domain/dates';
import type { FinanceRecord } from './model';
import type { Random } from './random';

const ASSETS = ['山林承包费', '鱼塘发包收入', '集体店面租金', '小水电站租赁费', '茶园承包费'];
const PROJECTS = ['高标准农田建设', '村道硬化', '农村人居环境整治', '美丽乡村建设', '安全饮水巩固提升', '村级文化活动中心建设']; // prettier-ignore
const OFFICE = ['办公用品', '水电费', '网络通讯费', '报刊订阅费', '会议误工补贴'];
const WELFARE = ['路灯维修', '河道清淤', '重阳节敬老慰问', '困难群众走访慰问', '村道绿化养护', '防汛物资'];
const INSTALMENTS = ['第一期', '第二期', '第三期'];

function yuan(random: Random, min: number, max: number): number {
  return random.int(min, max) * 100;
}

export function villageFinances(
  random: Random,
  villageCode: string,
  months: readonly string[],
  today: LocalDate,
  cadreCount: number,
): FinanceRecord[] {
  const rows: FinanceRecord[] = [];
  const leases = random.chance(0.7) ? random.pick(ASSETS) : null;
  const owedWorks: { month: string; item: string; amountFen: number }[] = [];
  for (const month of months) {
    if (`${month}-01` > today) break;
    const year = month.slice(0, 4);
    const monthNumber = Number(month.slice(5, 7));
    let voucher = 0;
    const add = (
      direction: FinanceRecord['direction'],
      category: string,
      item: string,
      amountFen: number,
    ) => {
      voucher += 1;
      rows.push({ villageCode, month, direction, category, item, amountFen, voucher: `记-${month.replace('-', '')}-${String(voucher).padStart(3, '0')}` }); // prettier-ignore
    };

    if (monthNumber % 3 === 1) {
      add(
        'income',
        '上级补助',
        `${year}年第${(monthNumber + 2) / 3}季度村级组织运转经费`,
        yuan(random, 30000, 60000),
      );
    }
    if (monthNumber === 1 && leases !== null)
      add('income', '集体资产发包', `${year}年度${leases}`, yuan(random, 5000, 50000));
    if (random.chance(0.06)) {
      const project = random.pick(PROJECTS);
      const grant = yuan(random, 50000, 500000);
      add('income', '项目资金', `${project}项目资金`, grant);
      const parts = random.int(2, 3);
      for (let i = 0; i < parts; i++) {
        const later = months[months.indexOf(month) + 1 + i];
        if (later) owedWorks.push({ month: later, item: `${project}工程款（${INSTALMENTS[i]}）`, amountFen: Math.floor((grant * 0.9) / parts) }); // prettier-ignore
      }
    }

    add('expense', '干部报酬', `${year}年${monthNumber}月村干部基本报酬`, Math.max(cadreCount, 4) * yuan(random, 2800, 3600)); // prettier-ignore
    add('expense', '办公费', random.pick(OFFICE), yuan(random, 200, 1500));
    add('expense', '公益事业', '保洁员工资', yuan(random, 1500, 2500));
    if (random.chance(0.15)) add('expense', '公益事业', random.pick(WELFARE), yuan(random, 1000, 20000));
    for (const work of owedWorks.filter((w) => w.month === month))
      add('expense', '工程款', work.item, work.amountFen);
  }
  return rows;
}
