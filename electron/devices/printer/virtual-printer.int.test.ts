import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrinter } from './printer';

const job = { bytes: Uint8Array.from([0x1b, 0x40, 0xd5, 0xc5, 0x0a, 0x00, 0xff]), preview: '姓名：李*䶮\n' };

describe('virtual printer', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'virtual-printer-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('saves the exact bytes and the preview under the job id, creating the directory', async () => {
    const directory = join(root, 'receipts', 'today');
    const outcome = await createPrinter({ kind: 'virtual', directory }).print(job);
    expect(outcome).toEqual({ status: 'printed', jobId: expect.stringMatching(/^\d{8}-\d{6}-[0-9a-f]{4}$/) });
    if (outcome.status !== 'printed') return;
    expect(new Uint8Array(await readFile(join(directory, `${outcome.jobId}.bin`)))).toEqual(job.bytes);
    expect(await readFile(join(directory, `${outcome.jobId}.txt`), 'utf8')).toBe(job.preview);
  });

  it('keeps every job when several are printed at once', async () => {
    const printer = createPrinter({ kind: 'virtual', directory: root });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => printer.print(job)));
    const ids = outcomes.map((o) => (o.status === 'printed' ? o.jobId : 'failed'));
    expect(new Set(ids).size).toBe(20);
    expect((await readdir(root)).length).toBe(40);
  });

  it('reports offline when the directory cannot be made', async () => {
    const blocker = join(root, 'a-file');
    await writeFile(blocker, '');
    const outcome = await createPrinter({ kind: 'virtual', directory: join(blocker, 'receipts') }).print(job);
    expect(outcome).toEqual({ status: 'failed', reason: 'offline' });
  });
});
