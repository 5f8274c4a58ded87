import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrinterDriver } from './printer';

const job = {
  bytes: Uint8Array.from([0x1b, 0x40, 0x1c, 0x26, 0xfe, 0x9f, 0x0a, 0x1d, 0x56, 0x42, 0x00]),
  preview: '',
};

const devicePrinter = (path: string) => createPrinterDriver({ kind: 'device', path });

describe('device printer', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'device-printer-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the job bytes to the device file', async () => {
    const device = join(root, 'lp0');
    await writeFile(device, '');
    expect(await devicePrinter(device).deliver(job, 'job')).toEqual({ printed: true, state: 'unknown' });
    expect(new Uint8Array(await readFile(device))).toEqual(job.bytes);
  });

  it('reports offline when the device is not there, and does not create it', async () => {
    const offline = { printed: false, state: 'offline' };
    expect(await devicePrinter(join(root, 'usb', 'lp0')).deliver(job, 'job')).toEqual(offline);
    const missingInExistingDir = join(root, 'lp1');
    expect(await devicePrinter(missingInExistingDir).deliver(job, 'job')).toEqual(offline);
    await expect(readFile(missingInExistingDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports offline when the path cannot be written', async () => {
    expect(await devicePrinter(root).deliver(job, 'job')).toEqual({ printed: false, state: 'offline' });
  });

  it('cannot read a device file printer’s paper: unknown while it opens, offline when it does not', async () => {
    const device = join(root, 'lp0');
    await writeFile(device, '');
    expect(await devicePrinter(device).queryState()).toBe('unknown');
    expect(await devicePrinter(join(root, 'lp1')).queryState()).toBe('offline');
    expect(await devicePrinter(root).queryState()).toBe('offline');
  });
});
