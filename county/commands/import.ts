/** `huimin-county import`: loads a department export (CSV or XLSX) of payments into the master database. */
import {
  DB_OPTION,
  DB_USAGE,
  EXIT,
  UsageError,
  dbPath,
  report,
  requiredOption,
  stringOption,
  type CountyCommand,
} from '../cli/command';
import { startProgress } from '../cli/progress';
import type { TextEncodingName } from '../import/decode-text';
import { importT, IMPORT_LANGUAGES, type ImportLanguage } from '../import/import-i18n';
import { importPayments } from '../import/import-payments';
import { loadMapping, MappingError } from '../import/mapping';
import { describeProblem, formatProblem } from '../import/problems';
import { openMaster } from '../master/open-master';

const USAGE = `Usage: huimin-county import --mapping NAME|FILE [options] FILE

Imports a department's export of payments (CSV in UTF-8 or GB18030/GBK, or XLSX) into the master database.
Every row is checked (ID number and its check digit, name against the resident on record, program, amount,
dates, period, status, township and village). By default a file with any bad row imports nothing and every
bad row is listed as file:line:column: reason. Importing the same content again changes nothing.

Options:
${DB_USAGE}
  --mapping NAME|FILE     the column mapping: civil-affairs-payments, agriculture-payments,
                          disabled-federation-payments, water-resources-payments, or a mapping JSON file
  --encoding ENC          force the CSV encoding: utf-8 or gb18030 (gbk is read as gb18030; default: detect)
  --sheet NAME            the XLSX sheet to read (default: the first)
  --skip-bad              import the good rows even when some rows are bad
  --rejects FILE.csv      write the bad rows with line and reason to this CSV (UTF-8 with BOM, for Excel)
  --dry-run               check and count only; write nothing
  --reimport              import even a file that was imported before byte for byte
  --lang zh-CN|en         language of the messages (default zh-CN)
  --json                  print a summary object as JSON
  --help                  show this help

Exit codes: 0 imported (or nothing to do), 1 failure, 2 usage error, 3 refused (bad rows or a bad file).`;

const ENCODINGS: Record<string, TextEncodingName> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

const PROGRESS_FROM_BYTES = 4 * 1024 * 1024;

function languageOption(value: string | undefined): ImportLanguage {
  if (value === undefined) return 'zh-CN';
  const language = IMPORT_LANGUAGES.find((l) => l === value);
  if (language === undefined) throw new UsageError('--lang must be zh-CN or en');
  return language;
}

export const importCommand: CountyCommand = {
  name: 'import',
  summary: 'import a department export (CSV or XLSX) of payments, checking every row',
  usage: USAGE,
  allowPositionals: true,
  options: {
    ...DB_OPTION,
    mapping: { type: 'string' },
    encoding: { type: 'string' },
    sheet: { type: 'string' },
    'skip-bad': { type: 'boolean' },
    rejects: { type: 'string' },
    'dry-run': { type: 'boolean' },
    reimport: { type: 'boolean' },
    lang: { type: 'string' },
  },
  async run(context) {
    const { values, positionals, output } = context;
    const json = values['json'] === true;
    if (positionals.length !== 1) throw new UsageError('give exactly one file to import');
    const file = positionals[0] ?? '';
    const language = languageOption(stringOption(values, 'lang'));
    const t = importT(language);
    const encodingName = stringOption(values, 'encoding');
    const encoding = encodingName === undefined ? undefined : ENCODINGS[encodingName.toLowerCase()];
    if (encodingName !== undefined && encoding === undefined) {
      throw new UsageError('--encoding must be utf-8 or gb18030');
    }
    let mapping;
    try {
      mapping = loadMapping(requiredOption(values, 'mapping'));
    } catch (error) {
      if (!(error instanceof MappingError)) throw error;
      output.err(`huimin-county import: ${error.message}`);
      return EXIT.refused;
    }

    const db = openMaster(dbPath(values));
    try {
      let progress: ReturnType<typeof startProgress> | null = null;
      let shown = 0;
      const outcome = await importPayments(db, {
        file,
        mapping,
        encoding,
        sheet: stringOption(values, 'sheet'),
        skipBad: values['skip-bad'] === true,
        dryRun: values['dry-run'] === true,
        reimport: values['reimport'] === true,
        rejectsFile: stringOption(values, 'rejects'),
        language,
        onProgress(done, total) {
          if (progress === null) {
            if (total < PROGRESS_FROM_BYTES) return;
            progress = startProgress(output, `import ${file}`, total, json);
          }
          progress.advance(done - shown);
          shown = done;
        },
      });
      (progress as ReturnType<typeof startProgress> | null)?.done();

      if (outcome.kind === 'already-imported') {
        report(context, t('summary.alreadyImported', { file, date: outcome.importedAt }), {
          status: 'already-imported',
          file,
          sha256: outcome.sha256,
          importedAt: outcome.importedAt,
        });
        return EXIT.ok;
      }
      if (outcome.kind === 'file-refused') {
        const message = t(outcome.problem.key, outcome.problem.params);
        if (json) report(context, message, { status: 'refused', file, reason: message });
        else output.err(message);
        return EXIT.refused;
      }

      const { summary } = outcome;
      const problems = summary.problems.map((p) => ({
        line: p.line,
        column: p.column,
        header: p.header,
        cell: p.cell,
        kind: p.kind,
        message: describeProblem(p, t),
      }));
      if (!json) for (const problem of summary.problems) output.err(formatProblem(file, problem, t));
      const counts = {
        file,
        total: summary.rowsTotal,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        persons: summary.personsCreated,
      };
      const lines: string[] = [];
      if (outcome.kind === 'rows-refused')
        lines.push(t('summary.refused', { file, count: summary.rejected }));
      else lines.push(t('summary.done', counts));
      if (summary.dryRun) lines.push(t('summary.dryRun'));
      if (summary.rejectsFile !== null) {
        lines.push(t('summary.rejectsWritten', { file: summary.rejectsFile, count: summary.rejected }));
      }
      const jsonSummary = {
        status: outcome.kind === 'rows-refused' ? 'refused' : summary.dryRun ? 'dry-run' : 'imported',
        file,
        sha256: summary.sha256,
        mapping: summary.mapping,
        format: summary.format,
        encoding: summary.encoding,
        sheet: summary.sheet,
        rows: summary.rowsTotal,
        inserted: summary.inserted,
        updated: summary.updated,
        unchanged: summary.unchanged,
        rejected: summary.rejected,
        personsCreated: summary.personsCreated,
        fileId: summary.fileId,
        rejectsFile: summary.rejectsFile,
        problems,
      };
      if (outcome.kind === 'rows-refused' && !json) output.err(lines.join('\n'));
      else report(context, lines.join('\n'), jsonSummary);
      return outcome.kind === 'rows-refused' ? EXIT.refused : EXIT.ok;
    } finally {
      db.close();
    }
  },
};
