/**
 * A fast RFC 4180 reader over decoded text: comma-separated, fields optionally in double quotes with "" for a
 * quote, CRLF or LF line ends, newlines allowed inside quotes. Records without any quote (nearly all of a
 * department export) are cut with indexOf; only records holding a quote take the character-by-character path.
 * The `fields` array is reused from record to record, so a caller copies what it keeps.
 */
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export class CsvReader {
  /** The fields of the current record. */
  readonly fields: string[] = [];
  /** The 1-based physical line on which the current record starts. */
  line = 0;
  /** Whether the current record ended inside an open quote (at the end of the file). */
  unclosedQuote = false;

  /** Where the current record starts in the text. */
  recordStart = 0;

  private position = 0;
  private nextQuote = -1;

  /** `nextLine`: the physical line number of the text's first line (it may be a piece of a file). */
  constructor(
    private readonly text: string,
    public nextLine = 1,
  ) {}

  /** How many characters of the text have been read, for progress. */
  get consumed(): number {
    return this.position;
  }

  /** Reads the next record that is not an empty line; false at the end of the text. */
  next(): boolean {
    const { text, fields } = this;
    const length = text.length;
    while (this.position < length) {
      const start = this.position;
      this.recordStart = start;
      let end = text.indexOf('\n', start);
      if (end === -1) end = length;
      this.line = this.nextLine;
      this.unclosedQuote = false;
      if (this.nextQuote !== Infinity && this.nextQuote < start) {
        const quote = text.indexOf('"', start);
        this.nextQuote = quote === -1 ? Infinity : quote;
      }
      if (this.nextQuote < end) return this.readQuotedRecord(start);

      let lineEnd = end;
      if (lineEnd > start && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
      this.position = end + 1;
      this.nextLine++;
      if (lineEnd === start) continue;
      let count = 0;
      let from = start;
      for (;;) {
        const comma = text.indexOf(',', from);
        if (comma === -1 || comma >= lineEnd) {
          fields[count++] = text.slice(from, lineEnd);
          break;
        }
        fields[count++] = text.slice(from, comma);
        from = comma + 1;
      }
      fields.length = count;
      return true;
    }
    return false;
  }

  private readQuotedRecord(start: number): boolean {
    const { text, fields } = this;
    const length = text.length;
    let count = 0;
    let i = start;
    for (;;) {
      let field: string;
      let fieldStart: number;
      // At the start of a field.
      if (i < length && text.charCodeAt(i) === QUOTE) {
        i++;
        field = '';
        let chunk = i;
        for (;;) {
          if (i >= length) {
            field += text.slice(chunk, i);
            this.unclosedQuote = true;
            break;
          }
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            field += text.slice(chunk, i);
            if (text.charCodeAt(i + 1) === QUOTE) {
              field += '"';
              i += 2;
              chunk = i;
              continue;
            }
            i++;
            break;
          }
          if (c === LF) this.nextLine++;
          i++;
        }
        // Anything between the closing quote and the separator is kept, as spreadsheets do.
        fieldStart = i;
        while (i < length && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== LF) i++;
        let tailEnd = i;
        if (tailEnd > fieldStart && text.charCodeAt(tailEnd - 1) === CR && text.charCodeAt(i) === LF)
          tailEnd--;
        field += text.slice(fieldStart, tailEnd);
      } else {
        fieldStart = i;
        while (i < length && text.charCodeAt(i) !== COMMA && text.charCodeAt(i) !== LF) i++;
        let fieldEnd = i;
        if (fieldEnd > fieldStart && text.charCodeAt(fieldEnd - 1) === CR && text.charCodeAt(i) === LF)
          fieldEnd--;
        field = text.slice(fieldStart, fieldEnd);
      }
      fields[count++] = field;
      if (i < length && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      break;
    }
    fields.length = count;
    this.position = i + 1;
    this.nextLine++;
    return true;
  }
}
