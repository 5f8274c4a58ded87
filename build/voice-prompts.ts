/**
 * Makes the kiosk's voice prompt set in dist/renderer/voice/<locale>/<id>.wav, after the Vite build: a
 * county's own recordings from renderer/voice/recordings/<locale>/ where present, placeholders synthesised
 * with espeak-ng for the rest, and the manifest of what exists (renderer/voice/README.md). Without espeak-ng
 * it says so in one line and carries on: the build does not fail for a missing voice.
 *
 *   tsx build/voice-prompts.ts [--out dist/renderer/voice] [--recordings renderer/voice/recordings]
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import {
  ESPEAK_MISSING,
  ESPEAK_SPEED,
  ESPEAK_VOICES,
  manifestFiles,
  marginMsOf,
  parsePromptPlan,
  promptFiles,
  trimWavSilence,
  type PromptFile,
} from './voice-prompts-plan';

const run = promisify(execFile);
const PARALLEL = 8;

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: 'dist/renderer/voice' },
    recordings: { type: 'string', default: 'renderer/voice/recordings' },
  },
});
const outDir = options.out;

// The plan comes from the renderer's own prompts and units, run as a program: build/ links no project code.
const planned = spawnSync(process.execPath, ['--import', 'tsx', 'renderer/voice/print-prompt-plan.ts'], {
  encoding: 'utf8',
});
if (planned.status !== 0) throw new Error(`could not read the prompt plan: ${planned.stderr}`);
const files = promptFiles(parsePromptPlan(planned.stdout), outDir, options.recordings, existsSync);

const espeak = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
const hasEspeak = espeak.error === undefined && espeak.status === 0;
if (!hasEspeak) console.log(ESPEAK_MISSING);

async function make(file: PromptFile): Promise<boolean> {
  const voice = ESPEAK_VOICES[file.locale];
  if (!file.recording && (!hasEspeak || !voice)) return false;
  await mkdir(path.dirname(file.file), { recursive: true });
  if (file.recording) {
    await copyFile(file.recording, file.file);
    return true;
  }
  await run('espeak-ng', ['-v', voice ?? '', '-s', String(ESPEAK_SPEED), '-w', file.file, '--', file.text]);
  await writeFile(file.file, trimWavSilence(await readFile(file.file), marginMsOf(file.id)));
  return true;
}

const made: PromptFile[] = [];
const queue = [...files];
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) if (await make(file)) made.push(file);
  }),
);
// The manifest's order follows the plan, whatever order the workers finished in.
made.sort((a, b) => files.indexOf(a) - files.indexOf(b));

for (const { path: file, content } of manifestFiles(outDir, made)) await writeFile(file, content);
const recorded = made.filter((file) => file.recording).length;
if (made.length > 0)
  console.log(
    `voice prompts: ${made.length} files in ${outDir} (${recorded} recorded by the county, ${made.length - recorded} placeholders)`,
  );
