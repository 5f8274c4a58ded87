import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTibetanFont, TIBETAN_FONT_TARGET } from './tibetan-font';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tibetan-font-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('copyTibetanFont', () => {
  it('copies the font where theme.css looks for it, relative to the built stylesheet', () => {
    const source = path.join(dir, 'TibetanMachineUni.ttf');
    writeFileSync(source, 'font bytes');
    const renderer = path.join(dir, 'dist', 'renderer');
    expect(copyTibetanFont(renderer, source)).toMatch(/^copied/);
    expect(readFileSync(path.join(renderer, TIBETAN_FONT_TARGET), 'utf8')).toBe('font bytes');
    const css = readFileSync(path.join(import.meta.dirname, '../renderer/theme.css'), 'utf8');
    // The built stylesheet sits in dist/renderer/assets/.
    expect(css).toContain(`url('../${TIBETAN_FONT_TARGET}')`);
  });

  it('says in one line which package to install when the font is missing, and copies nothing', () => {
    const renderer = path.join(dir, 'dist', 'renderer');
    const message = copyTibetanFont(renderer, path.join(dir, 'absent.ttf'));
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('apt-get install fonts-tibetan-machine');
    expect(existsSync(path.join(renderer, TIBETAN_FONT_TARGET))).toBe(false);
  });
});
