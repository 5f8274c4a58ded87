import { describe, expect, it } from 'vitest';
import {
  manifestFiles,
  manifestModule,
  manifestOf,
  parsePromptPlan,
  promptFiles,
  trimWavSilence,
} from './voice-prompts-plan';

const plan = parsePromptPlan(
  JSON.stringify({
    'zh-CN': [
      { id: 'attract', text: '您好' },
      { id: 'unit-1', text: '一' },
    ],
    en: [{ id: 'attract', text: 'Welcome' }],
  }),
);

describe('the prompt files', () => {
  it('go to <out>/<locale>/<id>.wav, from a county recording where there is one', () => {
    const files = promptFiles(plan, 'out', 'rec', (file) => file === 'rec/zh-CN/unit-1.wav');
    expect(files).toEqual([
      { locale: 'zh-CN', id: 'attract', text: '您好', file: 'out/zh-CN/attract.wav', recording: null },
      {
        locale: 'zh-CN',
        id: 'unit-1',
        text: '一',
        file: 'out/zh-CN/unit-1.wav',
        recording: 'rec/zh-CN/unit-1.wav',
      },
      { locale: 'en', id: 'attract', text: 'Welcome', file: 'out/en/attract.wav', recording: null },
    ]);
  });

  it('refuses a plan with an id that is not a plain file name', () => {
    expect(() => parsePromptPlan(JSON.stringify({ en: [{ id: '../x', text: 'x' }] }))).toThrow();
  });
});

describe('the manifest', () => {
  it('lists exactly what was made, per locale, with its text', () => {
    const made = promptFiles(plan, 'out', 'rec', () => false).filter((file) => file.id === 'attract');
    expect(manifestOf(made)).toEqual({
      format: 1,
      locales: { 'zh-CN': { attract: '您好' }, en: { attract: 'Welcome' } },
    });
  });

  it('is written as JSON and as the module the page imports', () => {
    const made = promptFiles(plan, 'out', 'rec', () => false);
    const written = manifestFiles('out', made);
    expect(written.map((file) => file.path)).toEqual(['out/manifest.json', 'out/manifest.js']);
    const manifest = manifestOf(made);
    expect(JSON.parse(written[0]?.content ?? '')).toEqual(manifest);
    expect(written[1]?.content).toBe(manifestModule(manifest));
    expect(manifestModule(manifest)).toMatch(/^export default \{"format":1,/);
  });

  it('is not written when nothing was made (no espeak-ng, no recordings)', () => {
    expect(manifestFiles('out', [])).toEqual([]);
  });
});

function wav(samples: number[]): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 1000, true);
  view.setUint32(28, 2000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

describe('trimming silence', () => {
  it('keeps the sound and the margin, and fixes the sizes in the header', () => {
    // 1000 samples a second: 10 ms is 10 samples.
    const samples = [...Array(100).fill(0), 5000, -5000, 5000, ...Array(200).fill(10)];
    const trimmed = trimWavSilence(wav(samples), 10);
    expect(trimmed).toEqual(wav([...Array(10).fill(0), 5000, -5000, 5000, ...Array(10).fill(10)]));
  });

  it('leaves what it does not understand, and pure silence, as it is', () => {
    const silent = wav(Array(50).fill(0));
    expect(trimWavSilence(silent, 10)).toBe(silent);
    const other = new TextEncoder().encode('not a wav file at all, not even close to one......');
    expect(trimWavSilence(other, 10)).toBe(other);
  });
});
