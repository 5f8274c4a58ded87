// Makes sure the Debian packages the tests drive are present: installs them when it can (root on Debian),
// otherwise stops at once and names the exact command to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian package → a file it installs that the tests use. */
const REQUIRED = {
  chromium: '/usr/bin/chromium',
  'fonts-noto-cjk': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  nginx: '/usr/sbin/nginx',
  rsync: '/usr/bin/rsync',
  socat: '/usr/bin/socat',
  'espeak-ng': '/usr/bin/espeak-ng',
  'fonts-tibetan-machine': '/usr/share/fonts/truetype/tibetan-machine/TibetanMachineUni.ttf',
};

const missing = Object.entries(REQUIRED)
  .filter(([, file]) => !existsSync(file))
  .map(([name]) => name);

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `The tests need Debian packages that are missing: ${missing.join(', ')}.\nRun as root: ${command}`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian packages the tests need: ${missing.join(', ')}`);
  execFileSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
