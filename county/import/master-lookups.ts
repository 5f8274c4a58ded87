/**
 * What rows are checked against, read once from the master database into Maps: programs by code, Chinese name
 * and alias; townships and villages by name.
 */
import type { MasterDatabase } from '../master/open-master';

export interface MasterLookups {
  /** Code, name_zh and every alias (as normalised by `programKey`) → program code. */
  programs: ReadonlyMap<string, string>;
  /** Township name → code. */
  townships: ReadonlyMap<string, string>;
  /** Township code → village name → village code. */
  villagesInTownship: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Village name → code, or null when several villages of the county share that name. */
  villagesByName: ReadonlyMap<string, string | null>;
  /** Township code → name, for messages. */
  townshipNames: ReadonlyMap<string, string>;
}

/** Program names compared without spaces and with full-width forms folded (低保 金 = 低保金). */
export function programKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function loadLookups(db: MasterDatabase): MasterLookups {
  const programs = new Map<string, string>();
  const programRows = db.prepare('SELECT code, name_zh FROM programs').all() as {
    code: string;
    name_zh: string;
  }[];
  for (const { code, name_zh } of programRows) {
    programs.set(programKey(code), code);
    programs.set(programKey(name_zh), code);
  }
  const aliases = db.prepare('SELECT alias, program_code FROM program_aliases').all() as {
    alias: string;
    program_code: string;
  }[];
  for (const { alias, program_code } of aliases) {
    const key = programKey(alias);
    if (!programs.has(key)) programs.set(key, program_code);
  }

  const regions = db
    .prepare(`SELECT code, parent_code, level, name FROM regions WHERE level IN ('township', 'village')`)
    .all() as { code: string; parent_code: string; level: 'township' | 'village'; name: string }[];
  const townships = new Map<string, string>();
  const townshipNames = new Map<string, string>();
  const villagesInTownship = new Map<string, Map<string, string>>();
  const villagesByName = new Map<string, string | null>();
  for (const region of regions) {
    if (region.level === 'township') {
      townships.set(region.name, region.code);
      townshipNames.set(region.code, region.name);
    } else {
      let villages = villagesInTownship.get(region.parent_code);
      if (villages === undefined) villagesInTownship.set(region.parent_code, (villages = new Map()));
      villages.set(region.name, region.code);
      villagesByName.set(region.name, villagesByName.has(region.name) ? null : region.code);
    }
  }
  return { programs, townships, villagesInTownship, villagesByName, townshipNames };
}
