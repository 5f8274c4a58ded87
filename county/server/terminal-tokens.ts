/**
 * Per-terminal bearer tokens: 32 random bytes in base64url, shown once when made. The county keeps only the
 * token's SHA-256, so a copy of the master database does not let anyone speak for a terminal.
 */
import { randomBytes } from 'node:crypto';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newTerminalToken(): string {
  return randomBytes(32).toString('base64url');
}

// One definition for both: the stored hash is also what a terminal's distribution-key slot is derived from.
export { terminalTokenSha256 as tokenSha256 } from '../../domain/published/target-encryption.nodejs';

/** The token of an `Authorization: Bearer <token>` header, or null when there is none of the right shape. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  const token = match?.[1];
  return token !== undefined && TOKEN_PATTERN.test(token) ? token : null;
}
