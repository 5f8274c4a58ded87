/**
 * Progress of long work (generation, import, publish) on stderr: one line redrawn in place on a terminal,
 * a line per tenth otherwise (logs stay readable), nothing with `--json` so scripts get clean output.
 */
import type { CliOutput } from './command';

export interface Progress {
  advance(by?: number): void;
  done(): void;
}

const WIDTH = 30;

export function startProgress(output: CliOutput, label: string, total: number, quiet = false): Progress {
  if (quiet || total <= 0) return { advance: () => undefined, done: () => undefined };
  let count = 0;
  let shownTenth = -1;
  let lastDraw = 0;
  const started = Date.now();
  const line = () => {
    const fraction = Math.min(1, count / total);
    const filled = Math.round(fraction * WIDTH);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}/${total} ${seconds}s`;
  };
  return {
    advance(by = 1) {
      count += by;
      if (output.interactive) {
        const now = Date.now();
        if (now - lastDraw < 100 && count < total) return;
        lastDraw = now;
        process.stderr.write(`\r${line()}`);
      } else {
        const tenth = Math.floor((10 * count) / total);
        if (tenth > shownTenth && tenth < 10) {
          shownTenth = tenth;
          output.err(line());
        }
      }
    },
    done() {
      if (output.interactive) process.stderr.write(`\r${line()}\n`);
      else output.err(line());
    },
  };
}
