import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeCommand,
  encodeResponse,
  FrameParser,
  MAX_FRAME_LENGTH,
  PREAMBLE,
  toResponse,
  type ParseEvent,
} from './frame';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const payloadsOf = (events: ParseEvent[]) =>
  events.flatMap((e) => (e.kind === 'frame' ? [hex(e.payload)] : []));

function feed(parser: FrameParser, stream: Uint8Array, cuts: number[]): ParseEvent[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const events: ParseEvent[] = [];
  let from = 0;
  for (const to of [...points, stream.length]) {
    events.push(...parser.push(stream.subarray(from, to)));
    from = Math.max(from, to);
  }
  return events;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Noise that never contains the preamble. */
function withoutPreamble(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (let i = 0; i + PREAMBLE.length <= out.length; i++) {
    if (PREAMBLE.every((p, k) => out[i + k] === p)) out[i + 4] = 0;
  }
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

const response = fc.record({
  sw1: fc.integer({ min: 0, max: 255 }),
  sw2: fc.integer({ min: 0, max: 255 }),
  sw3: fc.integer({ min: 0, max: 255 }),
  data: fc.uint8Array({ maxLength: 48 }),
});
const cuts = fc.array(fc.nat(), { maxLength: 10 });

describe('frame encoding', () => {
  it('encodes the find-card command as readers expect it', () => {
    // Length 00 03 (CMD, PARA, checksum); checksum 00^03^20^01 = 22.
    expect(hex(encodeCommand(0x20, 0x01))).toBe('aaaaaa9669000320012' + '2');
  });

  it('encodes an answer whose checksum covers the length and the payload', () => {
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x9f, data: Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0) });
    expect(hex(frame)).toBe('aaaaaa9669000c00009f0000000000000000' + '93');
  });
});

describe('frame parser', () => {
  it('finds an answer split into single bytes with garbage around it', () => {
    const frame = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data: Uint8Array.of(1, 2, 3) });
    const parser = new FrameParser();
    const events = [...Uint8Array.of(0x00, 0xaa, 0xaa, 0x13), ...frame, 0xaa, 0x55].flatMap((b) =>
      parser.push(Uint8Array.of(b)),
    );
    expect(payloadsOf(events)).toEqual(['000090010203']);
    expect(toResponse(Uint8Array.of(0, 0, 0x90, 1, 2, 3))?.data).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('parses a whole base-info answer (text and photo) and the frame after it', () => {
    const data = Uint8Array.from({ length: 4 + 256 + 1024 }, (_, i) => (i * 31) & 0xff);
    const big = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x90, data });
    const small = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x80, data: new Uint8Array() });
    const events = new FrameParser().push(concat([big, small]));
    expect(payloadsOf(events)).toEqual([hex(concat([Uint8Array.of(0, 0, 0x90), data])), '000080']);
  });

  it('reports a bad checksum and a bad length, and still finds the next frame', () => {
    const good = encodeResponse({ sw1: 0, sw2: 0, sw3: 0x9f, data: new Uint8Array(8) });
    const badSum = Uint8Array.from(good);
    badSum[badSum.length - 1]! ^= 0x01;
    const badLength = Uint8Array.from(good);
    badLength[5] = 0xff;
    const events = new FrameParser().push(concat([badSum, badLength, good]));
    expect(events.filter((e) => e.kind !== 'noise')).toEqual([
      { kind: 'bad-checksum' },
      { kind: 'bad-length', length: 0xff0c },
      { kind: 'frame', payload: good.slice(7, -1) },
    ]);
  });

  it('holds a bounded number of bytes whatever it is fed', () => {
    const parser = new FrameParser();
    const noise = new Uint8Array(1 << 20).fill(0x42);
    parser.push(noise);
    expect(parser.pending).toBeLessThan(PREAMBLE.length);
    // A preamble announcing the longest plausible frame, then nothing more: the parser waits with at most
    // that frame's bytes, and a reset forgets them.
    parser.push(Uint8Array.of(...PREAMBLE, MAX_FRAME_LENGTH >> 8, MAX_FRAME_LENGTH & 0xff));
    parser.push(noise.subarray(0, MAX_FRAME_LENGTH - 1));
    expect(parser.pending).toBe(PREAMBLE.length + 2 + MAX_FRAME_LENGTH - 1);
    expect(parser.pending).toBeLessThanOrEqual(parser.capacity);
    parser.reset();
    expect(parser.pending).toBe(0);
  });
});

// CPU-bound: about a second each here, several times that on a machine busy with other work.
describe('frame parser properties', { timeout: 30_000 }, () => {
  // 60k + 30k + 30k = 120k generated inputs; each run feeds one stream in random chunks.
  it('never throws and yields only frames present, checksum intact, in random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 96 }), cuts, (stream, at) => {
        const parser = new FrameParser();
        for (const event of feed(parser, stream, at)) {
          if (event.kind === 'frame') expect(contains(stream, encodeFrameBack(event.payload))).toBe(true);
        }
        expect(parser.pending).toBeLessThanOrEqual(parser.capacity);
      }),
      { numRuns: 60_000 },
    );
  });

  it('finds every valid frame embedded in noise that has no preamble, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 24 }), response), { maxLength: 5 }),
        fc.uint8Array({ maxLength: 24 }),
        cuts,
        (pieces, tail, at) => {
          const frames = pieces.map(([, r]) => encodeResponse(r));
          const stream = concat([
            ...pieces.flatMap(([noise], i) => [withoutPreamble(noise), frames[i]!]),
            withoutPreamble(tail),
          ]);
          const found = payloadsOf(feed(new FrameParser(), stream, at));
          expect(found).toEqual(frames.map((f) => hex(f.subarray(7, -1))));
        },
      ),
      { numRuns: 30_000 },
    );
  });

  it('never yields a damaged frame when valid frames are mutated', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('insert' as const),
        at: fc.nat(),
        bytes: fc.uint8Array({ maxLength: 6 }),
      }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(response, fc.option(mutation)), { maxLength: 4 }), cuts, (items, at) => {
        const damaged: Uint8Array[] = [];
        const stream = concat(
          items.map(([r, m]) => {
            const frame = encodeResponse(r);
            if (m === null) return frame;
            const i = m.at % frame.length;
            const bytes = [...frame];
            if (m.kind === 'flip') bytes[i]! ^= m.mask;
            if (m.kind === 'drop') bytes.splice(i, 1);
            if (m.kind === 'insert') bytes.splice(i, 0, ...m.bytes);
            if (m.kind === 'truncate') bytes.length = i;
            damaged.push(Uint8Array.from(bytes));
            return damaged[damaged.length - 1]!;
          }),
        );
        for (const event of feed(new FrameParser(), stream, at)) {
          if (event.kind === 'frame') expect(contains(stream, encodeFrameBack(event.payload))).toBe(true);
        }
      }),
      { numRuns: 30_000 },
    );
  });
});

/** A yielded payload framed again: present in the input only if the input carried it with a valid checksum. */
function encodeFrameBack(payload: Uint8Array): Uint8Array {
  return encodeCommand(payload[0]!, payload[1]!, payload.subarray(2));
}
