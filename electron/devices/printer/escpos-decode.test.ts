import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from './escpos';
import { decodeEscPos, printedLines } from './escpos-decode';

const decodeBuilt = (build: (b: EscPosBuilder) => EscPosBuilder) =>
  decodeEscPos(build(new EscPosBuilder().initialize().chineseMode()).toBytes());

describe('decodeEscPos', () => {
  it('reads back lines with the alignment, size and emphasis they were printed with', () => {
    const decoded = decodeBuilt((b) =>
      b
        .align('center')
        .size(2, 2)
        .text('惠民惠农明白卡')
        .lineFeed()
        .size(1, 1)
        .align('left')
        .bold(true)
        .text('合计 3 笔')
        .bold(false)
        .text('  1634.50元')
        .lineFeed()
        .lineFeed(),
    );
    expect(decoded.unread).toEqual([]);
    expect(decoded.elements).toEqual([
      {
        kind: 'text',
        align: 'center',
        text: '惠民惠农明白卡',
        spans: [{ text: '惠民惠农明白卡', bold: false, widthScale: 2, heightScale: 2, columns: 28 }],
        columns: 28,
      },
      {
        kind: 'text',
        align: 'left',
        text: '合计 3 笔  1634.50元',
        spans: [
          { text: '合计 3 笔', bold: true, widthScale: 1, heightScale: 1, columns: 9 },
          { text: '  1634.50元', bold: false, widthScale: 1, heightScale: 1, columns: 11 },
        ],
        columns: 20,
      },
      { kind: 'text', align: 'left', text: '', spans: [], columns: 0 },
    ]);
  });

  it('reads a QR code’s payload, module size and error correction level', () => {
    const decoded = decodeBuilt((b) =>
      b.align('center').qrCode('https://hm.example.cn/c/TS-2026-0042 明白卡', 5),
    );
    expect(decoded.elements).toEqual([
      {
        kind: 'qr',
        align: 'center',
        data: 'https://hm.example.cn/c/TS-2026-0042 明白卡',
        moduleSize: 5,
        errorCorrection: 'M',
      },
    ]);
  });

  it('reads feeds and the partial cut', () => {
    const decoded = decodeBuilt((b) => b.text('a').feed(3).partialCut());
    expect(decoded.elements.map((e) => e.kind)).toEqual(['text', 'feed', 'cut']);
    expect(decoded.elements[1]).toEqual({ kind: 'feed', lines: 3 });
    expect(decoded.elements[2]).toEqual({ kind: 'cut', partial: true });
  });

  it('finds where the stream can be cut: after each line, QR code, feed and cut, never inside a command', () => {
    // A 7-byte QR payload makes the store command's length byte 0A, and ESC d 10 has 0A as its parameter:
    // LF bytes that end no line.
    const bytes = new EscPosBuilder()
      .initialize()
      .text('ab')
      .lineFeed()
      .qrCode('1234567', 4)
      .feed(10)
      .partialCut()
      .toBytes();
    const { breaks } = decodeEscPos(bytes);
    expect(breaks).toHaveLength(4);
    expect(breaks[breaks.length - 1]).toBe(bytes.length);
    const pieces = breaks.map((end, i) => bytes.subarray(breaks[i - 1] ?? 0, end));
    expect(pieces.map((piece) => decodeEscPos(piece).elements.map((e) => e.kind))).toEqual([
      ['text'],
      ['qr'],
      ['feed'],
      ['cut'],
    ]);
    expect(pieces.flatMap((piece) => decodeEscPos(piece).unread)).toEqual([]);
  });

  it('decodes 2- and 4-byte GB18030 and counts each Chinese character as two columns', () => {
    const decoded = decodeBuilt((b) => b.text('李*䶮 王*堃 陈*喆 㛃𬀩').lineFeed());
    expect(printedLines(decoded)).toEqual(['李*䶮 王*堃 陈*喆 㛃𬀩']);
    expect(decoded.elements[0]).toMatchObject({ columns: 3 * (2 + 1 + 2) + 3 + 2 * 2 });
  });

  it('shows garbage, not Chinese, when the printer was never put in Chinese mode', () => {
    const decoded = decodeEscPos(new EscPosBuilder().initialize().text('张*明').lineFeed().toBytes());
    expect(printedLines(decoded)[0]).not.toBe('张*明');
    expect(decoded.elements[0]).toMatchObject({ columns: 5 });
  });

  it('ignores ESC a in the middle of a line, as the printer does', () => {
    const decoded = decodeBuilt((b) =>
      b.text('left ').align('right').text('still left').lineFeed().text('x').lineFeed(),
    );
    expect(decoded.elements.map((e) => (e.kind === 'text' ? e.align : null))).toEqual(['left', 'left']);
  });

  it('drops text not yet printed when ESC @ resets the printer, and keeps text without LF as pending', () => {
    const decoded = decodeEscPos(
      new EscPosBuilder().chineseMode().text('lost').initialize().chineseMode().text('后来').toBytes(),
    );
    expect(decoded.elements).toEqual([]);
    expect(decoded.pendingText).toBe('后来');
  });

  it('reports commands it does not know and goes on reading', () => {
    const bytes = Uint8Array.from([
      ...[0x1b, 0x40, 0x1c, 0x26],
      ...[0x1d, 0x99, 0x07], // no such GS command; BEL
      ...Buffer.from('ok\n'),
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x30, 0x43, 0x03], // PDF417 module width
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], // print QR with no data stored
      ...[0x1d, 0x21], // truncated
    ]);
    const decoded = decodeEscPos(bytes);
    expect(printedLines(decoded)).toEqual(['ok']);
    expect(decoded.unread.map((u) => [u.offset, u.problem])).toEqual([
      [4, 'unknown-command'],
      [6, 'unknown-command'],
      [10, 'unsupported-qr-function'],
      [18, 'qr-print-without-data'],
      [26, 'truncated'],
    ]);
  });

  it('lists status requests apart from what is printed', () => {
    const bytes = Uint8Array.from([
      0x10, 0x04, 0x01, 0x1c, 0x26, 0x61, 0x0a, 0x1d, 0x72, 0x01, 0x10, 0x04, 0x04,
    ]);
    const decoded = decodeEscPos(bytes);
    expect(printedLines(decoded)).toEqual(['a']);
    expect(decoded.statusRequests).toEqual([
      { offset: 0, command: 'DLE EOT', n: 1 },
      { offset: 7, command: 'GS r', n: 1 },
      { offset: 10, command: 'DLE EOT', n: 4 },
    ]);
  });

  it('never throws on arbitrary bytes, and accounts for every line feed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const decoded = decodeEscPos(bytes, { chineseModeByDefault: true });
        return decoded.elements.length <= bytes.length;
      }),
      { numRuns: 2_000 },
    );
  });
});
