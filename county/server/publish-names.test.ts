import { describe, expect, it } from 'vitest';
import {
  IMMUTABLE_CACHE_CONTROL,
  REVALIDATE_CACHE_CONTROL,
  announcedSha256,
  cacheControlFor,
  contentTypeFor,
  isServableName,
} from './publish-names';

const SHA = 'ab'.repeat(32);

describe('publish names', () => {
  it.each(['timestamp.json', '12.snapshot.json', `targets/${SHA}.replica.db`, 'targets/deltas/a_b-c.bin'])(
    'serves %s',
    (name) => expect(isServableName(name)).toBe(true),
  );

  it.each([
    '',
    '..',
    '../county.db',
    'targets/../../etc/passwd',
    '.hidden',
    'targets/.git/config',
    '/etc/passwd',
    'targets//x.json',
    'targets/',
    'a\\b.json',
    'name with space.json',
    '%2e%2e/x',
    'a/b/c/d/e/f/g/h/i.json',
  ])('refuses %j', (name) => expect(isServableName(name)).toBe(false));

  it('caches content-addressed and versioned files for good, and the rest only after asking', () => {
    expect(cacheControlFor(`targets/${SHA}.replica.db`)).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(cacheControlFor('7.targets.json')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(cacheControlFor('3.root.json')).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(cacheControlFor('timestamp.json')).toBe(REVALIDATE_CACHE_CONTROL);
    expect(cacheControlFor('root.json')).toBe(REVALIDATE_CACHE_CONTROL);
    // 63 hex digits is not a SHA-256, and capitals are not how the publisher writes one.
    expect(cacheControlFor(`targets/${SHA.slice(1)}.replica.db`)).toBe(REVALIDATE_CACHE_CONTROL);
    expect(cacheControlFor(`targets/${SHA.toUpperCase()}.replica.db`)).toBe(REVALIDATE_CACHE_CONTROL);
  });

  it('reads the announced hash of a content-addressed name only', () => {
    expect(announcedSha256(`targets/${SHA}.replica.db`)).toBe(SHA);
    expect(announcedSha256('timestamp.json')).toBeNull();
  });

  it('names content types, with octet-stream for what it does not know', () => {
    expect(contentTypeFor('timestamp.json')).toBe('application/json');
    expect(contentTypeFor(`targets/${SHA}.replica.db`)).toBe('application/vnd.sqlite3');
    expect(contentTypeFor(`targets/${SHA}.delta.gz`)).toBe('application/gzip');
    expect(contentTypeFor(`targets/${SHA}.bin`)).toBe('application/octet-stream');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});
