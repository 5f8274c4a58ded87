/**
 * The demo county's places. Its code 359901 lies in province 35 (which exists) but prefecture 99, which
 * GB/T 2260 does not assign, so no generated ID number can belong to a real person. Township and village
 * codes extend it the way the statistical division codes do: towns 1xx, townships 2xx; communities 0xx,
 * villages 2xx.
 */
import type { DemoRegions } from './model';

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

export function demoRegions(): DemoRegions {
  return {
    code: DEMO_COUNTY_CODE,
    name: '岚溪县',
    townships: TOWNSHIPS.map((township) => {
      const code = DEMO_COUNTY_CODE + township.suffix;
      return {
        code,
        name: township.name,
        villages: township.villages.map(([suffix, name]) => ({ code: code + suffix, name })),
      };
    }),
  };
}
