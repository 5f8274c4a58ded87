/**
 * The PIN a service-hall helper types to open the helper screens. The config file keeps only a salted scrypt
 * hash, so reading the file off a stolen terminal does not reveal the PIN directly.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { HELPER_PIN_HASH_PATTERN } from './schema';

const COST = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// A config file is trusted input, but a typo in N must not make every PIN check eat gigabytes.
const LIMITS = { N: 2 ** 20, r: 32, p: 16 };

function scrypt(pin: string, salt: Buffer, cost: typeof COST, length: number): Buffer {
  return scryptSync(pin, salt, length, { ...cost, maxmem: 256 * cost.N * cost.r });
}

export function hashHelperPin(pin: string): string {
  if (!/^\d{4,12}$/.test(pin)) throw new Error('a helper PIN is 4 to 12 digits');
  const salt = randomBytes(SALT_BYTES);
  const hash = scrypt(pin, salt, COST, HASH_BYTES);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** False for a wrong PIN and for a hash that is malformed or asks for an unreasonable cost. */
export function verifyHelperPin(pin: string, pinHash: string): boolean {
  const match = HELPER_PIN_HASH_PATTERN.exec(pinHash);
  if (!match) return false;
  const [, n, r, p, saltText, hashText] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  if (
    !powerOfTwo ||
    cost.N > LIMITS.N ||
    cost.r < 1 ||
    cost.r > LIMITS.r ||
    cost.p < 1 ||
    cost.p > LIMITS.p
  ) {
    return false;
  }
  const expected = Buffer.from(hashText, 'base64');
  if (expected.length < 16) return false;
  const actual = scrypt(pin, Buffer.from(saltText, 'base64'), cost, expected.length);
  return timingSafeEqual(actual, expected);
}
