/**
 * Who may be "the kiosk page" of the browser host (see electron/README.md, "The browser host"): a one-time
 * launch secret, written only to a file its owner can read, opens a page session (an HttpOnly cookie); each
 * load of the page in that session gets a fresh capability, and only the newest capability of the newest page
 * session is admitted. A new launch supersedes the previous page session, a reload the previous page load.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../../domain/durable-file.nodejs';
import { ensurePrivateDir } from '../../domain/private-files.nodejs';

export const LAUNCH_PATH = '/launch';
/** The launch file's name beside the replica, unless the host is told another path. */
export const LAUNCH_URL_FILE = 'kiosk-launch-url';
export const LAUNCH_SECRET_PARAM = 't';

/** 256 random bits, URL- and cookie-safe. */
export function mintSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares secrets in time independent of where they differ (hashing first evens out the lengths too). */
export function sameSecret(given: string | undefined, expected: string | null): boolean {
  if (given === undefined || expected === null) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export interface PageGate {
  /** The URL that opens the next page session, once. */
  launchUrl(): string;
  /** Consumes the launch secret and mints the next one; the new page session's cookie value, or null. */
  launch(secret: string | undefined): string | null;
  /** A load of the page in this page session: its capability, which supersedes the previous load's. */
  loadPage(sessions: readonly string[]): string | null;
  /** Whether a call carries the current page session and the capability of its newest load. */
  admits(sessions: readonly string[], capability: string | undefined): boolean;
}

/**
 * `onLaunchUrl` is told the launch URL at once and again after every launch, before the launch is answered,
 * so whoever opens the next page can always find the current one.
 */
export function createPageGate(origin: string, onLaunchUrl: (url: string) => void): PageGate {
  const urlOf = (secret: string) => `${origin}${LAUNCH_PATH}?${LAUNCH_SECRET_PARAM}=${secret}`;
  let launchSecret = mintSecret();
  let session: { id: string; capability: string | null } | null = null;
  const current = (sessions: readonly string[]) =>
    session !== null && sessions.some((given) => sameSecret(given, session!.id));
  onLaunchUrl(urlOf(launchSecret));

  return {
    launchUrl: () => urlOf(launchSecret),
    launch(secret) {
      if (!sameSecret(secret, launchSecret)) return null;
      // Published before the old secret is given up: if it cannot be, the old launch URL still works.
      const next = mintSecret();
      onLaunchUrl(urlOf(next));
      launchSecret = next;
      session = { id: mintSecret(), capability: null };
      return session.id;
    },
    loadPage(sessions) {
      if (!current(sessions)) return null;
      session!.capability = mintSecret();
      return session!.capability;
    },
    admits(sessions, capability) {
      return current(sessions) && sameSecret(capability, session!.capability);
    },
  };
}

/**
 * Writes the launch URL for its owner only (0600 in a 0700 folder), whole or not at all: a new file renamed
 * over the old one, so a reader never sees half a URL and a file left readable by others is replaced.
 */
export function writeLaunchUrlFile(file: string, url: string): void {
  ensurePrivateDir(path.dirname(file));
  writeFileAtomically(file, `${url}\n`);
}

export function removeLaunchUrlFile(file: string): void {
  rmSync(file, { force: true });
}

/** The values of every cookie of this name in a Cookie header (a cookie set by another port may share it). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`))
    .map((pair) => pair.slice(name.length + 1));
}
