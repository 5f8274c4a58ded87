import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskConfigError, loadKioskConfig } from './load-config';

const examples = path.join(import.meta.dirname, 'examples');
const village = JSON.parse(
  readFileSync(path.join(examples, 'village-service-station.json'), 'utf8'),
) as Record<string, unknown>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(content: unknown, name = 'kiosk.json'): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function errorOf(action: () => unknown): KioskConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof KioskConfigError) return error;
    throw error;
  }
  throw new Error('expected a KioskConfigError');
}

describe('the example configs', () => {
  it('loads the township service hall (TCP printer, serial reader)', () => {
    const config = loadKioskConfig(path.join(examples, 'township-service-hall.json'));
    expect(config.site).toEqual({ name: '清溪县青山镇便民服务中心', township: '青山镇', village: null });
    expect(config.printer).toEqual({ kind: 'tcp', host: '192.168.10.50', port: 9100 });
    expect(config.cardReader).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 });
    expect(config.trust.publicKeys).toHaveLength(2);
  });

  it('loads the village service station (device printer, keyboard reader)', () => {
    const config = loadKioskConfig(path.join(examples, 'village-service-station.json'));
    expect(config.site.village).toBe('白沙村');
    expect(config.printer).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(config.cardReader).toEqual({ kind: 'keyboard' });
    expect(config.paperWidthMm).toBe(58);
  });
});

describe('loadKioskConfig', () => {
  it('resolves relative paths against the config file, not the working directory', () => {
    const file = writeConfig({ ...village, printer: { kind: 'virtual', directory: 'printed' } }, 'site.json');
    const config = loadKioskConfig(file);
    expect(config.paths).toEqual({
      replica: path.join(dir, 'data', 'replica.db'),
      outbox: path.join(dir, 'data', 'outbox.db'),
      receipts: path.join(dir, 'data', 'receipts'),
      syncState: path.join(dir, 'data', 'sync'),
    });
    expect(config.printer).toEqual({ kind: 'virtual', directory: path.join(dir, 'printed') });
  });

  it('keeps absolute paths and device names as written', () => {
    const config = loadKioskConfig(path.join(examples, 'township-service-hall.json'));
    expect(config.paths.replica).toBe('/var/lib/huimin-kiosk/replica.db');
    expect(config.paths.syncState).toBe('/var/lib/huimin-kiosk/sync');
    expect(config.cardReader).toMatchObject({ path: '/dev/ttyUSB0' });
  });

  it('applies the defaults for fields left out', () => {
    const ui = village.ui as Record<string, unknown>;
    const file = writeConfig({
      ...village,
      cardReader: { kind: 'serial', path: 'COM3' },
      printer: { kind: 'tcp', host: '192.168.1.20' },
      paperWidthMm: undefined,
      ui: { languages: ui.languages, defaultLanguage: ui.defaultLanguage, voice: ui.voice },
    });
    const config = loadKioskConfig(file);
    expect(config.cardReader).toEqual({ kind: 'serial', path: 'COM3', baudRate: 115200 });
    expect(config.printer).toEqual({ kind: 'tcp', host: '192.168.1.20', port: 9100 });
    expect(config.paperWidthMm).toBe(80);
    expect(config.dataStaleAfterHours).toBe(72);
    expect(config.ui).toMatchObject({ idleSeconds: 90, idleWarningSeconds: 20, textScale: 1 });
  });

  it('names the file, the field path and the reason for every problem at once', () => {
    const file = writeConfig({
      ...village,
      kioskId: 'Baisha Station',
      county: { baseUrl: 'http://huimin.qingxi.example', hotline: '0000-6123456' },
      trust: { publicKeys: [{ keyId: 'k1', ed25519: 'too-short' }] },
      accessToken: undefined,
      ui: { ...(village.ui as object), idleSecond: 100 },
    });
    const error = errorOf(() => loadKioskConfig(file));
    expect(error.problems.map((p) => p.path).sort()).toEqual([
      'accessToken',
      'county.baseUrl',
      'kioskId',
      'trust.publicKeys[0].ed25519',
      'ui.idleSecond',
    ]);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines).toContain(`${file}: accessToken: required (string)`);
    expect(lines).toContain(`${file}: ui.idleSecond: unknown field`);
    expect(lines.find((line) => line.startsWith(`${file}: county.baseUrl: `))).toMatch(/https/);
  });

  it('offers Tibetan (bo) beside Chinese and English, even as the default', () => {
    const ui = { ...(village.ui as object), languages: ['bo', 'zh-CN', 'en'], defaultLanguage: 'bo' };
    const config = loadKioskConfig(writeConfig({ ...village, ui }));
    expect(config.ui).toMatchObject({ languages: ['bo', 'zh-CN', 'en'], defaultLanguage: 'bo' });
  });

  it('rejects a language the screen has no catalogue for', () => {
    const file = writeConfig({ ...village, ui: { ...(village.ui as object), languages: ['zh-CN', 'ug'] } });
    expect(errorOf(() => loadKioskConfig(file)).problems.map((p) => p.path)).toEqual(['ui.languages[1]']);
  });

  it('rejects a default language that is not among the languages offered', () => {
    const file = writeConfig({ ...village, ui: { ...(village.ui as object), defaultLanguage: 'en' } });
    const error = errorOf(() => loadKioskConfig(file));
    expect(error.problems).toEqual([
      { path: 'ui.defaultLanguage', reason: 'must be one of ui.languages (zh-CN)' },
    ]);
  });

  it('rejects an idle warning as long as the idle period itself', () => {
    const file = writeConfig({
      ...village,
      ui: { ...(village.ui as object), idleSeconds: 30, idleWarningSeconds: 30 },
    });
    expect(errorOf(() => loadKioskConfig(file)).problems.map((p) => p.path)).toEqual([
      'ui.idleWarningSeconds',
    ]);
  });

  it('allows plain http only to this machine', () => {
    const local = writeConfig({ ...village, county: { baseUrl: 'http://localhost:8787', hotline: '1' } });
    expect(loadKioskConfig(local).county.baseUrl).toBe('http://localhost:8787');
    const remote = writeConfig({ ...village, county: { baseUrl: 'http://192.168.1.5:8787', hotline: '1' } });
    expect(errorOf(() => loadKioskConfig(remote)).problems[0]?.path).toBe('county.baseUrl');
  });

  it('reports a JSON syntax error with its line and column', () => {
    const file = writeConfig('{\n  "kioskId": "qingxi-01"\n  "site": {}\n}');
    const error = errorOf(() => loadKioskConfig(file));
    // The parser stops at the token after the missing comma: "site" at the start of line 3.
    expect(error.message).toMatch(/: line 3, column 3: not valid JSON: /);
    expect(error.message.startsWith(`${file}: `)).toBe(true);
  });

  it('reports a file that cannot be read', () => {
    const missing = path.join(dir, 'missing.json');
    expect(errorOf(() => loadKioskConfig(missing)).message).toBe(`${missing}: cannot read the file (ENOENT)`);
  });
});
