import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { peerUidIn } from './loopback-peer';

// /proc/net prints each 32-bit word of an address in host byte order.
const hostOrder = (bytes: number[]) => {
  const words: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const word = bytes.slice(i, i + 4);
    if (os.endianness() === 'LE') word.reverse();
    words.push(word.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(''));
  }
  return words.join('');
};
const hex4 = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
const LOOPBACK = hostOrder([127, 0, 0, 1]);
const MAPPED = hostOrder([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1]);
const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';
const line = (local: string, remote: string, uid: number) =>
  `   0: ${local} ${remote} 01 00000000:00000000 00:00000000 00000000  ${uid}        0 4242 1 0 20 4 30 10 -1`;

describe('the uid behind a loopback connection, from /proc/net/tcp and tcp6', () => {
  const server = 8788;
  const client = 50_000;
  const tcp = [
    HEADER,
    line(`${LOOPBACK}:${hex4(server)}`, `${LOOPBACK}:${hex4(client)}`, 1000),
    line(`${LOOPBACK}:${hex4(client)}`, `${LOOPBACK}:${hex4(server)}`, 65_534),
  ].join('\n');

  it("finds the client's end, not the server's", () => {
    expect(peerUidIn([tcp, ''], client, server)).toBe(65_534);
  });

  it('reads IPv4-mapped addresses of a dual-stack socket in tcp6', () => {
    const tcp6 = [HEADER, line(`${MAPPED}:${hex4(client)}`, `${MAPPED}:${hex4(server)}`, 1001)].join('\n');
    expect(peerUidIn(['', tcp6], client, server)).toBe(1001);
  });

  it('says null when the connection is not listed', () => {
    expect(peerUidIn([tcp, ''], client + 1, server)).toBeNull();
  });
});
