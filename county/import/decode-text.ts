/**
 * Turns a department CSV's bytes into text. Chinese Excel saves "CSV" in GB18030/GBK unless told "UTF-8
 * CSV", which then starts with a byte-order mark. Detection: a BOM means UTF-8; valid UTF-8 is UTF-8; a file
 * whose first line is valid non-ASCII UTF-8 is UTF-8 with damaged rows (those rows then carry U+FFFD and are
 * reported as undecodable); anything else is GB18030, the superset of GBK and GB2312.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'gb18030';

export const REPLACEMENT_CHARACTER = '\uFFFD';

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function firstLineIsNonAsciiUtf8(bytes: Buffer): boolean {
  // 0x0A never occurs inside a multi-byte character of either encoding, so the first line is a safe cut.
  const newline = bytes.indexOf(0x0a);
  const line = bytes.subarray(0, newline === -1 ? bytes.length : newline);
  return line.some((b) => b >= 0x80) && isUtf8(line);
}

export function detectEncoding(bytes: Buffer): TextEncodingName {
  if (hasUtf8Bom(bytes) || isUtf8(bytes) || firstLineIsNonAsciiUtf8(bytes)) return 'utf-8';
  return 'gb18030';
}

/** Decodes one piece of a file that starts at `start`: only the file's first piece may carry a BOM. */
export function decodePiece(bytes: Buffer, encoding: TextEncodingName, start: number): string {
  if (encoding === 'utf-8') {
    return (start === 0 && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes).toString('utf8');
  }
  return iconv.decode(bytes, 'gb18030', { stripBOM: start === 0 });
}
