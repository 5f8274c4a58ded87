/**
 * A small ESC/POS command builder: only the commands the receipt needs, each written out byte by byte so a
 * test can check them against the command reference.
 *
 * Text is encoded as GB18030, not GB2312 or GBK: rare name characters (䶮, 堃, 喆) and the 4-byte range exist
 * only in GB18030, and a masked name keeps the last character of the given name, which may be one of them.
 */
import iconv from 'iconv-lite';

const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;
const LF = 0x0a;

/** QR code data is UTF-8: phone scanners decode byte-mode QR payloads as UTF-8 when the bytes are valid UTF-8. */
const utf8 = new TextEncoder();

export type Alignment = 'left' | 'center' | 'right';

const alignmentCode: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

/**
 * Byte-mode capacity of QR model 2 at error correction level M, for versions 1 to 40 (ISO/IEC 18004, table 7).
 * Used to predict how many modules wide the printed code will be.
 */
const qrByteCapacityLevelM = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779,
  857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

function tooMuchQrData(byteLength: number): RangeError {
  return new RangeError(`QR data of ${byteLength} bytes exceeds the largest QR code`);
}

/** The width in modules of the smallest QR code (model 2, level M) that holds `byteLength` bytes. */
export function qrModulesPerSide(byteLength: number): number {
  const index = qrByteCapacityLevelM.findIndex((capacity) => byteLength <= capacity);
  if (index < 0) throw tooMuchQrData(byteLength);
  const version = index + 1;
  return 17 + 4 * version;
}

/** The byte length of QR data as the printer receives it. */
export function qrDataByteLength(data: string): number {
  return utf8.encode(data).length;
}

/** Replaces control characters so text taken from data can never smuggle a printer command in. */
function withoutControlCharacters(text: string): string {
  return Array.from(text, (char) => (char < ' ' || char === '\u007f' ? ' ' : char)).join('');
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

export class EscPosBuilder {
  private readonly chunks: Uint8Array[] = [];

  private push(...bytes: number[]): this {
    this.chunks.push(Uint8Array.from(bytes));
    return this;
  }

  /** ESC @ — clears the print buffer and resets every mode to the power-on default. */
  initialize(): this {
    return this.push(ESC, 0x40);
  }

  /** FS & — double-byte (Chinese) character mode, so GB18030 multi-byte codes print as one character. */
  chineseMode(): this {
    return this.push(FS, 0x26);
  }

  /** ESC a n */
  align(alignment: Alignment): this {
    return this.push(ESC, 0x61, alignmentCode[alignment]);
  }

  /** ESC E n */
  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** GS ! n — width and height multipliers (1–8) in the high and low nibble. */
  size(width: number, height: number): this {
    checkRange('width', width, 1, 8);
    checkRange('height', height, 1, 8);
    return this.push(GS, 0x21, ((width - 1) << 4) | (height - 1));
  }

  /** Text in GB18030; control characters become spaces. Does not end the line. */
  text(text: string): this {
    this.chunks.push(Uint8Array.from(iconv.encode(withoutControlCharacters(text), 'gb18030')));
    return this;
  }

  /** LF — prints the buffer and advances one line. */
  lineFeed(): this {
    return this.push(LF);
  }

  /** ESC d n — prints the buffer and advances n lines. */
  feed(lines: number): this {
    checkRange('lines', lines, 0, 255);
    return this.push(ESC, 0x64, lines);
  }

  /**
   * GS ( k — a QR code, model 2, error correction M: select the model, set the module size (dots per module),
   * set the error correction level, store the data, print it.
   */
  qrCode(data: string, moduleSize: number): this {
    checkRange('moduleSize', moduleSize, 1, 16);
    const bytes = utf8.encode(data);
    if (bytes.length > qrByteCapacityLevelM[qrByteCapacityLevelM.length - 1]!)
      throw tooMuchQrData(bytes.length);
    // pL pH count the bytes after themselves: cn fn m (3 bytes) and the data.
    const storeLength = bytes.length + 3;
    this.push(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleSize);
    this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31);
    this.push(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30);
    this.chunks.push(bytes);
    return this.push(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);
  }

  /**
   * GS V 66 0 — feeds the paper up to the cutter, then cuts partially; without the feed the last printed
   * lines would still sit below the cutter and be torn off with the next receipt.
   */
  partialCut(): this {
    return this.push(GS, 0x56, 0x42, 0x00);
  }

  toBytes(): Uint8Array {
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}
