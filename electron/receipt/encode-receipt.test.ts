import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { composeReceipt } from './compose-receipt';
import { encodeReceipt } from './encode-receipt';
import { renderReceiptText } from './render-receipt-text';
import { receiptInput } from './receipt-test-data';

const gb = (text: string) => iconv.encode(text, 'gb18030');

describe('encodeReceipt', () => {
  const receipt = composeReceipt(receiptInput());
  const bytes = Buffer.from(encodeReceipt(receipt));

  it('starts in Chinese mode after a reset and ends with a cut', () => {
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]);
    expect([...bytes.subarray(-4)]).toEqual([0x1d, 0x56, 0x42, 0x00]);
  });

  it('prints every line of the preview, in order, as GB18030', () => {
    const printedLines = renderReceiptText(receipt)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && line !== '〔二维码〕' && line !== receipt.qr.data);
    let from = 0;
    for (const line of printedLines) {
      const at = bytes.indexOf(Buffer.concat([gb(line), Buffer.from([0x0a])]), from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it('prints the title centred at double size and the total in bold', () => {
    expect(
      bytes.includes(Buffer.concat([Buffer.from([0x1b, 0x61, 1, 0x1d, 0x21, 0x11]), gb('惠民惠农明白卡')])),
    ).toBe(true);
    const total = bytes.indexOf(gb('合计 3 笔'));
    expect([...bytes.subarray(total - 3, total)]).toEqual([0x1b, 0x45, 1]);
  });

  it('prints the QR code with the site link', () => {
    const data = Buffer.from(receipt.qr.data, 'utf8');
    const store = Buffer.from([0x1d, 0x28, 0x6b, data.length + 3, 0, 0x31, 0x50, 0x30]);
    expect(bytes.includes(Buffer.concat([store, data]))).toBe(true);
  });

  it('sizes the QR code so it fits across 58 mm paper even for long data', () => {
    const long = composeReceipt(receiptInput({ qrText: `https://hm.example.cn/k/${'x'.repeat(600)}` }));
    const out = Buffer.from(encodeReceipt(long));
    const sizeAt = out.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43]));
    const moduleSize = out[sizeAt + 7] ?? 0;
    // 624 bytes need a version 19 code, 93 modules wide; 384 dots are printable on 58 mm paper.
    expect(moduleSize * 93).toBeLessThanOrEqual(384);
    expect(moduleSize).toBeGreaterThanOrEqual(1);
  });
});
