/**
 * The card reader a terminal's configuration asks for.
 *
 * - `serial`: a reader speaking the SAM protocol on a (USB-)serial port.
 * - `simulator`: no hardware; cards are presented by code (development, e2e tests, helper mode).
 * - `keyboard`: a reader that types the ID number and Enter. The renderer tells its bursts from typing
 *   (renderer/devices/keyboard-card-reader.ts); the main process sees nothing, so the state is always
 *   'ready' and no card is ever delivered here.
 * - `none`: the terminal has no reader; the state is always 'not-configured'.
 */
import type { CardReader, CardReaderState } from './card-reader';
import { createSerialCardReader, type SerialReaderOptions } from './serial-card-reader';
import {
  createSimulatedCardReader,
  type SimulatedCardReader,
  type SimulatorOptions,
} from './simulated-card-reader';

export const DEFAULT_BAUD_RATE = 115_200;

export type CardReaderConfig =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'simulator' }
  | { kind: 'keyboard' }
  | { kind: 'none' };

export type CardReaderOptions = SerialReaderOptions & SimulatorOptions;

function fixedStateReader(state: CardReaderState): CardReader {
  return {
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    getState: () => state,
    onState: () => () => {},
    onCard: () => () => {},
  };
}

export function createCardReader(
  config: { kind: 'simulator' },
  options?: CardReaderOptions,
): SimulatedCardReader;
export function createCardReader(config: CardReaderConfig, options?: CardReaderOptions): CardReader;
export function createCardReader(config: CardReaderConfig, options: CardReaderOptions = {}): CardReader {
  switch (config.kind) {
    case 'serial':
      return createSerialCardReader(config, options);
    case 'simulator':
      return createSimulatedCardReader(options);
    case 'keyboard':
      return fixedStateReader({ state: 'ready' });
    case 'none':
      return fixedStateReader({ state: 'not-configured' });
  }
}
