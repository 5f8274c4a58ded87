import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscPosBuilder } from './escpos';
import { decodeEscPos } from './escpos-decode';
import { renderPrintPreview } from './print-preview-png';
import { createPrinterDriver } from './printer';
import { createPrinterService } from './printer-service';

const QR_TEXT = 'HUIMIN:MQ-0042:17:3F9A0C21B7DE';

function receiptBytes(): Uint8Array {
  return new EscPosBuilder()
    .initialize()
    .chineseMode()
    .align('center')
    .size(2, 2)
    .text('惠民惠农明白卡')
    .lineFeed()
    .size(1, 1)
    .align('left')
    .text('姓名：李*䶮')
    .lineFeed()
    .bold(true)
    .text('合计 1 笔             1234.50元')
    .lineFeed()
    .bold(false)
    .align('center')
    .qrCode(QR_TEXT, 6)
    .lineFeed()
    .partialCut()
    .toBytes();
}

const job = { bytes: receiptBytes(), preview: '姓名：李*䶮\n' };

async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  const isDark = (x: number, y: number) => (data[(y * image.width + x) * 4] ?? 255) < 128;
  return { width: image.width, height: image.height, isDark };
}

describe('virtual printer', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'virtual-printer-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('saves the exact bytes, the text preview and a PNG under the job id, creating the directory', async () => {
    const directory = join(root, 'receipts', 'today');
    const service = createPrinterService({ kind: 'virtual', directory }, { paperWidthMm: 58, idlePollMs: 0 });
    const id = service.submit(job);
    expect(await service.firstAttempt(id)).toEqual({ state: 'printed' });
    expect(service.printerState()).toBe('ready');
    await service.close();
    expect(new Uint8Array(await readFile(join(directory, `${id}.bin`)))).toEqual(job.bytes);
    expect(await readFile(join(directory, `${id}.txt`), 'utf8')).toBe(job.preview);
    const png = await pixels(await readFile(join(directory, `${id}.png`)));
    expect(png.width).toBe(384);
  });

  it.each([
    [58, 384],
    [80, 576],
  ] as const)(
    'draws %i mm paper %i dots wide, with the text and the very QR code the bytes hold',
    async (mm, dots) => {
      const preview = await renderPrintPreview(decodeEscPos(job.bytes), dots);
      const png = await pixels(preview.png);
      expect([png.width, png.height]).toEqual([dots, preview.height]);

      // The title line (double size) has ink; the top margin has none.
      const darkInRows = (from: number, to: number) => {
        let dark = 0;
        for (let y = from; y < to; y += 1) for (let x = 0; x < dots; x += 1) if (png.isDark(x, y)) dark += 1;
        return dark;
      };
      expect(darkInRows(0, 10)).toBe(0);
      expect(darkInRows(12, 12 + 48)).toBeGreaterThan(200);

      // The QR code: centred, and every module where an independent encoding of the payload puts it.
      expect(preview.qrCodes).toHaveLength(1);
      const box = preview.qrCodes[0]!;
      const matrix = QRCode.create(QR_TEXT, { errorCorrectionLevel: 'M' }).modules;
      expect(box.modules).toBe(matrix.size);
      expect(box.moduleSize).toBe(6);
      expect(Math.abs(box.x * 2 + box.modules * box.moduleSize - dots)).toBeLessThanOrEqual(1);
      let mismatches = 0;
      for (let row = 0; row < matrix.size; row += 1) {
        for (let col = 0; col < matrix.size; col += 1) {
          const x = box.x + col * box.moduleSize + box.moduleSize / 2;
          const y = box.y + row * box.moduleSize + box.moduleSize / 2;
          if (png.isDark(x, y) !== Boolean(matrix.get(row, col))) mismatches += 1;
        }
      }
      expect(mismatches).toBe(0);
    },
  );

  it('keeps every job when several are submitted at once, each under its own id', async () => {
    const service = createPrinterService({ kind: 'virtual', directory: root }, { idlePollMs: 0 });
    const ids = Array.from({ length: 20 }, () => service.submit(job));
    const statuses = await Promise.all(ids.map((id) => service.firstAttempt(id)));
    await service.close();
    expect(statuses).toEqual(ids.map(() => ({ state: 'printed' })));
    expect(new Set(ids).size).toBe(20);
    const files = await readdir(root);
    expect(files).toHaveLength(60);
    for (const id of ids) {
      expect(new Uint8Array(await readFile(join(root, `${id}.bin`)))).toEqual(job.bytes);
    }
  });

  it('is offline while the directory cannot be made, and prints the waiting job once it can', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, '');
    const directory = join(blocker, 'receipts');
    expect(await createPrinterDriver({ kind: 'virtual', directory }).deliver(job, 'job')).toEqual({
      printed: false,
      state: 'offline',
    });

    const service = createPrinterService({ kind: 'virtual', directory }, { retryDelayMs: 20, idlePollMs: 0 });
    const id = service.submit(job);
    expect(await service.firstAttempt(id)).toEqual({ state: 'waiting', reason: 'offline' });
    expect(service.printerState()).toBe('offline');

    const printed = new Promise<void>((resolve) =>
      service.onJob((jobId, status) => {
        if (jobId === id && status.state === 'printed') resolve();
      }),
    );
    await rm(blocker);
    await printed;
    await service.close();
    expect(new Uint8Array(await readFile(join(directory, `${id}.bin`)))).toEqual(job.bytes);
  });
});
