import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinter } from './printer';

const servers: Server[] = [];
const openSockets: Socket[] = [];

function listen(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    openSockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

afterEach(async () => {
  for (const socket of openSockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('TCP printer', () => {
  it('delivers exactly the job bytes to the printer port', async () => {
    let deliver: (bytes: Buffer) => void = () => {};
    const delivered = new Promise<Buffer>((resolve) => (deliver = resolve));
    const port = await listen((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => deliver(Buffer.concat(chunks)));
    });
    // Large enough to take several writes, with every byte value in it.
    const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7) % 256);

    const outcome = await createPrinter({ kind: 'tcp', host: '127.0.0.1', port }).print({
      bytes,
      preview: '',
    });

    expect(outcome).toEqual({ status: 'printed', jobId: expect.stringMatching(/^\d{8}-\d{6}-[0-9a-f]{4}$/) });
    expect(new Uint8Array(await delivered)).toEqual(bytes);
  });

  it('reports offline when nothing listens on the port', async () => {
    const port = await listen(() => {});
    await new Promise((resolve) => servers.pop()?.close(resolve));

    const outcome = await createPrinter({ kind: 'tcp', host: '127.0.0.1', port }).print({
      bytes: Uint8Array.from([0x1b, 0x40]),
      preview: '',
    });

    expect(outcome).toEqual({ status: 'failed', reason: 'offline' });
  });

  it('reports offline when the printer stops taking data', async () => {
    // A printer out of paper stops reading; its buffers fill and the connection stalls.
    const port = await listen((socket) => socket.pause());
    const bytes = new Uint8Array(64 * 1024 * 1024);

    const outcome = await createPrinter({ kind: 'tcp', host: '127.0.0.1', port, timeoutMs: 300 }).print({
      bytes,
      preview: '',
    });

    expect(outcome).toEqual({ status: 'failed', reason: 'offline' });
  });
});
