/** The built renderer's JavaScript, raw and gzip (run `npm run build` first). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow as Row } from './bench-row';

export function rendererBench(): Row[] {
  const assets = path.resolve('dist/renderer/assets');
  let files: string[];
  try {
    files = readdirSync(assets).filter((file) => file.endsWith('.js'));
  } catch {
    console.error('dist/renderer not built: run `npm run build` for the renderer figures');
    return [];
  }
  const contents = files.map((file) => readFileSync(path.join(assets, file)));
  const raw = contents.reduce((sum, c) => sum + c.length, 0);
  const gzip = contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0);
  return [
    { measure: 'renderer JS', value: raw / 1024, unit: 'KiB', data: `${files.length} file(s)` },
    { measure: 'renderer JS gzip', value: gzip / 1024, unit: 'KiB', data: `${files.length} file(s)` },
  ];
}
