/** A file's SHA-256, read as a stream: published targets are checked this way by the county and terminals alike. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
