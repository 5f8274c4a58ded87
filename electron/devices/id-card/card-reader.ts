/**
 * The ID card reader as the rest of the kiosk sees it: a state for the screen and the heartbeat, and the
 * identity read from a card. Never the photo, never the address.
 */
import type { Sex } from '../../../domain/id-number';

export type CardReaderErrorReason =
  // The port opened but nothing answers: wrong device or speed, or a hung reader.
  | 'no-response'
  // Answers keep arriving damaged, or the reader keeps saying our frames reached it damaged.
  | 'communication'
  // The SAM module is not authorised (SW3 66, 23).
  | 'reader-not-authorised'
  // The SAM failed its self-test (60) or answers with errors it cannot explain (21, 24, unknown codes).
  | 'reader-fault'
  // The port exists but this user may not open it (e.g. not in the dialout group).
  | 'permission-denied';

export type CardReaderState =
  | { state: 'ready' } // polling, no card
  | { state: 'reading' } // a card was found and is being read
  | { state: 'read' } // a card was delivered
  | { state: 'lift-card' } // the card is still on the reader after a read
  | { state: 'missing' } // no reader on the configured port (unplugged); retried every second
  | { state: 'error'; reason: CardReaderErrorReason }
  | { state: 'not-configured' }; // this terminal has no card reader (config kind 'none')

export interface CardIdentity {
  idNumber: string;
  name: string;
  sex: Sex;
  /** GB 3304 code as on the card, e.g. '01'; see `nationName()` in nations.ts. */
  nationCode: string;
  birthDate: string; // YYYY-MM-DD
  validFrom: string; // YYYY-MM-DD
  validTo: string | 'long-term'; // YYYY-MM-DD, or 长期
  issuer: string;
}

export type CardReadFailure =
  // Read, but the text is not that of a valid card: bad ID number, birth dates that differ, bad fields.
  | 'invalid-card'
  // The card could not be read (moved too early, damaged, read error).
  | 'read-failed'
  // Not a resident ID card (SW3 40).
  | 'unknown-card'
  // The card and the SAM did not authenticate each other (31, 32, 33): damaged or not genuine.
  | 'authentication-failed';

export type CardReadResult = { ok: true; card: CardIdentity } | { ok: false; reason: CardReadFailure };

export interface CardReader {
  start(): Promise<void>;
  stop(): Promise<void>;
  getState(): CardReaderState;
  /** Returns a function that removes the listener. */
  onState(listener: (s: CardReaderState) => void): () => void;
  onCard(listener: (r: CardReadResult) => void): () => void;
}
