import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader } from './csv-reader';

function readAll(text: string): { line: number; fields: string[]; unclosed: boolean }[] {
  const reader = new CsvReader(text);
  const records = [];
  while (reader.next())
    records.push({ line: reader.line, fields: [...reader.fields], unclosed: reader.unclosedQuote });
  return records;
}

describe('CsvReader', () => {
  it('reads LF and CRLF records, skips empty lines and counts physical lines', () => {
    expect(readAll('a,b\r\n\r\n1,2\n3,\n')).toEqual([
      { line: 1, fields: ['a', 'b'], unclosed: false },
      { line: 3, fields: ['1', '2'], unclosed: false },
      { line: 4, fields: ['3', ''], unclosed: false },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps later line numbers right', () => {
    const text = '姓名,备注\r\n"王䶮","他说""好"",\r\n第二行"\r\n张三,"1,234.50"\r\n';
    expect(readAll(text)).toEqual([
      { line: 1, fields: ['姓名', '备注'], unclosed: false },
      { line: 2, fields: ['王䶮', '他说"好",\r\n第二行'], unclosed: false },
      { line: 4, fields: ['张三', '1,234.50'], unclosed: false },
    ]);
  });

  it('flags a quote that is never closed', () => {
    expect(readAll('a,"b\nc')).toEqual([{ line: 1, fields: ['a', 'b\nc'], unclosed: true }]);
  });

  it('reads back whatever an RFC 4180 writer wrote', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', '王', ',', '"', '\n', '\r\n', ' ', '1'),
      maxLength: 8,
    });
    const record = fc.array(field, { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.boolean(), (records, crlf) => {
        const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
        const text = records.map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n');
        expect(readAll(text).map((r) => r.fields)).toEqual(records);
      }),
    );
  });
});
