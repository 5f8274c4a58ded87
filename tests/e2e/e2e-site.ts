import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LAUNCH_URL_FILE } from '../../electron/browser-host/page-gate';
import { readLaunchUrl } from '../../electron/browser-host/page-client-test-support';

/** Where the end-to-end run keeps its demo county and terminal (under the repo root), and their ports. */
export const E2E_DATA_DIR = '.huimin/e2e';
export const E2E_PORT = 8791;
export const E2E_COUNTY_PORT = 8792;

const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = path.join(root, E2E_DATA_DIR);

/** The page-session cookie of the launch made before the specs; every spec's browser context starts with it. */
export const PAGE_SESSION_FILE = path.join(dataDir, 'page-session.json');

/** The browser host's current one-time launch URL, from the file it writes (0600) beside the terminal's replica. */
export function kioskLaunchUrl(): string {
  return readLaunchUrl(path.join(dataDir, 'terminal', LAUNCH_URL_FILE));
}

export interface DemoPerson {
  idNumber: string;
  name: string;
  birthDate: string;
}

/** The synthetic residents the demo generator listed beside the county's database (never real people). */
export function demoPeople(): DemoPerson[] {
  return (
    JSON.parse(readFileSync(path.join(dataDir, 'county', 'people.json'), 'utf8')) as { people: DemoPerson[] }
  ).people;
}

/** The virtual printer's receipts, oldest first, as their text previews. */
export function receiptPreviews(): string[] {
  const dir = path.join(dataDir, 'terminal', 'receipts');
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(path.join(dir, file), 'utf8'));
}

/**
 * A synthetic resident with payments in the latest year, and that year's total as the county's master database
 * holds it: what the terminal shows must match the county's own record, through publish and sync.
 */
export function demoResidentWithPayments(): {
  person: DemoPerson;
  latestYear: number;
  latestYearTotalFen: number;
} {
  const db = new Database(path.join(dataDir, 'county', 'county.db'), { readonly: true, fileMustExist: true });
  try {
    const totals = db.prepare(
      `SELECT substr(planned_date, 1, 4) AS year, sum(amount_fen) AS total, count(*) AS n
       FROM payments JOIN persons ON persons.id = payments.person_id
       WHERE persons.id_number = ? GROUP BY year ORDER BY year DESC`,
    );
    for (const person of demoPeople()) {
      const years = totals.all(person.idNumber) as { year: string; total: number; n: number }[];
      const latest = years[0];
      if (!latest || latest.n < 3) continue;
      return { person, latestYear: Number(latest.year), latestYearTotalFen: latest.total };
    }
  } finally {
    db.close();
  }
  throw new Error('the demo county has no resident with payments');
}
