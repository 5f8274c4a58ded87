/**
 * Turns ESC/POS bytes back into what a thermal printer in standard mode would put on paper: text lines with
 * their alignment, emphasis and character size, QR codes with their payload and module size, feeds and cuts.
 *
 * It reads the commands our builder writes (escpos.ts) plus the few common ones a printer stream may hold, and
 * follows the printer's own rules: a line prints at LF, ESC a only takes effect at the start of a line, text
 * is GB18030 only in Chinese (FS &) mode. Anything it does not know is reported, never thrown, so a preview or a
 * test shows the receipt and says what it could not read.
 */
import iconv from 'iconv-lite';
import type { Alignment } from './escpos';

const DLE = 0x10;
const EOT = 0x04;
const LF = 0x0a;
const CR = 0x0d;
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;

export interface TextSpan {
  text: string;
  bold: boolean;
  /** GS ! multipliers, 1–8. */
  widthScale: number;
  heightScale: number;
  /** Half-width columns the span takes on paper: single-byte characters 1, GB18030 multi-byte 2, times the width. */
  columns: number;
}

export type PrintedElement =
  | {
      kind: 'text';
      align: Alignment;
      /** The whole line; empty for a blank line. */
      text: string;
      spans: TextSpan[];
      columns: number;
    }
  | { kind: 'qr'; align: Alignment; data: string; moduleSize: number; errorCorrection: 'L' | 'M' | 'Q' | 'H' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean };

export interface UnreadCommand {
  /** Where the command starts in the byte stream. */
  offset: number;
  bytes: number[];
  problem: 'unknown-command' | 'truncated' | 'qr-print-without-data' | 'unsupported-qr-function';
}

export interface DecodedPrint {
  elements: PrintedElement[];
  /** Real-time (DLE EOT n) and buffered (GS r n) status requests found in the stream. */
  statusRequests: { offset: number; command: 'DLE EOT' | 'GS r'; n: number }[];
  unread: UnreadCommand[];
  /** Text sent but not yet printed: no LF, ESC d or cut came after it. */
  pendingText: string;
  /**
   * Offsets just after each command that puts something on paper or moves it (LF, ESC d, GS V, a QR code's
   * print): where the stream can be cut without splitting a command or a printed line.
   */
  breaks: number[];
}

export interface DecodeOptions {
  /** Whether the printer starts (and resets with ESC @) in Chinese mode; some are set so by memory switch. */
  chineseModeByDefault?: boolean;
}

const alignments: Record<number, Alignment> = {
  0: 'left',
  1: 'center',
  2: 'right',
  48: 'left',
  49: 'center',
  50: 'right',
};
const errorCorrections: Record<number, 'L' | 'M' | 'Q' | 'H'> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

/** Commands that take a fixed number of parameter bytes and change nothing a reader of the paper would notice. */
const ignoredWithParameters = new Map<string, number>([
  ['ESC 2', 0], // default line spacing
  ['ESC 3', 1], // line spacing
  ['ESC -', 1], // underline
  ['ESC G', 1], // double strike
  ['ESC M', 1], // font
  ['ESC R', 1], // international character set
  ['ESC t', 1], // code page
  ['ESC SP', 1], // character spacing
  ['FS -', 1], // Chinese underline
  ['FS !', 1], // Chinese print mode
]);

const prefixName: Record<number, string> = { [ESC]: 'ESC', [FS]: 'FS', [GS]: 'GS' };

function commandName(prefix: number, code: number): string {
  return `${prefixName[prefix] ?? prefix} ${code === 0x20 ? 'SP' : String.fromCharCode(code)}`;
}

/** Counts GB18030 characters by their lead bytes: one column for a single byte, two for a 2- or 4-byte code. */
function gb18030Columns(bytes: number[]): number {
  let columns = 0;
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80 || lead === 0x80 || lead === 0xff) {
      columns += 1;
      i += 1;
    } else {
      const second = bytes[i + 1] ?? 0;
      columns += 2;
      i += second >= 0x30 && second <= 0x39 ? 4 : 2;
    }
  }
  return columns;
}

