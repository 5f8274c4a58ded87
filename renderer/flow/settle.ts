import type { ApiResult } from '../../electron/api/contract';

/**
 * A KioskApi call's value, or null when the main process could not answer: a failed envelope and a rejected
 * call mean the same to a screen, which says so calmly whatever the technical cause was.
 */
export async function settle<T>(call: () => Promise<ApiResult<T>>): Promise<T | null> {
  try {
    const result = await call();
    return result.ok ? result.value : null;
  } catch {
    return null;
  }
}
