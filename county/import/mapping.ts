/**
 * Column mappings: one JSON file per department layout (county/import/mappings/, documented in the README)
 * saying which headers hold which field, whether money columns are in yuan or fen, and, for files about a
 * single program, which program. A mapping file is checked with zod; a bad one is refused with the reason.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import agriculture from './mappings/agriculture-payments.json' with { type: 'json' };
import civilAffairs from './mappings/civil-affairs-payments.json' with { type: 'json' };
import disabledFederation from './mappings/disabled-federation-payments.json' with { type: 'json' };
import waterResources from './mappings/water-resources-payments.json' with { type: 'json' };

export const FIELDS = [
  'name',
  'idNumber',
  'program',
  'period',
  'quantity',
  'standard',
  'amount',
  'plannedDate',
  'paidDate',
  'status',
  'card',
  'batch',
  'township',
  'village',
] as const;
export type Field = (typeof FIELDS)[number];

/** Fields every file must have a column for (program too, unless the mapping fixes it). */
export const REQUIRED_FIELDS: readonly Field[] = ['name', 'idNumber', 'period', 'amount'];

const headers = z.array(z.string().trim().min(1)).min(1);

export const columnMappingSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    description: z.string().min(1),
    department: z.string().min(1),
    /** Whether money columns (amount, standard) hold yuan (1,234.50) or integer fen (123450). */
    moneyUnit: z.enum(['yuan', 'fen']),
    /** The program of every row (code, Chinese name or alias), for files about one program only. */
    program: z.string().trim().min(1).optional(),
    /** Whether a bare number like 46086 in a CSV date column is an Excel serial date. */
    excelSerialDates: z.boolean().default(false),
    columns: z
      .object({
        name: headers,
        idNumber: headers,
        program: headers.optional(),
        period: headers,
        quantity: headers.optional(),
        standard: headers.optional(),
        amount: headers,
        plannedDate: headers.optional(),
        paidDate: headers.optional(),
        status: headers.optional(),
        card: headers.optional(),
        batch: headers.optional(),
        township: headers.optional(),
        village: headers.optional(),
      })
      .strict(),
  })
  .strict()
  .refine((m) => m.program !== undefined || m.columns.program !== undefined, {
    message: 'give either a fixed "program" or a "columns.program" header',
    path: ['program'],
  });

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export class MappingError extends Error {}

const BUILT_IN: readonly unknown[] = [civilAffairs, agriculture, disabledFederation, waterResources];

function parseMapping(json: unknown, source: string): ColumnMapping {
  const result = columnMappingSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new MappingError(`mapping ${source} is not valid: ${problems.join('; ')}`);
  }
  return result.data;
}

export function builtInMappings(): ColumnMapping[] {
  return BUILT_IN.map((json, i) => parseMapping(json, `built-in #${i + 1}`));
}

/** A built-in mapping by name, or a mapping file by path (anything with a slash or ending in .json). */
export function loadMapping(nameOrFile: string): ColumnMapping {
  const builtIn = builtInMappings().find((m) => m.name === nameOrFile);
  if (builtIn) return builtIn;
  if (!nameOrFile.includes('/') && !nameOrFile.endsWith('.json')) {
    const names = builtInMappings().map((m) => m.name);
    throw new MappingError(`no mapping named ${nameOrFile}; built in: ${names.join(', ')}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(nameOrFile, 'utf8'));
  } catch (error) {
    throw new MappingError(
      `cannot read mapping ${nameOrFile}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseMapping(json, nameOrFile);
}

/** Headers compared without spaces, with full-width brackets as ASCII, case-insensitively: 面积（亩） = 面积(亩). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** The 0-based column of each mapped field found in a header row (fields not found are absent). */
export function locateColumns(
  mapping: ColumnMapping,
  header: readonly string[],
): Partial<Record<Field, number>> {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalizeHeader(cell);
    if (key !== '' && !positions.has(key)) positions.set(key, i);
  });
  const located: Partial<Record<Field, number>> = {};
  for (const field of FIELDS) {
    for (const synonym of mapping.columns[field] ?? []) {
      const at = positions.get(normalizeHeader(synonym));
      if (at !== undefined) {
        located[field] = at;
        break;
      }
    }
  }
  return located;
}

/** The fields a file must have columns for under this mapping. */
export function requiredFields(mapping: ColumnMapping): Field[] {
  return mapping.program === undefined ? [...REQUIRED_FIELDS, 'program'] : [...REQUIRED_FIELDS];
}
