/**
 * Which user opened a TCP connection that reached this host over loopback. Both ends of a loopback
 * connection are sockets of this machine, so Linux lists the client's end in /proc/net/tcp (or tcp6, for a
 * dual-stack socket) with the uid that created it. The launch URL travels in Chromium's command line, which
 * every local user can read while Chromium starts; this check keeps a launch secret read there useless to
 * any other user.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';

const PROC_TABLES = ['/proc/net/tcp', '/proc/net/tcp6'];

/** An address as /proc/net prints it: 32-bit words in host byte order, in hex; IPv4 or IPv4-mapped only. */
function ipv4Of(hex: string): string | null {
  const bytes: number[] = [];
  for (let i = 0; i < hex.length; i += 8) {
    const word = Number.parseInt(hex.slice(i, i + 8), 16);
    const inOrder = [word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff];
    bytes.push(...(os.endianness() === 'LE' ? inOrder.reverse() : inOrder));
  }
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff;
  return mapped && bytes[11] === 0xff ? bytes.slice(12).join('.') : null;
}

function endpointOf(field: string | undefined): { address: string | null; port: number } | null {
  const [hex, port] = (field ?? '').split(':');
  if (!hex || !port) return null;
  return { address: ipv4Of(hex), port: Number.parseInt(port, 16) };
}

/**
 * The uid owning the client's end of the connection from `clientPort` to `serverPort` on 127.0.0.1;
 * undefined where there is no /proc/net (not Linux), null when the client's end is not listed — or, on
 * Linux, when the tables cannot be read (a policy hiding them must not turn the check off).
 */
export async function loopbackPeerUid(
  clientPort: number,
  serverPort: number,
): Promise<number | null | undefined> {
  const tables = await Promise.all(PROC_TABLES.map((table) => readFile(table, 'utf8').catch(() => '')));
  if (tables.every((table) => table === '')) return process.platform === 'linux' ? null : undefined;
  return peerUidIn(tables, clientPort, serverPort);
}

/** The uid of the client's end of a loopback connection in /proc/net/tcp{,6} tables; null when not listed. */
export function peerUidIn(tables: readonly string[], clientPort: number, serverPort: number): number | null {
  for (const line of tables.flatMap((table) => table.split('\n').slice(1))) {
    const fields = line.trim().split(/\s+/);
    const local = endpointOf(fields[1]);
    const remote = endpointOf(fields[2]);
    if (
      local?.address === '127.0.0.1' &&
      local.port === clientPort &&
      remote?.address === '127.0.0.1' &&
      remote.port === serverPort
    ) {
      return Number(fields[7]);
    }
  }
  return null;
}
