import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder, qrModulesPerSide } from './escpos';

const bytesOf = (build: (b: EscPosBuilder) => EscPosBuilder) => [...build(new EscPosBuilder()).toBytes()];

describe('EscPosBuilder commands', () => {
  it('initializes, selects Chinese mode, aligns, bolds, sizes, feeds and cuts with the documented bytes', () => {
    expect(bytesOf((b) => b.initialize().chineseMode())).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect(bytesOf((b) => b.align('left').align('center').align('right'))).toEqual([
      0x1b, 0x61, 0, 0x1b, 0x61, 1, 0x1b, 0x61, 2,
    ]);
    expect(bytesOf((b) => b.bold(true).bold(false))).toEqual([0x1b, 0x45, 1, 0x1b, 0x45, 0]);
    expect(bytesOf((b) => b.size(2, 2).size(1, 1).size(3, 1))).toEqual([
      0x1d, 0x21, 0x11, 0x1d, 0x21, 0x00, 0x1d, 0x21, 0x20,
    ]);
    expect(bytesOf((b) => b.lineFeed().feed(3))).toEqual([0x0a, 0x1b, 0x64, 3]);
    expect(bytesOf((b) => b.partialCut())).toEqual([0x1d, 0x56, 0x42, 0x00]);
  });

  it('refuses sizes outside what GS ! can express', () => {
    expect(() => new EscPosBuilder().size(9, 1)).toThrow(RangeError);
    expect(() => new EscPosBuilder().size(1, 0)).toThrow(RangeError);
  });
});

describe('text in GB18030', () => {
  it('encodes a masked name as GB18030 double-byte codes, ASCII as single bytes', () => {
    expect(bytesOf((b) => b.text('张*明'))).toEqual([0xd5, 0xc5, 0x2a, 0xc3, 0xf7]);
  });

  it('keeps rare name characters that GB2312 cannot encode', () => {
    const rare = '䶮堃喆';
    const bytes = Buffer.from(bytesOf((b) => b.text(rare)));
    expect(iconv.decode(bytes, 'gb18030')).toBe(rare);
    expect(bytes.includes(0x3f)).toBe(false);
    // What a GB2312 encoder would have printed instead: a question mark.
    expect([...iconv.encode('䶮', 'gb2312')]).toEqual([0x3f]);
  });

  it('round-trips 䶮 on its own', () => {
    const bytes = Buffer.from(bytesOf((b) => b.text('䶮')));
    expect(bytes.length).toBeGreaterThanOrEqual(2);
    expect(iconv.decode(bytes, 'gb18030')).toBe('䶮');
  });

  it('turns control characters in text into spaces, so data cannot inject printer commands', () => {
    expect(bytesOf((b) => b.text('a\x1bp\x00\nb'))).toEqual([0x61, 0x20, 0x70, 0x20, 0x20, 0x62]);
  });
});

describe('QR code', () => {
  it('writes model, module size, level M, store (length from UTF-8 bytes) and print for a Chinese payload', () => {
    const data = '明白卡'; // 9 bytes in UTF-8, 3 characters
    expect(bytesOf((b) => b.qrCode(data, 6))).toEqual([
      ...[0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31],
      ...[0x1d, 0x28, 0x6b, 0x0c, 0x00, 0x31, 0x50, 0x30],
      ...[0xe6, 0x98, 0x8e, 0xe7, 0x99, 0xbd, 0xe5, 0x8d, 0xa1],
      ...[0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30],
    ]);
  });

  it('carries the store length into pH when the data passes 252 bytes', () => {
    const data = `https://hm.example.cn/q?c=${'村'.repeat(90)}`; // 26 + 270 = 296 bytes
    const bytes = bytesOf((b) => b.qrCode(data, 4));
    const store = 9 + 8 + 8; // after the model, module size and error correction commands
    expect(bytes.slice(store, store + 8)).toEqual([0x1d, 0x28, 0x6b, 299 & 0xff, 1, 0x31, 0x50, 0x30]);
    expect(Buffer.from(bytes.slice(store + 8, store + 8 + 296)).toString('utf8')).toBe(data);
  });

  it('refuses data no QR code can hold', () => {
    expect(() => new EscPosBuilder().qrCode('x'.repeat(2332), 4)).toThrow(RangeError);
  });

  it('predicts the width of the code from the data length', () => {
    expect(qrModulesPerSide(14)).toBe(21);
    expect(qrModulesPerSide(15)).toBe(25);
    expect(qrModulesPerSide(2331)).toBe(177);
  });
});
