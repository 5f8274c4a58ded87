import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where the end-to-end run keeps its synthetic county and the virtual printer's output (under the repo root). */
export const E2E_DATA_DIR = '.huimin/e2e';
export const E2E_PORT = 8791;

const root = path.resolve(__dirname, '..', '..');
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