interface Mode {
  align: Alignment;
  bold: boolean;
  widthScale: number;
  heightScale: number;
  chinese: boolean;
}

interface PendingSpan {
  bytes: number[];
  bold: boolean;
  widthScale: number;
  heightScale: number;
  chinese: boolean;
}

export function decodeEscPos(input: Uint8Array, options: DecodeOptions = {}): DecodedPrint {
  const bytes = input;
  const defaults = (): Mode => ({
    align: 'left',
    bold: false,
    widthScale: 1,
    heightScale: 1,
    chinese: options.chineseModeByDefault ?? false,
  });
  let mode = defaults();
  let spans: PendingSpan[] = [];
  const qr = { data: null as string | null, moduleSize: 3, errorCorrection: 'L' as 'L' | 'M' | 'Q' | 'H' };
  const result: DecodedPrint = { elements: [], statusRequests: [], unread: [], pendingText: '', breaks: [] };

  const spanText = (span: PendingSpan) =>
    iconv.decode(Buffer.from(span.bytes), span.chinese ? 'gb18030' : 'cp437');
  const printLine = () => {
    const printed: TextSpan[] = spans.map((span) => ({
      text: spanText(span),
      bold: span.bold,
      widthScale: span.widthScale,
      heightScale: span.heightScale,
      columns: (span.chinese ? gb18030Columns(span.bytes) : span.bytes.length) * span.widthScale,
    }));
    result.elements.push({
      kind: 'text',
      align: mode.align,
      text: printed.map((span) => span.text).join(''),
      spans: printed,
      columns: printed.reduce((sum, span) => sum + span.columns, 0),
    });
    spans = [];
  };
  const atLineStart = () => spans.length === 0;
  const addTextByte = (byte: number) => {
    const last = spans[spans.length - 1];
    if (
      last &&
      last.bold === mode.bold &&
      last.widthScale === mode.widthScale &&
      last.heightScale === mode.heightScale &&
      last.chinese === mode.chinese
    ) {
      last.bytes.push(byte);
    } else {
      spans.push({ bytes: [byte], ...mode });
    }
  };
  const unread = (offset: number, length: number, problem: UnreadCommand['problem']) => {
    result.unread.push({ offset, bytes: [...bytes.subarray(offset, offset + length)], problem });
  };

  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    const start = i;
    // A command whose parameters run past the end of the data.
    const need = (length: number) => {
      if (start + length <= bytes.length) return true;
      unread(start, bytes.length - start, 'truncated');
      i = bytes.length;
      return false;
    };
    if (byte >= 0x20 && byte !== 0x7f) {
      addTextByte(byte);
      i += 1;
      continue;
    }
    if (byte === LF) {
      printLine();
      i += 1;
      result.breaks.push(i);
      continue;
    }
    if (byte === CR) {
      // With auto line feed off (the default), CR is ignored.
      i += 1;
      continue;
    }
    if (byte === DLE) {
      if (!need(3)) break;
      if (bytes[i + 1] === EOT) {
        result.statusRequests.push({ offset: start, command: 'DLE EOT', n: bytes[i + 2]! });
        i += 3;
      } else {
        unread(start, 2, 'unknown-command');
        i += 2;
      }
      continue;
    }
    if (byte !== ESC && byte !== FS && byte !== GS) {
      unread(start, 1, 'unknown-command');
      i += 1;
      continue;
    }
    if (!need(2)) break;
    const code = bytes[i + 1]!;
    const name = commandName(byte, code);
    const parameter = () => bytes[i + 2]!;
    switch (name) {
      case 'ESC @':
        // Clears the print buffer: text not yet printed is lost, as on the printer.
        spans = [];
        mode = defaults();
        i += 2;
        continue;
      case 'FS &':
        mode.chinese = true;
        i += 2;
        continue;
      case 'FS .':
        mode.chinese = false;
        i += 2;
        continue;
      case 'ESC a': {
        if (!need(3)) break;
        const align = alignments[parameter()];
        if (align === undefined) unread(start, 3, 'unknown-command');
        // Mid-line ESC a is ignored by the printer, so the line keeps the alignment it started with.
        else if (atLineStart()) mode.align = align;
        i += 3;
        continue;
      }
      case 'ESC E':
        if (!need(3)) break;
        mode.bold = (parameter() & 1) === 1;
        i += 3;
        continue;
      case 'ESC !': {
        if (!need(3)) break;
        const n = parameter();
        mode.bold = (n & 0x08) !== 0;
        mode.heightScale = n & 0x10 ? 2 : 1;
        mode.widthScale = n & 0x20 ? 2 : 1;
        i += 3;
        continue;
      }
      case 'GS !': {
        if (!need(3)) break;
        const n = parameter();
        const width = (n >> 4) + 1;
        const height = (n & 0x0f) + 1;
        if (width > 8 || height > 8) unread(start, 3, 'unknown-command');
        else {
          mode.widthScale = width;
          mode.heightScale = height;
        }
        i += 3;
        continue;
      }
      case 'ESC d': {
        if (!need(3)) break;
        if (!atLineStart()) printLine();
        const lines = parameter();
        if (lines > 0) result.elements.push({ kind: 'feed', lines });
        i += 3;
        result.breaks.push(i);
        continue;
      }
      case 'GS V': {
        if (!need(3)) break;
        const m = parameter();
        const withFeed = m === 65 || m === 66;
        if (withFeed && !need(4)) break;
        if (![0, 1, 48, 49, 65, 66].includes(m)) {
          unread(start, 3, 'unknown-command');
          i += 3;
          continue;
        }
        if (!atLineStart()) printLine();
        result.elements.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
        i += withFeed ? 4 : 3;
        result.breaks.push(i);
        continue;
      }
      case 'GS r':
        if (!need(3)) break;
        result.statusRequests.push({ offset: start, command: 'GS r', n: parameter() });
        i += 3;
        continue;
      case 'GS (': {
        // GS ( k pL pH cn fn …: the length says how far to skip, whatever the function.
        if (!need(5)) break;
        if (bytes[i + 2] !== 0x6b) {
          unread(start, 3, 'unknown-command');
          i += 3;
          continue;
        }
        const length = bytes[i + 3]! + 256 * bytes[i + 4]!;
        if (!need(5 + length)) break;
        const body = bytes.subarray(i + 5, i + 5 + length);
        i += 5 + length;
        const [cn, fn] = [body[0], body[1]];
        if (cn !== 0x31) {
          unread(start, 5 + length, 'unsupported-qr-function');
          continue;
        }
        if (fn === 0x41) continue; // model: every printer we target prints model 2
        if (fn === 0x43 && body[2] !== undefined) qr.moduleSize = body[2];
        else if (fn === 0x45 && body[2] !== undefined && errorCorrections[body[2]])
          qr.errorCorrection = errorCorrections[body[2]]!;
        else if (fn === 0x50) qr.data = new TextDecoder().decode(body.subarray(3));
        else if (fn === 0x51) {
          if (qr.data === null) unread(start, 5 + length, 'qr-print-without-data');
          else {
            result.breaks.push(i);
            result.elements.push({
              kind: 'qr',
              align: mode.align,
              data: qr.data,
              moduleSize: qr.moduleSize,
              errorCorrection: qr.errorCorrection,
            });
          }
        } else unread(start, 5 + length, 'unsupported-qr-function');
        continue;
      }
      default: {
        const parameters = ignoredWithParameters.get(name);
        if (parameters !== undefined) {
          if (!need(2 + parameters)) break;
          i += 2 + parameters;
          continue;
        }
        unread(start, 2, 'unknown-command');
        i += 2;
        continue;
      }
    }
  }
  result.pendingText = spans.map(spanText).join('');
  return result;
}

/** The text lines of a decoded print, as a person reads them top to bottom (QR codes and cuts left out). */
export function printedLines(decoded: DecodedPrint): string[] {
  return decoded.elements.flatMap((element) => (element.kind === 'text' ? [element.text] : []));
}
