/**
 * A PNG of what the printer would put on paper, drawn from the decoded ESC/POS bytes rather than from the
 * receipt, so the preview cannot show something the bytes do not say. One pixel is one printer dot (203 dpi):
 * 384 dots across 58 mm paper, 576 across 80 mm. Characters sit on the printer's grid: 12 × 24 dots for a
 * single-byte character and 24 × 24 for a Chinese one, times the GS ! multipliers.
 */
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import type { Alignment } from './escpos';
import type { DecodedPrint, TextSpan } from './escpos-decode';

export type PaperDots = 384 | 576;

const CJK_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];
const FONT_FAMILY = 'ReceiptPreviewSans';

const CELL_WIDTH = 12;
const CELL_HEIGHT = 24;
/** Epson's default line spacing of 1/6 inch is 34 dots at 203 dpi. */
const LINE_SPACING = 34;
const MARGIN = 12;

let fontFamily: string | null = null;

/** Registers Noto Sans CJK once; without it (another distribution) the preview falls back to any sans font. */
function receiptFont(): string {
  if (fontFamily) return fontFamily;
  const present = CJK_FONT_PATHS.filter((path) => existsSync(path));
  for (const path of present) GlobalFonts.registerFromPath(path, FONT_FAMILY);
  fontFamily = present.length > 0 ? FONT_FAMILY : 'sans-serif';
  return fontFamily;
}

export interface QrBox {
  x: number;
  y: number;
  /** Modules per side. */
  modules: number;
  moduleSize: number;
  /** The module matrix drawn, row by row: true is dark. */
  dark: boolean[][];
}

export interface PrintPreview {
  png: Buffer;
  width: number;
  height: number;
  /** Where each QR code was drawn, for checks of the image. */
  qrCodes: QrBox[];
}

type DrawStep = (ctx: SKRSContext2D, y: number) => void;

function startX(align: Alignment, width: number, paperDots: number): number {
  if (align === 'center') return Math.max(0, Math.floor((paperDots - width) / 2));
  if (align === 'right') return Math.max(0, paperDots - width);
  return 0;
}

function charCells(char: string): number {
  return (char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

function drawSpan(ctx: SKRSContext2D, span: TextSpan, x: number, baseline: number, font: string): number {
  ctx.font = `${span.bold ? 'bold ' : ''}${CELL_HEIGHT}px ${font}`;
  let at = x;
  for (const char of span.text) {
    const cellWidth = charCells(char) * CELL_WIDTH;
    const glyphWidth = ctx.measureText(char).width;
    // Proportional glyphs squeezed into the printer's fixed cells, as its bitmap font would print them.
    const squeeze = glyphWidth > cellWidth ? cellWidth / glyphWidth : 1;
    ctx.save();
    ctx.translate(at, baseline);
    ctx.scale(span.widthScale * squeeze, span.heightScale);
    ctx.fillText(char, (cellWidth / squeeze - glyphWidth) / 2, 0);
    ctx.restore();
    at += cellWidth * span.widthScale;
  }
  return at;
}

export async function renderPrintPreview(decoded: DecodedPrint, paperDots: PaperDots): Promise<PrintPreview> {
  const font = receiptFont();
  const steps: { height: number; draw: DrawStep }[] = [];
  const qrCodes: QrBox[] = [];

  for (const element of decoded.elements) {
    if (element.kind === 'text') {
      const tallest = Math.max(1, ...element.spans.map((span) => span.heightScale));
      const height = LINE_SPACING + CELL_HEIGHT * (tallest - 1);
      const width = element.columns * CELL_WIDTH;
      steps.push({
        height,
        draw: (ctx, y) => {
          let x = startX(element.align, width, paperDots);
          for (const span of element.spans) {
            x = drawSpan(ctx, span, x, y + CELL_HEIGHT * (tallest - span.heightScale), font);
          }
        },
      });
    } else if (element.kind === 'qr') {
      const matrix = QRCode.create(element.data, { errorCorrectionLevel: element.errorCorrection }).modules;
      const size = matrix.size;
      const dark = Array.from({ length: size }, (_, row) =>
        Array.from({ length: size }, (_, col) => Boolean(matrix.get(row, col))),
      );
      const side = size * element.moduleSize;
      const x = startX(element.align, side, paperDots);
      steps.push({
        height: side,
        draw: (ctx, y) => {
          qrCodes.push({ x, y, modules: size, moduleSize: element.moduleSize, dark });
          dark.forEach((cells, row) =>
            cells.forEach((isDark, col) => {
              if (isDark) {
                ctx.fillRect(
                  x + col * element.moduleSize,
                  y + row * element.moduleSize,
                  element.moduleSize,
                  element.moduleSize,
                );
              }
            }),
          );
        },
      });
    } else if (element.kind === 'feed') {
      steps.push({ height: element.lines * LINE_SPACING, draw: () => {} });
    } else {
      // Where the cutter will cut: a dashed line across the paper.
      steps.push({
        height: LINE_SPACING,
        draw: (ctx, y) => {
          for (let x = 0; x < paperDots; x += 16) ctx.fillRect(x, y + LINE_SPACING / 2, 8, 1);
        },
      });
    }
  }

  const height = MARGIN * 2 + steps.reduce((sum, step) => sum + step.height, 0);
  const canvas = createCanvas(paperDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, paperDots, height);
  ctx.fillStyle = '#000000';
  ctx.textBaseline = 'top';
  let y = MARGIN;
  for (const step of steps) {
    step.draw(ctx, y);
    y += step.height;
  }
  return { png: await canvas.encode('png'), width: paperDots, height, qrCodes };
}
