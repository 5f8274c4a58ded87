/**
 * A fake ID card reader for the integration tests: it answers the serial protocol on one end of a socat
 * pseudo-terminal pair while the real reader code opens the other end.
 *
 *   node --import tsx electron/devices/id-card/fake-reader.ts <pty path>
 *
 * Scripted through stdin, one JSON object a line (see `Control`); it reports on stdout, one JSON object a
 * line: `{"event":"ready"}` once the port is open, `{"event":"command","command":"2001"}` for every
 * command received. It exits when its port closes (socat killed: the reader unplugged) or stdin ends.
 */
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { encodeResponse, FrameParser, MIN_COMMAND_LENGTH, toCommand } from './frame';

export type Fault =
  | 'checksum' // the answer's last byte flipped
  | 'length-short' // the length field 5 less than the frame's real length
  | 'length-implausible' // the length field FF FF
  | 'silent' // no answer at all
  | { sw3: number }; // an answer with this status and no data

export type Control =
  | { op: 'present'; text: string } // a card is put down; `text` is its 256-byte text block in hex
  | { op: 'lift' }
  | { op: 'chunking'; mode: 'whole' | 'bytes' }
  | { op: 'garbage'; on: boolean } // noise before and after every answer
  | { op: 'sam'; sw3: number } // what SAM status answers from now on
  | { op: 'mute'; on: boolean } // a hung reader: it takes commands and answers none
  // The next answer to `command` only, or the next `times` answers to it.
  | { op: 'fault'; command: string; fault: Fault; times?: number };

const PHOTO_BYTES = 1024;
// Noise with pieces of a preamble in it but never a whole one.
const NOISE = Uint8Array.of(0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x55, 0xff);

const path = process.argv[2];
if (!path) {
  console.error('usage: fake-reader.ts <pty path>');
  process.exit(2);
}

let card: Uint8Array | null = null;
let chunking: 'whole' | 'bytes' = 'whole';
let garbage = false;
let samSw3 = 0x90;
let muted = false;
const faults = new Map<string, { fault: Fault; left: number }>();

const report = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
const parser = new FrameParser({ minLength: MIN_COMMAND_LENGTH });

function answerTo(command: string): Uint8Array | null {
  const ok = (sw3: number, data: Uint8Array = new Uint8Array()) => ({ sw1: 0, sw2: 0, sw3, data });
  if (muted) return null;
  const scripted = faults.get(command);
  const fault = scripted?.fault;
  if (scripted && --scripted.left <= 0) faults.delete(command);
  if (fault === 'silent') return null;
  if (typeof fault === 'object') return encodeResponse(ok(fault.sw3));

  let frame;
  if (command === '11ff') frame = ok(samSw3);
  else if (command === '2001') frame = card ? ok(0x9f, new Uint8Array(4)) : ok(0x80);
  else if (command === '2002') frame = card ? ok(0x90, new Uint8Array(8)) : ok(0x81);
  else if (command === '3001') {
    if (!card) frame = ok(0x41);
    else {
      const data = new Uint8Array(4 + card.length + PHOTO_BYTES);
      data.set([card.length >> 8, card.length & 0xff, PHOTO_BYTES >> 8, PHOTO_BYTES & 0xff], 0);
      data.set(card, 4);
      data.fill(0x5a, 4 + card.length);
      frame = ok(0x90, data);
    }
  } else frame = ok(0x21);

  const bytes = encodeResponse(frame);
  if (fault === 'checksum') bytes[bytes.length - 1]! ^= 0xff;
  if (fault === 'length-short' || fault === 'length-implausible') {
    const length = fault === 'length-short' ? bytes.length - 7 - 5 : 0xffff;
    bytes[5] = length >> 8;
    bytes[6] = length & 0xff;
  }
  return bytes;
}

// Writes go out one after the other, even byte by byte.
let writing: Promise<void> = Promise.resolve();
function send(bytes: Uint8Array) {
  const pieces = chunking === 'bytes' ? [...bytes].map((b) => Uint8Array.of(b)) : [bytes];
  if (garbage) pieces.unshift(NOISE);
  if (garbage) pieces.push(NOISE);
  writing = writing.then(async () => {
    for (const piece of pieces) {
      if (!port.isOpen) return;
      port.write(Buffer.from(piece));
      await new Promise<void>((resolve) => port.drain(() => resolve()));
    }
  });
}

port.on('data', (chunk: Buffer) => {
  for (const event of parser.push(chunk)) {
    if (event.kind !== 'frame') continue;
    const command = toCommand(event.payload);
    if (!command) continue;
    const name = [command.command, command.parameter].map((b) => b.toString(16).padStart(2, '0')).join('');
    report({ event: 'command', command: name });
    const answer = answerTo(name);
    if (answer) send(answer);
  }
});
port.on('close', () => process.exit(0));
port.on('error', () => process.exit(0));

createInterface({ input: process.stdin }).on('line', (line) => {
  const control = JSON.parse(line) as Control;
  if (control.op === 'present') card = Uint8Array.from(Buffer.from(control.text, 'hex'));
  if (control.op === 'lift') card = null;
  if (control.op === 'chunking') chunking = control.mode;
  if (control.op === 'garbage') garbage = control.on;
  if (control.op === 'sam') samSw3 = control.sw3;
  if (control.op === 'mute') muted = control.on;
  if (control.op === 'fault') faults.set(control.command, { fault: control.fault, left: control.times ?? 1 });
  report({ event: 'done', op: control.op });
});
process.stdin.on('end', () => port.close(() => process.exit(0)));

port.open((error) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  report({ event: 'ready' });
});
