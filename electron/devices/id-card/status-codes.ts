/**
 * SW3, the reader's own status byte in every answer, as machine reasons. SW1 SW2 relay the card's APDU
 * status word for the card-level failures (31, 41, 47, 81) and are 00 00 otherwise; they go into
 * diagnostics only. Meanings as published in the SAM module's UART protocol (sources in README.md).
 */
export type ReaderStatus =
  | 'ok' // 90
  | 'card-found' // 9F: find card succeeded, data is the card's IIN
  | 'no-card' // 80: find card failed — the normal idle answer
  | 'select-failed' // 81
  | 'no-content' // 91: the card holds nothing for this item (e.g. no appended address)
  | 'checksum-error' // 10: the reader got a frame from us with a bad checksum
  | 'length-error' // 11: the reader got a frame from us with a bad length
  | 'command-error' // 21: unknown command or bad parameters
  | 'unauthorised-operation' // 23: 越权操作
  | 'unknown-error' // 24: 无法识别的错误
  | 'card-rejected-reader' // 31: 证/卡对 SAM 认证失败
  | 'reader-rejected-card' // 32: SAM 对证/卡认证失败
  | 'verification-failed' // 33: 信息验证错误
  | 'unknown-card' // 40: 无法识别的卡类型 / 错误的卡
  | 'read-failed' // 41: 读证/卡操作失败
  | 'random-number-failed' // 47: 取随机数失败
  | 'self-test-failed' // 60: SAM 自检失败, takes no command
  | 'reader-not-authorised' // 66: SAM 没经过授权, cannot be used
  | 'unrecognised'; // anything else

const BY_SW3: ReadonlyMap<number, ReaderStatus> = new Map<number, ReaderStatus>([
  [0x90, 'ok'],
  [0x9f, 'card-found'],
  [0x80, 'no-card'],
  [0x81, 'select-failed'],
  [0x91, 'no-content'],
  [0x10, 'checksum-error'],
  [0x11, 'length-error'],
  [0x21, 'command-error'],
  [0x23, 'unauthorised-operation'],
  [0x24, 'unknown-error'],
  [0x31, 'card-rejected-reader'],
  [0x32, 'reader-rejected-card'],
  [0x33, 'verification-failed'],
  [0x40, 'unknown-card'],
  [0x41, 'read-failed'],
  [0x47, 'random-number-failed'],
  [0x60, 'self-test-failed'],
  [0x66, 'reader-not-authorised'],
]);

export function readerStatus(sw3: number): ReaderStatus {
  return BY_SW3.get(sw3) ?? 'unrecognised';
}

/** What a status means for the reading of the card on the reader. */
export type StatusClass =
  | 'success'
  // The card could not be read (damaged, moved, not a resident ID card): tell the person, wait for a lift.
  | 'card-problem'
  // Our frame reached the reader damaged: a line glitch, try again.
  | 'transient'
  // The reader or its SAM refuses to work: an error state until it answers well again.
  | 'reader-fault';

export function classifyStatus(status: ReaderStatus): StatusClass {
  switch (status) {
    case 'ok':
    case 'card-found':
      return 'success';
    case 'no-card':
    case 'select-failed':
    case 'no-content':
    case 'card-rejected-reader':
    case 'reader-rejected-card':
    case 'verification-failed':
    case 'unknown-card':
    case 'read-failed':
    case 'random-number-failed':
      return 'card-problem';
    case 'checksum-error':
    case 'length-error':
      return 'transient';
    case 'command-error':
    case 'unauthorised-operation':
    case 'unknown-error':
    case 'self-test-failed':
    case 'reader-not-authorised':
    case 'unrecognised':
      return 'reader-fault';
  }
}

/** The status word for logs: `00 00 41` → '000041'. Carries no personal data. */
export function statusWord(sw1: number, sw2: number, sw3: number): string {
  return [sw1, sw2, sw3].map((b) => b.toString(16).padStart(2, '0')).join('');
}
