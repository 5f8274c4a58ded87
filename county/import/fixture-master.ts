/**
 * A small master database for the importer's tests and benchmark: the county 岚溪县 (359901, a prefecture
 * GB/T 2260 does not assign), a few townships and villages (两个乡 each have a 新村, so a bare 新村 is
 * ambiguous), and the programs departments export, with the aliases they use.
 */
import { writeCounty } from '../master/county-settings';
import { openMaster, type MasterDatabase } from '../master/open-master';

export const FIXTURE_COUNTY_CODE = '359901';

const REGIONS: readonly (readonly [code: string, parent: string | null, level: string, name: string])[] = [
  ['359901', null, 'county', '岚溪县'],
  ['359901100', '359901', 'township', '城关镇'],
  ['359901100001', '359901100', 'village', '城东社区'],
  ['359901100200', '359901100', 'village', '上坪村'],
  ['359901100201', '359901100', 'village', '新村'],
  ['359901200', '359901', 'township', '梅山乡'],
  ['359901200200', '359901200', 'village', '梅山村'],
  ['359901200201', '359901200', 'village', '竹林村'],
  ['359901200202', '359901200', 'village', '新村'],
  ['359901201', '359901', 'township', '白沙乡'],
  ['359901201200', '359901201', 'village', '白沙村'],
  ['359901201202', '359901201', 'village', '新厝村'],
];

const PROGRAMS: readonly (readonly [code: string, nameZh: string, department: string, standardFen: number | null, unitZh: string, frequency: string])[] = [
  ['dibao', '城乡低保', '县民政局', 81000, '元/人/月', 'monthly'],
  ['tekun', '特困人员救助供养', '县民政局', 105300, '元/人/月', 'monthly'],
  ['temporary-relief', '临时救助', '县民政局', null, '元/次', 'once'],
  ['elderly-allowance', '高龄津贴', '县民政局', 10000, '元/人/月', 'monthly'],
  ['farmland-fertility', '耕地地力保护补贴', '县农业农村局', 11250, '元/亩/年', 'yearly'],
  ['disability-two', '残疾人两项补贴', '县残疾人联合会', 9000, '元/人/月', 'monthly'],
  ['reservoir-resettlement', '大中型水库移民后期扶持', '县水利局', 60000, '元/人/年', 'yearly'],
]; // prettier-ignore

const ALIASES: readonly (readonly [alias: string, code: string])[] = [
  ['低保金', 'dibao'],
  ['农村低保', 'dibao'],
  ['特困供养', 'tekun'],
  ['高龄补贴', 'elderly-allowance'],
  ['耕地地力补贴', 'farmland-fertility'],
];

/** Creates (or opens) `file` as a master database holding the fixture county, regions and programs. */
export function createFixtureMaster(file: string): MasterDatabase {
  const db = openMaster(file, { create: true });
  db.transaction(() => {
    writeCounty(db, { code: FIXTURE_COUNTY_CODE, name: '岚溪县', hotline: '12345' }, new Date());
    const region = db.prepare(
      'INSERT OR IGNORE INTO regions (code, parent_code, level, name) VALUES (?, ?, ?, ?)',
    );
    for (const row of REGIONS) region.run(...row);
    const program = db.prepare(
      `INSERT OR IGNORE INTO programs (code, name_zh, name_en, category, department, policy_basis, standard_fen,
         unit_zh, unit_en, frequency, eligibility, process, materials, phone)
       VALUES (?, ?, ?, 'test', ?, '—', ?, ?, '—', ?, '—', '—', '—', '12345')`,
    );
    for (const [code, nameZh, department, standardFen, unitZh, frequency] of PROGRAMS) {
      program.run(code, nameZh, code, department, standardFen, unitZh, frequency);
    }
    const alias = db.prepare('INSERT OR IGNORE INTO program_aliases (alias, program_code) VALUES (?, ?)');
    for (const row of ALIASES) alias.run(...row);
  })();
  return db;
}
