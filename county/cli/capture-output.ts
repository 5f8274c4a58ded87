/** A CliOutput that records lines, for tests of commands. */
import type { CliOutput } from './command';

export function captureOutput(): CliOutput & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    interactive: false,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
  };
}
