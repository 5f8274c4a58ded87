/**
 * Writes the demo county into an empty county master database, village by village, through prepared
 * statements in one transaction per village. It is built for speed, not safety: while it runs the database
 * has no rollback journal, no syncs and no foreign-key checks (the generator keeps the references right and
 * the tests check them with PRAGMA foreign_key_check), so a failure leaves the file unusable. The `demo`
 * command therefore builds a fresh file beside the target and renames it into place only when done.
 */
import { DEFAULT_KDF_COST, TEST_KDF_COST } from '../../domain/published/replica-format';
import { createKdfParams } from '../../domain/published/sealing.nodejs';
import type { Progress } from '../cli/progress';
import { DEFAULT_SETTINGS, writeCounty, writeSetting } from '../master/county-settings';
import type { MasterDatabase } from '../master/open-master';
import type { DemoAnomaly, DemoCountyOptions, VillageChunk } from './model';
import { streamDemoCounty, type DemoCountyStream } from './stream';

export interface DemoWriteOptions extends DemoCountyOptions {
  /** scrypt cost of the county's sealing parameters: 'test' is fast and weak (default: 'default'). */
  kdfCost?: 'test' | 'default';
  /** When the county row says it was created (default: now). */
  now?: Date;
}

export interface DemoWriteResult {
  regions: number;
  households: number;
  residents: number;
  payments: number;
  rosters: number;
  rosterEntries: number;
  cadres: number;
  villageFinances: number;
  programs: number;
  serviceItems: number;
  microPowers: number;
  anomalies: DemoAnomaly[];
  /** The first 1,000 residents, for demos and tests that need someone to look up. */
  sample: { idNumber: string; name: string; birthDate: string }[];
}

const SAMPLE_SIZE = 1000;
const TABLES_THAT_MUST_BE_EMPTY = ['county', 'regions', 'persons', 'programs', 'payments'];

export class DemoTargetNotEmptyError extends Error {}

export function isMasterEmpty(db: MasterDatabase): boolean {
  return TABLES_THAT_MUST_BE_EMPTY.every(
    (table) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 0,
  );
}

function statements(db: MasterDatabase) {
  const insert = (table: string, columns: string) =>
    db.prepare(
      `INSERT INTO ${table} (${columns}) VALUES (${columns
        .split(',')
        .map(() => '?')
        .join(', ')})`,
    );
  return {
    region: insert('regions', 'code, parent_code, level, name'),
    program: insert('programs', 'code, name_zh, name_en, category, department, policy_basis, standard_fen, unit_zh, unit_en, frequency, eligibility, process, materials, phone'), // prettier-ignore
    alias: insert('program_aliases', 'alias, program_code'),
    serviceItem: insert('service_items', 'code, name_zh, name_en, category, conditions, materials, steps, time_limit_days, fee, department, phone'), // prettier-ignore
    microPower: insert('micro_powers', 'code, category, name_zh, name_en, legal_basis, responsible_unit, supervising_unit'), // prettier-ignore
    microPowerStep: insert('micro_power_steps', 'power_code, step_no, title, actor, detail'),
    household: insert('households', 'id, village_code, group_code'),
    person: insert('persons', 'id, id_number, name, sex, birth_date, village_code, household_id, relation, deceased_on'), // prettier-ignore
    payment: insert('payments', 'person_id, program_code, period, quantity_milli, standard_fen, amount_fen, planned_date, paid_date, status, card_tail, batch'), // prettier-ignore
    roster: insert('rosters', 'id, program_code, village_code, period, stage, posted_on, objections_until'),
    rosterEntry: insert('roster_entries', 'roster_id, person_id, quantity_milli, amount_fen'),
    cadre: insert('cadres', 'id, person_id, village_code, post, term_start, term_end'),
    cadreRelative: insert('cadre_relatives', 'cadre_id, person_id, relation'),
    finance: insert(
      'village_finances',
      'village_code, month, direction, category, item, amount_fen, voucher',
    ),
  };
}
type Statements = ReturnType<typeof statements>;

