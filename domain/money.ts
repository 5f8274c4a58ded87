/**
 * Money is an integer number of fen (分) everywhere; yuan appear only when formatting for people and when
 * reading what people or department exports wrote.
 */
export type Fen = number; // integer fen

function assertFen(fen: Fen): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount must be a safe integer number of fen');
}

// Grouping is done by hand so the output does not depend on the ICU data or locale of the machine.
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/** '¥1,234.50' (symbol, the default) or '1234.50元' (suffix); negatives get a leading '-'. */
export function formatYuan(fen: Fen, style: 'symbol' | 'suffix' = 'symbol'): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  return style === 'symbol' ? `${sign}¥${groupThousands(yuan)}.${cents}` : `${sign}${yuan}.${cents}元`;
}

const NUMBER = /^[\d,]+(?:\.\d+)?$/;
const PLAIN_OR_GROUPED = /^(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)$/;

// Removes the one currency mark allowed: a leading ¥/￥ or a trailing 元.
function withoutCurrency(text: string): string {
  if (/^[¥￥]/.test(text)) return text.slice(1).trimStart();
  if (text.endsWith('元')) return text.slice(0, -1).trimEnd();
  return text;
}

/**
 * Reads an amount of yuan written by a person or an export: '1,234.50', '¥1234.5', '￥1234.50', '1234.50元',
 * '-12'. Failure reasons: 'empty', 'not-a-number', 'too-many-decimals', 'bad-grouping', 'too-large'.
 */
export function parseYuanToFen(text: string): { ok: true; fen: Fen } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const negative = trimmed.startsWith('-');
  const number = withoutCurrency(negative ? trimmed.slice(1) : trimmed);
  if (!NUMBER.test(number)) return { ok: false, reason: 'not-a-number' };

  const [whole = '', decimals = ''] = number.split('.');
  if (decimals.length > 2) return { ok: false, reason: 'too-many-decimals' };
  if (!PLAIN_OR_GROUPED.test(whole)) return { ok: false, reason: 'bad-grouping' };

  // BigInt keeps every digit, so an amount too large for exact arithmetic is refused, not rounded.
  const magnitude = BigInt(whole.replaceAll(',', '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too-large' };
  const fen = Number(magnitude);
  return { ok: true, fen: negative && fen !== 0 ? -fen : fen };
}

/** The exact sum; throws if a value or the total is not a safe integer number of fen. */
export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const value of values) {
    assertFen(value);
    total += value;
    // Past 2^53 additions stop being exact; redo the sum without that limit to get the true total.
    if (!Number.isSafeInteger(total)) return exactSum(values);
  }
  return total;
}

function exactSum(values: readonly Fen[]): Fen {
  let total = 0n;
  for (const value of values) {
    assertFen(value);
    total += BigInt(value);
  }
  const result = Number(total);
  if (!Number.isSafeInteger(result) || BigInt(result) !== total) {
    throw new RangeError('sum of fen is not a safe integer');
  }
  return result;
}
