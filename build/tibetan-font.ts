/**
 * The Tibetan (bo) screen font. Chromium on a kiosk may have no Tibetan font, so the renderer ships one as a
 * web font: Debian's fonts-tibetan-machine (Tibetan Machine Uni, GPL with the font exception) is copied into
 * dist/renderer/fonts/, where renderer/theme.css's @font-face finds it. The font stays out of the repository;
 * a build machine without the package still builds, and Tibetan then shows in whatever font the system has.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const TIBETAN_FONT_SOURCE = '/usr/share/fonts/truetype/tibetan-machine/TibetanMachineUni.ttf';
/** Where theme.css's `url(../fonts/TibetanMachineUni.ttf)` points from dist/renderer/assets/. */
export const TIBETAN_FONT_TARGET = 'fonts/TibetanMachineUni.ttf';

/** Copies the font into the built renderer; answers one line saying what happened. */
export function copyTibetanFont(rendererDir: string, source = TIBETAN_FONT_SOURCE): string {
  const target = path.join(rendererDir, TIBETAN_FONT_TARGET);
  if (!existsSync(source)) {
    return `Tibetan font not found at ${source}: bo text will use the system's fonts (apt-get install fonts-tibetan-machine)`;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target);
  return `copied the Tibetan font into ${target}`;
}
