/**
 * A bad row's problems, each tied to its place in the file (physical line or spreadsheet row, 1-based column,
 * the column's header and, in spreadsheets, the cell name) and written as `file:line:column: reason`.
 * Problems never carry a full name, ID number or card number: names are masked, numbers are not repeated.
 */
import type { ImportKey, ImportT } from './import-i18n';

export type ProblemKind =
  | 'missing'
  | 'undecodable'
  | 'columnCount'
  | 'unclosedQuote'
  | 'idCharacters'
  | 'idLength'
  | 'idRegion'
  | 'idBirthDate'
  | 'idCheckDigit'
  | 'nameDiffers'
  | 'programUnknown'
  | 'amountUnreadable'
  | 'amountNegative'
  | 'amountDecimals'
  | 'quantityUnreadable'
  | 'dateUnreadable'
  | 'dateImpossible'
  | 'periodMalformed'
  | 'statusUnknown'
  | 'paidWithoutDate'
  | 'pendingWithPaidDate'
  | 'townshipUnknown'
  | 'villageUnknown'
  | 'villageAmbiguous'
  | 'cardUnreadable'
  | 'duplicate';

export interface RowProblem {
  /** Physical line of a CSV record's start, or the spreadsheet row number. */
  line: number;
  /** 1-based column number. */
  column: number;
  /** The column's header as written in the file ('' past the header's last column). */
  header: string;
  /** 'Sheet1!C12' in spreadsheets; null in CSV. */
  cell: string | null;
  kind: ProblemKind;
  params: Record<string, string | number>;
}

export function describeProblem(problem: RowProblem, t: ImportT): string {
  let params = problem.params;
  if (problem.kind === 'amountDecimals') {
    params = { ...params, unit: t(`problem.unit.${params['unit'] === 'fen' ? 'fen' : 'yuan'}`) };
  } else if (problem.kind === 'villageUnknown' && params['township'] === '') {
    params = { ...params, township: t('anyCounty') };
  }
  return t(`problem.${problem.kind}` as ImportKey, params);
}

export function formatProblem(file: string, problem: RowProblem, t: ImportT): string {
  const where = [problem.header, problem.cell === null ? '' : `(${problem.cell})`].filter((s) => s !== '');
  const place = where.length > 0 ? `${where.join(' ')}: ` : '';
  return `${file}:${problem.line}:${problem.column}: ${place}${describeProblem(problem, t)}`;
}
