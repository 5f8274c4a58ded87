/**
 * `kiosk:web`: the browser host on its own. Serves the built renderer and the real handlers on 127.0.0.1,
 * writes the one-time launch URL to a file only its owner can read and says where, and with --open shows the
 * kiosk in Chromium's app mode when Chromium is installed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoKioskConfig } from '../../kiosk-config/demo-config';
import { KioskConfigError, loadKioskConfig } from '../../kiosk-config/load-config';
import { createKioskRuntime } from '../api/create-runtime';
import { logInternalError } from '../api/log-internal-error';
import { createCardReader } from '../devices/id-card/create-card-reader';
import { demoCard } from '../devices/id-card/demo-card';
import { DEFAULT_READ_DELAY_MS, type SimulatedCardReader } from '../devices/id-card/simulated-card-reader';
import { startBrowserHost, type SimulatorControl } from './server';
import { LAUNCH_URL_FILE } from './page-gate';

function simulatorControl(reader: SimulatedCardReader): SimulatorControl {
  return {
    present(idNumber, name) {
      const card = demoCard(idNumber, name);
      if (card) reader.present(card);
      return card !== null;
    },
    lift: () => reader.lift(),
  };
}

const USAGE = `usage: kiosk-web (--config FILE | --demo-dir DIR) [--port N] [--renderer DIR] [--open]
                 [--launch-url-file FILE] [--simulator-control [--simulator-read-ms N]]
  --config FILE    a terminal's kiosk config (JSON)
  --demo-dir DIR   use the embedded demo config with its data in DIR
  --port N         port on 127.0.0.1 (default 8788; 0 picks a free one)
  --renderer DIR   the built renderer (default dist/renderer)
  --open           open the UI in Chromium's app mode if Chromium is installed
  --launch-url-file FILE
                   where the one-time URL that opens the kiosk page is written, readable by this user only
                   and rewritten after each use (default ${LAUNCH_URL_FILE} beside the replica)
  --simulator-control
                   with the simulated card reader: POST /simulator/card {"idNumber","name"} puts a synthetic
                   resident's card on it, POST /simulator/lift takes it off
  --simulator-read-ms N
                   how long the simulated reader takes to read a card (default 300; 0 for benchmarks)`;

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function openInChromium(launchUrl: string, launchUrlFile: string): void {
  const binary = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!binary) {
    console.log(
      `Chromium not found (apt-get install -y chromium); open the launch URL in ${launchUrlFile} in a browser.`,
    );
    return;
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'huimin-kiosk-chromium-'));
  const flags = [
    `--app=${launchUrl}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate',
    '--start-fullscreen',
  ];
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  spawn(binary, flags, { stdio: 'ignore', detached: true }).unref();
}

export async function runBrowserHostCli(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' },
        'demo-dir': { type: 'string' },
        port: { type: 'string', default: '8788' },
        renderer: { type: 'string', default: path.resolve('dist/renderer') },
        open: { type: 'boolean', default: false },
        'launch-url-file': { type: 'string' },
        'simulator-control': { type: 'boolean', default: false },
        'simulator-read-ms': { type: 'string', default: String(DEFAULT_READ_DELAY_MS) },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config === !values['demo-dir']) {
    console.error(`give exactly one of --config and --demo-dir\n${USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = values.config
      ? loadKioskConfig(values.config)
      : demoKioskConfig(path.resolve(values['demo-dir']!));
  } catch (error) {
    if (error instanceof KioskConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  let simulator: SimulatedCardReader | undefined;
  if (values['simulator-control']) {
    if (config.cardReader.kind !== 'simulator') {
      console.error(`--simulator-control needs a config whose cardReader is the simulator\n${USAGE}`);
      return 2;
    }
    const readDelayMs = Number(values['simulator-read-ms']);
    if (!Number.isInteger(readDelayMs) || readDelayMs < 0) {
      console.error(`--simulator-read-ms must be a whole number of milliseconds\n${USAGE}`);
      return 2;
    }
    simulator = createCardReader(config.cardReader, { readDelayMs });
  }
  const launchUrlFile = path.resolve(
    values['launch-url-file'] ?? path.join(path.dirname(config.paths.replica), LAUNCH_URL_FILE),
  );
  const runtime = await createKioskRuntime(config, { reader: simulator });
  const host = await startBrowserHost({
    handlers: runtime.handlers,
    rendererDir: values.renderer,
    port,
    launchUrlFile,
    onInternalError: logInternalError,
    simulator: simulator && simulatorControl(simulator),
  });
  // The launch URL itself is never printed: this output may end in a log that others can read.
  console.log(`Kiosk UI: ${host.url}`);
  console.log(`Launch URL (opens the kiosk page once; a new one after each use): in ${launchUrlFile}`);
  if (values.open) openInChromium(host.launchUrl(), launchUrlFile);
  const stop = () => {
    void host.close().then(() => runtime.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
