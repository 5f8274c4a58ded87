import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateDemoCounty } from '../../county/demo/generate';

/** Where the end-to-end run keeps its synthetic county and the virtual printer's output (under the repo root). */
export const E2E_DATA_DIR = '.huimin/e2e';
export const E2E_PORT = 8791;

const root = path.resolve(import.meta.dirname, '..', '..');
const dataDir = path.join(root, E2E_DATA_DIR);

export interface DemoPerson {
  idNumber: string;
  name: string;
  birthDate: string;
}

/** The synthetic residents the demo generator wrote beside the replica (never real people). */
export function demoPeople(): DemoPerson[] {
  return (
    JSON.parse(readFileSync(path.join(dataDir, 'replica.db.people.json'), 'utf8')) as {
      residents: DemoPerson[];
    }
  ).residents;
}

/** The virtual printer's receipts, oldest first, as their text previews. */
export function receiptPreviews(): string[] {
  const dir = path.join(dataDir, 'receipts');
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

/** A synthetic resident with payments in the latest year, and what the screen should total for that year. */
export function demoResidentWithPayments(): {
  person: DemoPerson;
  latestYear: number;
  latestYearTotalFen: number;
} {
  const file = JSON.parse(readFileSync(path.join(dataDir, 'replica.db.people.json'), 'utf8')) as {
    seed: number;
    today: string;
    residents: DemoPerson[];
  };
  const county = generateDemoCounty({ residents: file.residents.length, seed: file.seed, today: file.today });
  for (const person of county.persons) {
    const payments = county.payments.filter((payment) => payment.idNumber === person.idNumber);
    if (payments.length < 3) continue;
    const latestYear = Math.max(...payments.map((payment) => Number(payment.plannedDate.slice(0, 4))));
    const latestYearTotalFen = payments
      .filter((payment) => payment.plannedDate.startsWith(String(latestYear)))
      .reduce((sum, payment) => sum + payment.amountFen, 0);
    return { person, latestYear, latestYearTotalFen };
  }
  throw new Error('the demo county has no resident with payments');
}
