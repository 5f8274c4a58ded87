/**
 * The demo county's places. Its code 359901 lies in province 35 (which exists) but prefecture 99, which
 * GB/T 2260 does not assign, so no generated ID number can belong to a real person. Township and village
 * codes extend it the way the statistical division codes do: towns 1xx, townships 2xx; communities 0xx,
 * villages 2xx; village groups (村民小组) add three digits more.
 *
 * Up to 48,000 residents the county has its 6 named townships and 24 villages; a larger county grows more
 * villages (about 2,000 residents each, as real ones have) and more townships, with generated names. The
 * layout depends only on the number of residents, not on the seed.
 */
import type { DemoRegions, DemoTownship, DemoVillage } from './model';
import { createRandom } from './random';

export const DEMO_COUNTY_CODE = '359901';
/** Neighbouring demo counties, for people who married or moved in; equally unassigned. */
export const NEIGHBOUR_COUNTY_CODES = ['359902', '359903'];

const TOWNSHIPS: readonly { suffix: string; name: string; villages: readonly (readonly [string, string])[] }[] = [
  { suffix: '100', name: '城关镇', villages: [['001', '城东社区'], ['002', '城西社区'], ['200', '上坪村'], ['201', '下洋村']] },
  { suffix: '101', name: '溪口镇', villages: [['200', '溪口村'], ['201', '后垄村'], ['202', '坑头村'], ['203', '石门村']] },
  { suffix: '200', name: '梅山乡', villages: [['200', '梅山村'], ['201', '竹林村'], ['202', '岭下村'], ['203', '洋中村']] },
  { suffix: '201', name: '白沙乡', villages: [['200', '白沙村'], ['201', '东山村'], ['202', '新厝村'], ['203', '大坪村']] },
  { suffix: '202', name: '桃源乡', villages: [['200', '桃源村'], ['201', '水口村'], ['202', '庄头村'], ['203', '半岭村']] },
  { suffix: '203', name: '云峰畲族乡', villages: [['200', '云峰村'], ['201', '蓝田村'], ['202', '雷家坪村'], ['203', '钟山村']] },
]; // prettier-ignore

/** Villages resettled for a large reservoir (水库移民), whose residents receive 后期扶持: 新厝村, 水口村. */
export const RESERVOIR_VILLAGE_CODES = ['359901201202', '359901202201'];
/** 云峰畲族乡, where some families keep hill pasture under the grassland programme. */
export const HERDING_TOWNSHIP_CODE = '359901203';

const RESIDENTS_PER_VILLAGE = 2000;
const VILLAGES_PER_TOWNSHIP = 16;

const PLACE_FIRST = [...'东西南北上下前后大小新高石竹松梅桃杨柳枫茶岩云龙凤金银玉溪湖塘洋坪'];
const PLACE_SECOND = [...'坪洋坑垄岭山溪坂厝头口湾岗墩洲塘源田寨埔桥林坡亭店'];
/** A third character for more names than two characters allow (a county of two million has 1,000 villages). */
const PLACE_THIRD = [...'头下里尾前后边上口墘'];
const NUMERALS = [...'一二三四五六七八九十'];

function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1] ?? String(n);
  return `十${NUMERALS[n - 11] ?? ''}`;
}

/** True for an urban community (社区, codes 0xx), which has residents' groups and no farmland. */
export function isCommunity(villageCode: string): boolean {
  return villageCode.charAt(9) === '0';
}

export function villageCountFor(residents: number): number {
  return Math.max(24, Math.ceil(residents / RESIDENTS_PER_VILLAGE));
}

export function demoRegions(residents: number): DemoRegions {
  // A fixed stream: the same number of residents always gives the same places and names.
  const random = createRandom(20260101);
  const usedNames = new Set<string>(TOWNSHIPS.flatMap((t) => [t.name, ...t.villages.map(([, n]) => n)]));
  const placeName = (suffix: string): string => {
    for (;;) {
      const third = random.chance(0.3) ? random.pick(PLACE_THIRD) : '';
      const name = random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + third + suffix;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const villageCount = villageCountFor(residents);
  const townshipCount = Math.max(TOWNSHIPS.length, Math.ceil(villageCount / VILLAGES_PER_TOWNSHIP));
  const layout = TOWNSHIPS.map((t) => ({
    suffix: t.suffix,
    name: t.name,
    villages: t.villages.map(([suffix, name]) => ({ suffix, name })),
  }));
  let nextTown = 102;
  let nextTownship = 204;
  for (let i = layout.length; i < townshipCount; i++) {
    const town = i % 2 === 0;
    const suffix = String(town ? nextTown++ : nextTownship++);
    layout.push({
      suffix,
      name: placeName(town ? '镇' : '乡'),
      // A town's seat is an urban community.
      villages: town ? [{ suffix: '001', name: placeName('社区') }] : [],
    });
  }
  let remaining = villageCount - layout.reduce((sum, t) => sum + t.villages.length, 0);
  for (let i = 0; remaining > 0; i = (i + 1) % layout.length) {
    const township = layout[i];
    if (!township) break;
    const next = 200 + township.villages.filter((v) => v.suffix.startsWith('2')).length;
    township.villages.push({ suffix: String(next), name: placeName('村') });
    remaining -= 1;
  }

  const townships: DemoTownship[] = layout.map((township) => {
    const code = DEMO_COUNTY_CODE + township.suffix;
    return {
      code,
      name: township.name,
      villages: township.villages.map(({ suffix, name }): DemoVillage => {
        const villageCode = code + suffix;
        const community = isCommunity(villageCode);
        const groups = community ? random.int(3, 8) : random.int(4, 12);
        return {
          code: villageCode,
          name,
          groups: Array.from({ length: groups }, (_, g) => ({
            code: villageCode + String(g + 1).padStart(3, '0'),
            name: `第${chineseNumber(g + 1)}${community ? '居民小组' : '村民小组'}`,
          })),
        };
      }),
    };
  });
  return { code: DEMO_COUNTY_CODE, name: '岚溪县', townships };
}
