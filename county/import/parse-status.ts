/**
 * A payment's status as departments write it (已发放, 待发放, 发放失败, 退回...) read into the master database's
 * three states. An empty cell means "not said": the importer then decides from the paid date.
 */
export type ImportedStatus = 'paid' | 'pending' | 'failed';

export type StatusResult = { ok: true; status: ImportedStatus | null } | { ok: false };

const WORDS: ReadonlyMap<string, ImportedStatus> = new Map([
  ['已发放', 'paid'],
  ['已发', 'paid'],
  ['发放成功', 'paid'],
  ['已支付', 'paid'],
  ['已到账', 'paid'],
  ['成功', 'paid'],
  ['paid', 'paid'],
  ['待发放', 'pending'],
  ['未发放', 'pending'],
  ['待支付', 'pending'],
  ['pending', 'pending'],
  ['发放失败', 'failed'],
  ['失败', 'failed'],
  ['退回', 'failed'],
  ['已退回', 'failed'],
  ['退票', 'failed'],
  ['failed', 'failed'],
]);

export function parseStatus(text: string): StatusResult {
  const value = text.trim();
  if (value === '') return { ok: true, status: null };
  const status = WORDS.get(value) ?? WORDS.get(value.toLowerCase());
  return status === undefined ? { ok: false } : { ok: true, status };
}

/** The status to record: as given, else paid when a paid date is present, else pending. */
export function effectiveStatus(given: ImportedStatus | null, paidDate: string | null): ImportedStatus {
  return given ?? (paidDate === null ? 'pending' : 'paid');
}
