import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICE_REPORT_FILE, readDeviceReport, writeDeviceReport } from './device-report';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'device-report-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = new Date('2026-11-24T02:00:00Z');
const minutesLater = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

describe('the device report between the app and the agent', () => {
  it('hands over what the app last saw of its devices', () => {
    writeDeviceReport(dir, { printer: 'paper-out', cardReader: 'ready' }, at);
    expect(readDeviceReport(dir, minutesLater(1))).toEqual({ printer: 'paper-out', cardReader: 'ready' });
  });

  it('says unknown when the app has not reported for minutes, so the county keeps the last known state', () => {
    writeDeviceReport(dir, { printer: 'ready', cardReader: 'ready' }, at);
    expect(readDeviceReport(dir, minutesLater(6))).toEqual({ printer: 'unknown', cardReader: 'unknown' });
  });

  it('says unknown with no report, or one it cannot read', () => {
    expect(readDeviceReport(dir, at)).toEqual({ printer: 'unknown', cardReader: 'unknown' });
    writeFileSync(join(dir, DEVICE_REPORT_FILE), '{"printer":"ready","cardReader":');
    expect(readDeviceReport(dir, at)).toEqual({ printer: 'unknown', cardReader: 'unknown' });
    writeFileSync(
      join(dir, DEVICE_REPORT_FILE),
      JSON.stringify({ printer: 'on fire', cardReader: 'ready', at }),
    );
    expect(readDeviceReport(dir, at)).toEqual({ printer: 'unknown', cardReader: 'unknown' });
  });
});
