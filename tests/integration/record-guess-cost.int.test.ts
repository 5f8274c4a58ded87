/**
 * What it costs to open one named resident's sealed record from everything the county makes public
 * (domain/published/README.md, "What the public sees and what it costs to guess"). A real demo county is
 * written to a real master database; the public tables a terminal receives are read from it exactly as the
 * publisher reads them; for a rostered 80–89-year-old (the narrowest birth range a public roster gives away)
 * and for a serving cadre (whose full name the law publishes), every public line about them is collected and
 * the candidates that remain are counted exactly: birth dates in range × sequence numbers × check digits that
 * agree with every digit shown, times the name characters a mask hides.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigitOf } from '../../domain/id-number';
import { mask } from '../../domain/masking';
import { openMaster, type MasterDatabase } from '../../county/master/open-master';
import { publicTables } from '../../county/publish/public-tables';
import { writeDemoCounty } from '../../county/demo/write-master';

const TODAY = '2026-06-15';
// The floor for a resident whose name is masked wherever it appears.
const FLOOR = 1e8;
// GB 11643's weights for the first 17 digits.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Every 18-digit number agreeing with a mask (`*` = hidden) whose birth date lies in [from, to] and whose
 * check digit is right. The 1,000 sequence numbers are grouped by their weighted sum mod 11, so each date
 * costs 11 steps, not 1,000.
 */
function idCandidates(masked: string, from: string, to: string, sex?: 'male' | 'female'): number {
  const fits = (digits: string, offset: number) =>
    [...digits].every((d, i) => masked[offset + i] === '*' || masked[offset + i] === d);
  const seqByResidue = new Map<number, string[]>();
  for (let s = 0; s < 1000; s++) {
    const seq = String(s).padStart(3, '0');
    if (!fits(seq, 14) || (sex !== undefined && (s % 2 === 1) !== (sex === 'male'))) continue;
    const residue =
      (Number(seq[0]) * WEIGHTS[14]! + Number(seq[1]) * WEIGHTS[15]! + Number(seq[2]) * WEIGHTS[16]!) % 11;
    seqByResidue.set(residue, [...(seqByResidue.get(residue) ?? []), seq]);
  }
  let count = 0;
  const region = masked.slice(0, 6);
  if (region.includes('*')) throw new Error('the count assumes the region is known (it is the county)');
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day <= new Date(`${to}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1)
  ) {
    const date = day.toISOString().slice(0, 10).replaceAll('-', '');
    if (!fits(date, 6)) continue;
    const head = region + date;
    for (const seqs of seqByResidue.values()) {
      // One sequence per residue group is enough to know the check digit of the whole group.
      const check = checkDigitOf(head + seqs[0]!);
      if (masked[17] === '*' || masked[17] === check) count += seqs.length;
    }
  }
  return count;
}

/** The characters the terminal's name keyboard can enter: the alphabet a guesser of a hidden character needs. */
function nameAlphabetSize(): number {
  const table = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../renderer/name-keyboard/pinyin-table.json'), 'utf8'),
  ) as { syllables: Record<string, string> };
  return new Set(Object.values(table.syllables).flatMap((chars) => [...chars])).size;
}

function hiddenCharacters(maskedName: string): number {
  return [...maskedName].filter((c) => c === '*').length;
}

function shiftYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

let dir: string;
let db: MasterDatabase;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huimin-guess-'));
  db = openMaster(join(dir, 'county.db'), { create: true });
  writeDemoCounty(db, {
    residents: 3000,
    seed: 11,
    today: TODAY,
    kdfCost: 'test',
    now: new Date(`${TODAY}T00:00:00Z`),
  });
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every public line a terminal receives, as text: rosters, cadre disclosures, cadres. */
function publicText(): string {
  const tables = publicTables(db, TODAY, 24) as Record<string, Iterable<Record<string, unknown>>>;
  const parts: string[] = [];
  for (const [name, rows] of Object.entries(tables)) {
    for (const row of rows) parts.push(`${name}\t${Object.values(row).map(String).join('\t')}`);
  }
  return parts.join('\n');
}

describe('the cost of opening one named resident’s sealed record from public data', () => {
  it('is at least 10^8 derivations for a rostered 80–89-year-old, and was about a thousand before', () => {
    const person = db
      .prepare(
        `SELECT p.id_number AS idNumber, p.name FROM roster_entries e JOIN rosters r ON r.id = e.roster_id
         JOIN persons p ON p.id = e.person_id
         WHERE r.program_code = 'elderly-allowance' AND p.birth_date > ? AND p.name NOT LIKE '%·%'
         ORDER BY p.id LIMIT 1`,
      )
      .get(shiftYears(TODAY, -90)) as { idNumber: string; name: string } | undefined;
    expect(person).toBeDefined();
    const { idNumber, name } = person!;
    const shownId = mask('idNumber', idNumber);
    const shownName = mask('name', name);

    // What the public tables say about them is these masked forms and nothing more of the number or name.
    const text = publicText();
    expect(text).toContain(`${shownName}\t${shownId}`);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumber.slice(6, 14));
    expect(text).not.toContain(`\t${name}\t`);

    // The roster says 高龄津贴 and the amount gives the 80–89 band: born within ten years.
    const from = shiftYears(TODAY, -90);
    const to = shiftYears(TODAY, -80);
    const ids = idCandidates(shownId, from, to);
    const idsKnowingSex = idCandidates(shownId, from, to, Number(idNumber[16]) % 2 === 1 ? 'male' : 'female');
    const names = nameAlphabetSize() ** hiddenCharacters(shownName);
    expect(hiddenCharacters(shownName)).toBeGreaterThanOrEqual(1);
    expect(ids * names).toBeGreaterThanOrEqual(FLOOR);
    expect(idsKnowingSex * names).toBeGreaterThanOrEqual(FLOOR);
    // Even a guesser who ranks the hidden character by frequency must, on average, try at least 28 of them
    // before the pair (number, name) costs 10^8: the figure domain/published/README.md weighs.
    expect(FLOOR / ids).toBeLessThanOrEqual(28);

    // Before: the 6 + 4 mask and a key from the number alone.
    const before = idCandidates(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, from, to);
    expect(before).toBeLessThan(1000);
    expect(before).toBeGreaterThan(200);
  });

  it('is the ID number’s own entropy for a serving cadre whose full name is public', () => {
    const cadre = db
      .prepare(
        `SELECT p.id_number AS idNumber, p.name FROM cadres c JOIN persons p ON p.id = c.person_id
         WHERE c.term_end IS NULL ORDER BY c.id LIMIT 1`,
      )
      .get() as { idNumber: string; name: string };
    const text = publicText();
    expect(text).toContain(cadre.name);
    expect(text).not.toContain(cadre.idNumber.slice(6));
    // Nothing public narrows a cadre's birth date: a 40-year working-age range, every sequence, every check.
    const ids = idCandidates(
      mask('idNumber', cadre.idNumber),
      shiftYears(TODAY, -65),
      shiftYears(TODAY, -25),
    );
    expect(ids).toBeGreaterThanOrEqual(1.4e7);
  });
});
