/**
 * Frames of the serial protocol of second-generation resident ID card readers (the SAM module's UART
 * protocol): preamble `AA AA AA 96 69`, a 2-byte big-endian length that counts every byte after it
 * (checksum included), the payload, and an XOR checksum of the length bytes and the payload.
 *
 * Host → reader payload: CMD, PARA, data. Reader → host payload: SW1, SW2, SW3, data.
 */

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
const HEADER_BYTES = PREAMBLE.length + 2;

/** The shortest answer: SW1 SW2 SW3 and the checksum. */
export const MIN_RESPONSE_LENGTH = 4;
/** The shortest command: CMD PARA and the checksum. */
export const MIN_COMMAND_LENGTH = 3;
/**
 * The longest answer the protocol defines is base info with fingerprints (30 10): 3 status bytes, three
 * 2-byte lengths, 256 + 1024 + 1024 bytes and the checksum = 2,314. A larger length is a corrupted one.
 */
export const MAX_FRAME_LENGTH = 2400;

export interface ResponseFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export interface CommandFrame {
  command: number;
  parameter: number;
  data: Uint8Array;
}

export type ParseEvent =
  | { kind: 'frame'; payload: Uint8Array }
  // A preamble whose checksum did not match: the bytes after its first byte are searched again.
  | { kind: 'bad-checksum' }
  | { kind: 'bad-length'; length: number }
  // Bytes before a preamble that belong to no frame.
  | { kind: 'noise'; bytes: number };

function xor(bytes: Uint8Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum ^= bytes[i] ?? 0;
  return sum;
}

function encodeFrame(payload: readonly number[] | Uint8Array): Uint8Array {
  const length = payload.length + 1;
  if (length > 0xffff) throw new RangeError('frame payload too long');
  const frame = new Uint8Array(HEADER_BYTES + length);
  frame.set(PREAMBLE, 0);
  frame[PREAMBLE.length] = length >> 8;
  frame[PREAMBLE.length + 1] = length & 0xff;
  frame.set(payload, HEADER_BYTES);
  frame[frame.length - 1] = xor(frame, PREAMBLE.length, frame.length - 1);
  return frame;
}

export function encodeCommand(command: number, parameter: number, data: Uint8Array = new Uint8Array()) {
  return encodeFrame([command, parameter, ...data]);
}

/** The reader's side, for the fake reader and the tests. */
export function encodeResponse(frame: ResponseFrame): Uint8Array {
  return encodeFrame([frame.sw1, frame.sw2, frame.sw3, ...frame.data]);
}

export function toResponse(payload: Uint8Array): ResponseFrame | null {
  if (payload.length < MIN_RESPONSE_LENGTH - 1) return null;
  return { sw1: payload[0]!, sw2: payload[1]!, sw3: payload[2]!, data: payload.subarray(3) };
}

export function toCommand(payload: Uint8Array): CommandFrame | null {
  if (payload.length < MIN_COMMAND_LENGTH - 1) return null;
  return { command: payload[0]!, parameter: payload[1]!, data: payload.subarray(2) };
}

/**
 * Incremental frame parser: feed it whatever chunks the port delivers. It never throws, holds at most
 * `capacity` bytes, and after garbage or a damaged frame it finds the next preamble.
 */
export class FrameParser {
  private readonly buffer: Uint8Array;
  private start = 0;
  private end = 0;
  private readonly minLength: number;

  constructor(options: { minLength?: number } = {}) {
    this.minLength = options.minLength ?? MIN_RESPONSE_LENGTH;
    // Room for one whole frame of the largest length plus a preamble's worth of leftovers.
    this.buffer = new Uint8Array(2 * (HEADER_BYTES + MAX_FRAME_LENGTH));
  }

  /** Bytes held while waiting for the rest of a frame. */
  get pending(): number {
    return this.end - this.start;
  }

  get capacity(): number {
    return this.buffer.length;
  }

  /** Forgets a partial frame, e.g. after a response timeout. */
  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  push(chunk: Uint8Array): ParseEvent[] {
    const events: ParseEvent[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      if (this.end === this.buffer.length) this.compact();
      const n = Math.min(chunk.length - offset, this.buffer.length - this.end);
      this.buffer.set(chunk.subarray(offset, offset + n), this.end);
      this.end += n;
      offset += n;
      this.drain(events);
    }
    return events;
  }

  private compact(): void {
    this.buffer.copyWithin(0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
  }

  private findPreamble(): number {
    const b = this.buffer;
    for (let i = this.start; i + PREAMBLE.length <= this.end; i++) {
      if (b[i] === 0xaa && b[i + 1] === 0xaa && b[i + 2] === 0xaa && b[i + 3] === 0x96 && b[i + 4] === 0x69) {
        return i;
      }
    }
    return -1;
  }

  private drain(events: ParseEvent[]): void {
    for (;;) {
      const at = this.findPreamble();
      if (at === -1) {
        // Keep a tail that may be the start of a preamble split across chunks.
        const keep = Math.min(PREAMBLE.length - 1, this.end - this.start);
        this.skip(this.end - keep - this.start, events);
        return;
      }
      this.skip(at - this.start, events);
      if (this.end - this.start < HEADER_BYTES) return;

      const b = this.buffer;
      const length = (b[this.start + 5]! << 8) | b[this.start + 6]!;
      if (length < this.minLength || length > MAX_FRAME_LENGTH) {
        events.push({ kind: 'bad-length', length });
        this.start += 1;
        continue;
      }
      const total = HEADER_BYTES + length;
      if (this.end - this.start < total) return;

      const last = this.start + total - 1;
      if (xor(b, this.start + PREAMBLE.length, last) !== b[last]) {
        events.push({ kind: 'bad-checksum' });
        this.start += 1;
        continue;
      }
      events.push({ kind: 'frame', payload: b.slice(this.start + HEADER_BYTES, last) });
      this.start += total;
    }
  }

  private skip(bytes: number, events: ParseEvent[]): void {
    if (bytes <= 0) return;
    this.start += bytes;
    const previous = events[events.length - 1];
    if (previous?.kind === 'noise') previous.bytes += bytes;
    else events.push({ kind: 'noise', bytes });
  }
}
