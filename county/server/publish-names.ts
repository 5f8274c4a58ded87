/**
 * What the county server will serve from the publish directory and with which headers. Names are checked
 * against a strict shape before the file system is touched: no `..`, no hidden files, no empty segments, no
 * backslashes, so no request can reach outside the directory.
 */

/** Never changes once written: the name carries the content's SHA-256, or the metadata's version. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** May be replaced by the next publish (timestamp.json, root.json): caches must ask every time. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

const SEGMENT = '[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}';
const SERVABLE = new RegExp(`^${SEGMENT}(?:/${SEGMENT}){0,7}$`);
const CONTENT_ADDRESSED = /^[0-9a-f]{64}\./;
const VERSIONED_METADATA = /^\d+\.[A-Za-z-]+\.json$/;

export function isServableName(path: string): boolean {
  return SERVABLE.test(path);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The SHA-256 a content-addressed file's name announces (`<sha256>.<name>`), else null. */
export function announcedSha256(path: string): string | null {
  const base = baseName(path);
  return CONTENT_ADDRESSED.test(base) ? base.slice(0, 64) : null;
}

export function cacheControlFor(path: string): string {
  const base = baseName(path);
  return CONTENT_ADDRESSED.test(base) || VERSIONED_METADATA.test(base)
    ? IMMUTABLE_CACHE_CONTROL
    : REVALIDATE_CACHE_CONTROL;
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  db: 'application/vnd.sqlite3',
  sqlite: 'application/vnd.sqlite3',
  gz: 'application/gzip',
  zst: 'application/zstd',
  txt: 'text/plain; charset=utf-8',
};

/** Compressed files are served as what they are (no Content-Encoding): their hash is over the stored bytes. */
export function contentTypeFor(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return (dot > 0 && CONTENT_TYPES[base.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}
