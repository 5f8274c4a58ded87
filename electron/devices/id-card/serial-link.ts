/**
 * One open serial port to a reader: one command at a time, its answer parsed from whatever chunks arrive,
 * bounded by a timeout. The reader closing the port (USB unplugged) ends the link.
 */
import { SerialPort } from 'serialport';
import { encodeCommand, FrameParser, toResponse, type ParseEvent, type ResponseFrame } from './frame';

export type Exchange =
  | { kind: 'answer'; frame: ResponseFrame }
  | { kind: 'timeout' }
  // The answer arrived damaged (bad checksum or length).
  | { kind: 'bad-frame' }
  // The port closed or failed.
  | { kind: 'gone' };

/** What the parser saw besides answers, for the reader's diagnostics. */
export type LinkEvent = Exclude<ParseEvent, { kind: 'frame' }> | { kind: 'unexpected-frame' };

export type OpenFailure = 'missing' | 'permission-denied';

export interface SerialLink {
  exchange(command: number, parameter: number, timeoutMs: number): Promise<Exchange>;
  /** Resolves when the port is gone, whoever closed it. */
  readonly gone: Promise<void>;
  close(): Promise<void>;
}

export function openSerialLink(options: {
  path: string;
  baudRate: number;
  onLinkEvent: (event: LinkEvent) => void;
}): Promise<{ ok: true; link: SerialLink } | { ok: false; reason: OpenFailure }> {
  const port = new SerialPort({
    path: options.path,
    baudRate: options.baudRate,
    dataBits: 8,
    stopBits: 1,
    parity: 'none',
    autoOpen: false,
  });
  return new Promise((resolve) =>
    port.open((error) => {
      if (error) {
        resolve({
          ok: false,
          reason: /permission denied|EACCES/i.test(error.message) ? 'permission-denied' : 'missing',
        });
        return;
      }
      resolve({ ok: true, link: createLink(port, options.onLinkEvent) });
    }),
  );
}

function createLink(port: SerialPort, onLinkEvent: (event: LinkEvent) => void): SerialLink {
  const parser = new FrameParser();
  let pending: { settle: (exchange: Exchange) => void } | null = null;
  let isGone = false;
  let markGone: () => void = () => {};
  const gone = new Promise<void>((resolve) => {
    markGone = () => {
      if (isGone) return;
      isGone = true;
      pending?.settle({ kind: 'gone' });
      resolve();
    };
  });

  port.on('data', (chunk: Buffer) => {
    for (const event of parser.push(chunk)) {
      if (event.kind === 'frame') {
        const frame = toResponse(event.payload);
        // A late answer to a command that already timed out has nobody waiting for it.
        if (pending && frame) pending.settle({ kind: 'answer', frame });
        else onLinkEvent({ kind: 'unexpected-frame' });
        continue;
      }
      onLinkEvent(event);
      if (event.kind !== 'noise') pending?.settle({ kind: 'bad-frame' });
    }
  });
  port.on('close', markGone);
  port.on('error', () => {
    markGone();
    if (port.isOpen) port.close();
  });

  return {
    gone,
    exchange(command, parameter, timeoutMs) {
      if (isGone) return Promise.resolve({ kind: 'gone' });
      if (pending) throw new Error('one command at a time');
      return new Promise<Exchange>((resolve) => {
        const timer = setTimeout(() => {
          // Whatever part of an answer arrived will never be completed by the next one.
          parser.reset();
          settle({ kind: 'timeout' });
        }, timeoutMs);
        const settle = (exchange: Exchange) => {
          clearTimeout(timer);
          pending = null;
          resolve(exchange);
        };
        pending = { settle };
        port.write(Buffer.from(encodeCommand(command, parameter)), (error) => {
          if (error) markGone();
        });
      });
    },
    close() {
      if (!port.isOpen) {
        markGone();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) =>
        port.close(() => {
          markGone();
          resolve();
        }),
      );
    },
  };
}
