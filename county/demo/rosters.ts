/**
 * 公示 rosters of one village, made from its payments: per program and period, the list posted before
 * disbursement (for objections, at least seven days) and the results posted after it. Monthly programs post
 * their before-roster once a year, at January's annual review (年度复核), and a results roster every month.
 * Every entry is a person paid or due for that program and period, so a roster can always be masked from
 * the persons table.
 */
import type { LocalDate } from '../../domain/dates';
import type { DemoProgramFrequency, PaymentRecord, RosterRecord } from './model';

const POSTED_DAYS_BEFORE = 12;
const OBJECTION_DAYS = 7;
const RESULTS_POSTED_AFTER = 3;

type Entry = RosterRecord['entries'][number];

function sortedEntries(map: Map<number, Entry>): Entry[] {
  return [...map.values()].sort((a, b) => a.personId - b.personId);
}

export function villageRosters(
  villageCode: string,
  payments: readonly PaymentRecord[],
  frequencies: ReadonlyMap<string, DemoProgramFrequency>,
  today: LocalDate,
  shift: (date: LocalDate, days: number) => LocalDate,
): RosterRecord[] {
  const groups = new Map<string, PaymentRecord[]>();
  for (const payment of payments) {
    const key = `${payment.programCode}|${payment.period}`;
    const group = groups.get(key);
    if (group) group.push(payment);
    else groups.set(key, [payment]);
  }
  const rosters: RosterRecord[] = [];
  for (const group of groups.values()) {
    const { programCode, period } = group[0] as PaymentRecord;
    const planned = group.reduce((min, p) => (p.plannedDate < min ? p.plannedDate : min), '9999-12-31');
    const monthly = frequencies.get(programCode) === 'monthly';
    const postedOn = shift(planned, -POSTED_DAYS_BEFORE);
    if ((!monthly || period.endsWith('-01')) && postedOn <= today) {
      const due = new Map<number, Entry>();
      for (const p of group) {
        if (!due.has(p.personId)) {
          due.set(p.personId, {
            personId: p.personId,
            quantityMilli: p.quantityMilli,
            amountFen: p.amountFen,
          });
        }
      }
      rosters.push({
        programCode,
        villageCode,
        period,
        stage: 'before',
        postedOn,
        objectionsUntil: shift(postedOn, OBJECTION_DAYS),
        entries: sortedEntries(due),
      });
    }
    const paid = new Map<number, Entry>();
    let lastPaid = '';
    for (const p of group) {
      if (p.status !== 'paid' || p.paidDate === null) continue;
      if (p.paidDate > lastPaid) lastPaid = p.paidDate;
      const entry = paid.get(p.personId);
      // A person paid twice shows the total: that is how a results roster gives a double payment away.
      if (entry) entry.amountFen += p.amountFen;
      else
        paid.set(p.personId, {
          personId: p.personId,
          quantityMilli: p.quantityMilli,
          amountFen: p.amountFen,
        });
    }
    const resultsOn = lastPaid === '' ? null : shift(lastPaid, RESULTS_POSTED_AFTER);
    if (resultsOn !== null && resultsOn <= today) {
      rosters.push({
        programCode,
        villageCode,
        period,
        stage: 'after',
        postedOn: resultsOn,
        objectionsUntil: null,
        entries: sortedEntries(paid),
      });
    }
  }
  return rosters;
}
