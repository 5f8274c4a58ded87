/**
 * The public tables of a replica, read from the master database: what the law publishes anyway, with every
 * private person masked through domain/masking and nothing else about them (no address, phone or card).
 * Rosters and cadre disclosures older than the county's window are left out.
 */
import type { ReplicaRow } from '../../domain/published/replica-format';
import { mask } from '../../domain/masking';
import type { MasterDatabase } from '../master/open-master';
import type { ReplicaContent } from '../replica/write-replica';

/** The first day of the month `months` before `today` ('YYYY-MM-DD'). */
export function windowStart(today: string, months: number): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function* rosterEntries(db: MasterDatabase, since: string): Generator<ReplicaRow<'roster_entries'>> {
  const rows = db
    .prepare(
      `SELECT e.roster_id AS rosterId, p.name, p.id_number AS idNumber, e.quantity_milli AS quantityMilli,
              e.amount_fen AS amountFen
       FROM roster_entries e JOIN rosters r ON r.id = e.roster_id JOIN persons p ON p.id = e.person_id
       WHERE r.posted_on >= ? ORDER BY e.roster_id`,
    )
    .iterate(since) as Iterable<{
    rosterId: number;
    name: string;
    idNumber: string;
    quantityMilli: number | null;
    amountFen: number;
  }>;
  let group: ReplicaRow<'roster_entries'>[] = [];
  const flush = function* () {
    // Ordered by what is shown, not by anything private (ID order would reveal relative ages).
    group.sort(
      (a, b) =>
        String(a.masked_name).localeCompare(String(b.masked_name), 'zh-CN') ||
        String(a.masked_id_number).localeCompare(String(b.masked_id_number)) ||
        Number(a.amount_fen) - Number(b.amount_fen),
    );
    let seq = 0;
    for (const entry of group) yield { ...entry, seq: ++seq };
    group = [];
  };
  for (const row of rows) {
    if (group.length > 0 && group[0]!.roster_id !== row.rosterId) yield* flush();
    group.push({
      roster_id: row.rosterId,
      seq: 0,
      masked_name: mask('name', row.name),
      masked_id_number: mask('idNumber', row.idNumber),
      quantity_milli: row.quantityMilli,
      amount_fen: row.amountFen,
    });
  }
  yield* flush();
}

/**
 * 查干部: what each serving cadre, their household and their declared relatives received in the window.
 * A cadre's own name is public with their post; relatives are private persons and are masked.
 */
function* cadreBenefits(db: MasterDatabase, since: string): Generator<ReplicaRow<'cadre_benefits'>> {
  const rows = db
    .prepare(
      `WITH circle AS (
         SELECT c.id AS cadre_id, c.person_id, 'self' AS relation FROM cadres c
         UNION
         SELECT c.id, p.id, 'household' FROM cadres c
           JOIN persons me ON me.id = c.person_id
           JOIN persons p ON p.household_id = me.household_id AND p.id <> me.id
         UNION
         SELECT cadre_id, person_id, relation FROM cadre_relatives
       )
       SELECT circle.cadre_id AS cadreId, circle.relation, p.name, pay.program_code AS programCode,
              pay.period, pay.amount_fen AS amountFen
       FROM circle JOIN persons p ON p.id = circle.person_id
       JOIN payments pay ON pay.person_id = circle.person_id
       JOIN cadres c ON c.id = circle.cadre_id
       WHERE (c.term_end IS NULL OR c.term_end >= @since) AND pay.planned_date >= @since AND pay.status <> 'failed'
       ORDER BY circle.cadre_id, circle.relation = 'self' DESC, pay.period DESC, pay.program_code, p.id`,
    )
    .iterate({ since }) as Iterable<{
    cadreId: number;
    relation: string;
    name: string;
    programCode: string;
    period: string;
    amountFen: number;
  }>;
  let cadreId = -1;
  let seq = 0;
  for (const row of rows) {
    if (row.cadreId !== cadreId) {
      cadreId = row.cadreId;
      seq = 0;
    }
    yield {
      cadre_id: row.cadreId,
      seq: ++seq,
      relation: row.relation,
      masked_name: mask('name', row.name),
      program_code: row.programCode,
      period: row.period,
      amount_fen: row.amountFen,
    };
  }
}

export function publicTables(
  db: MasterDatabase,
  today: string,
  windowMonths: number,
): ReplicaContent['tables'] {
  const since = windowStart(today, windowMonths);
  // Lazy, so each query runs only while its table is written (one open cursor at a time).
  function* all<T>(sql: string, ...params: unknown[]): Generator<T> {
    yield* db.prepare(sql).iterate(...params) as Iterable<T>;
  }
  return {
    regions: all('SELECT code, parent_code, level, name FROM regions ORDER BY code'),
    programs: all(
      `SELECT code, name_zh, name_en, category, department, policy_basis, standard_fen, unit_zh, unit_en,
              frequency, eligibility, process, materials, phone FROM programs ORDER BY code`,
    ),
    rosters: all(
      `SELECT id, program_code, village_code, period, stage, posted_on, objections_until FROM rosters
       WHERE posted_on >= ? ORDER BY id`,
      since,
    ),
    roster_entries: rosterEntries(db, since),
    village_finances: all(
      `SELECT id, village_code, month, direction, category, item, amount_fen, voucher FROM village_finances
       WHERE month >= ? ORDER BY id`,
      since.slice(0, 7),
    ),
    cadres: all(
      `SELECT c.id, c.village_code, c.post, p.name, c.term_start, c.term_end
       FROM cadres c JOIN persons p ON p.id = c.person_id
       WHERE c.term_end IS NULL OR c.term_end >= ? ORDER BY c.id`,
      since,
    ),
    cadre_benefits: cadreBenefits(db, since),
    service_items: all(
      `SELECT code, name_zh, name_en, category, conditions, materials, steps, time_limit_days, fee, department,
              phone FROM service_items ORDER BY code`,
    ),
    micro_powers: all(
      `SELECT code, category, name_zh, name_en, legal_basis, responsible_unit, supervising_unit
       FROM micro_powers ORDER BY code`,
    ),
    micro_power_steps: all(
      'SELECT power_code, step_no, title, actor, detail FROM micro_power_steps ORDER BY power_code, step_no',
    ),
  };
}
