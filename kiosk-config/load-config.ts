/**
 * Reads a terminal's config file and checks it against the schema. Every problem is reported at once, each
 * as `<file>: <field.path>: <reason>`, because the person fixing it is an installer at a remote site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { kioskConfigSchema, type KioskConfig } from './schema';

export interface KioskConfigProblem {
  /** Dotted field path with [index] for array items, `line L, column C` for JSON syntax, empty for the file itself. */
  path: string;
  reason: string;
}

export class KioskConfigError extends Error {
  readonly file: string;
  readonly problems: readonly KioskConfigProblem[];

  constructor(file: string, problems: readonly KioskConfigProblem[]) {
    super(problems.map((p) => [file, p.path, p.reason].filter((part) => part !== '').join(': ')).join('\n'));
    this.name = 'KioskConfigError';
    this.file = file;
    this.problems = problems;
  }
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

const reasonFor: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required (${issue.expected})`;
  return undefined;
};

function problemsOf(error: z.ZodError): KioskConfigProblem[] {
  return error.issues.flatMap((issue) =>
    // One line per misspelt key, so each line names the exact field to fix.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), reason: 'unknown field' }))
      : [{ path: formatPath(issue.path) || '(top level)', reason: issue.message }],
  );
}

function lineAndColumn(source: string, position: number): string {
  const before = source.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseJson(file: string, source: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : lineAndColumn(source, Number(position));
    throw new KioskConfigError(file, [{ path: where, reason: `not valid JSON: ${message}` }]);
  }
}

function defaultSyncStateDir(replica: string): string {
  return path.join(path.dirname(replica), 'sync');
}

/** Where the sync agent keeps its state: `paths.syncState`, or `sync/` beside the replica when it is not set. */
export function syncStateDir(config: KioskConfig): string {
  return config.paths.syncState ?? defaultSyncStateDir(config.paths.replica);
}

/** Relative paths in the file mean "next to this file", whatever directory the kiosk was started from. */
function resolvePaths(config: KioskConfig, directory: string): KioskConfig {
  const resolve = (p: string) => path.resolve(directory, p);
  return {
    ...config,
    paths: {
      replica: resolve(config.paths.replica),
      outbox: resolve(config.paths.outbox),
      receipts: resolve(config.paths.receipts),
      syncState:
        config.paths.syncState === undefined
          ? defaultSyncStateDir(resolve(config.paths.replica))
          : resolve(config.paths.syncState),
    },
    // Device paths (/dev/ttyUSB0, COM3) are names, not files next to the config, so they are left alone.
    printer:
      config.printer.kind === 'virtual'
        ? { ...config.printer, directory: resolve(config.printer.directory) }
        : config.printer,
  };
}

export function loadKioskConfig(filePath: string): KioskConfig {
  const file = path.resolve(filePath);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new KioskConfigError(file, [{ path: '', reason: `cannot read the file (${code})` }]);
  }
  const parsed = kioskConfigSchema.safeParse(parseJson(file, source.replace(/^\uFEFF/, '')), {
    error: reasonFor,
  });
  if (!parsed.success) throw new KioskConfigError(file, problemsOf(parsed.error));
  return resolvePaths(parsed.data, path.dirname(file));
}