function writeCountyWide(
  db: MasterDatabase,
  s: Statements,
  county: DemoCountyStream,
  options: DemoWriteOptions,
): number {
  const { regions } = county;
  writeCounty(
    db,
    { code: regions.code, name: regions.name, hotline: county.hotline },
    options.now ?? new Date(),
  );
  writeSetting(db, 'kdf', createKdfParams(options.kdfCost === 'test' ? TEST_KDF_COST : DEFAULT_KDF_COST));
  writeSetting(db, 'roster_window_months', DEFAULT_SETTINGS.roster_window_months);
  writeSetting(db, 'manifest_expiry_days', DEFAULT_SETTINGS.manifest_expiry_days);

  let regionRows = 1;
  s.region.run(regions.code, null, 'county', regions.name);
  for (const township of regions.townships) {
    s.region.run(township.code, regions.code, 'township', township.name);
    regionRows += 1;
    for (const village of township.villages) {
      s.region.run(village.code, township.code, 'village', village.name);
      regionRows += 1;
      for (const group of village.groups) {
        s.region.run(group.code, village.code, 'group', group.name);
        regionRows += 1;
      }
    }
  }
  for (const p of county.programs) {
    s.program.run(p.code, p.nameZh, p.nameEn, p.category, p.department, p.policyBasis, p.standardFen, p.unitZh, p.unitEn, p.frequency, p.eligibility, p.process, p.materials, p.phone); // prettier-ignore
  }
  for (const [alias, code] of county.aliases) s.alias.run(alias, code);
  for (const item of county.serviceItems) {
    s.serviceItem.run(item.code, item.nameZh, item.nameEn, item.category, item.conditions, JSON.stringify(item.materials), JSON.stringify(item.steps), item.timeLimitDays, item.fee, item.department, item.phone); // prettier-ignore
  }
  for (const power of county.microPowers) {
    s.microPower.run(power.code, power.category, power.nameZh, power.nameEn, power.legalBasis, power.responsibleUnit, power.supervisingUnit); // prettier-ignore
    power.steps.forEach((step, i) =>
      s.microPowerStep.run(power.code, i + 1, step.title, step.actor, step.detail),
    );
  }
  return regionRows;
}

interface Counts {
  rosterIds: number;
  rosterEntries: number;
}

function writeVillage(s: Statements, village: VillageChunk, counts: Counts): void {
  for (const h of village.households) s.household.run(h.id, h.villageCode, h.groupCode);
  for (const r of village.residents) {
    const p = r.person;
    s.person.run(r.id, p.idNumber, p.name, p.sex, p.birthDate, p.villageCode, p.householdId, r.relation, r.deceasedOn); // prettier-ignore
  }
  for (const p of village.payments) {
    s.payment.run(p.personId, p.programCode, p.period, p.quantityMilli, p.standardFen, p.amountFen, p.plannedDate, p.paidDate, p.status, p.cardTail, p.batch); // prettier-ignore
  }
  for (const roster of village.rosters) {
    counts.rosterIds += 1;
    const id = counts.rosterIds;
    s.roster.run(id, roster.programCode, roster.villageCode, roster.period, roster.stage, roster.postedOn, roster.objectionsUntil); // prettier-ignore
    for (const e of roster.entries) s.rosterEntry.run(id, e.personId, e.quantityMilli, e.amountFen);
    counts.rosterEntries += roster.entries.length;
  }
  for (const cadre of village.cadres) {
    s.cadre.run(cadre.id, cadre.personId, cadre.villageCode, cadre.post, cadre.termStart, cadre.termEnd);
    for (const r of cadre.relatives) s.cadreRelative.run(cadre.id, r.personId, r.relation);
  }
  for (const f of village.finances) {
    s.finance.run(f.villageCode, f.month, f.direction, f.category, f.item, f.amountFen, f.voucher);
  }
}

/** Fills every table of an empty master database with the demo county; see the module comment for safety. */
export function writeDemoCounty(
  db: MasterDatabase,
  options: DemoWriteOptions,
  progress?: Progress,
): DemoWriteResult {
  const county = streamDemoCounty(options);
  if (!isMasterEmpty(db)) {
    throw new DemoTargetNotEmptyError('the master database already holds a county; build the demo into an empty one'); // prettier-ignore
  }
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  // About a gigabyte of page cache keeps the payments indexes in memory while they grow.
  db.pragma('cache_size = -1000000');
  try {
    const s = statements(db);
    const result: DemoWriteResult = {
      regions: db.transaction(() => writeCountyWide(db, s, county, options))(),
      households: 0,
      residents: 0,
      payments: 0,
      rosters: 0,
      rosterEntries: 0,
      cadres: 0,
      villageFinances: 0,
      programs: county.programs.length,
      serviceItems: county.serviceItems.length,
      microPowers: county.microPowers.length,
      anomalies: [],
      sample: [],
    };
    const counts: Counts = { rosterIds: 0, rosterEntries: 0 };
    const writeOne = db.transaction((village: VillageChunk) => writeVillage(s, village, counts));
    for (const village of county.villages()) {
      writeOne(village);
      result.households += village.households.length;
      result.residents += village.residents.length;
      result.payments += village.payments.length;
      result.cadres += village.cadres.length;
      result.villageFinances += village.finances.length;
      result.anomalies.push(...village.anomalies);
      for (const r of village.residents) {
        if (result.sample.length >= SAMPLE_SIZE) break;
        result.sample.push({
          idNumber: r.person.idNumber,
          name: r.person.name,
          birthDate: r.person.birthDate,
        });
      }
      progress?.advance(village.residents.length);
    }
    result.rosters = counts.rosterIds;
    result.rosterEntries = counts.rosterEntries;
    db.pragma('optimize');
    progress?.done();
    return result;
  } finally {
    db.pragma(`cache_size = -2000`);
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`journal_mode = ${journal}`);
  }
}
