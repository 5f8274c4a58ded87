/**
 * The script the browser host puts into the page where Electron would run the preload: it defines the same
 * `window.kiosk` (one method per operation of the contract), carried over HTTP instead of IPC. Each served
 * page gets its own copy holding the capability of that page load, sent with every call.
 */
import type { OperationName } from '../api/contract';

export const API_PATH = '/api/call';
export const CAPABILITY_HEADER = 'x-kiosk-capability';

export function kioskBridgeScript(operations: readonly OperationName[], capability: string): string {
  return `"use strict";
(() => {
  const unreachable = { ok: false, error: { code: 'internal', message: 'kiosk host unreachable', issues: [] } };
  const headers = { 'content-type': 'application/json', ${JSON.stringify(CAPABILITY_HEADER)}: ${JSON.stringify(capability)} };
  const call = async (operation, input) => {
    try {
      const response = await fetch(${JSON.stringify(API_PATH)}, {
        method: 'POST',
        headers,
        body: JSON.stringify({ operation, input: input === undefined ? {} : input }),
      });
      return await response.json();
    } catch {
      return unreachable;
    }
  };
  const api = {};
  for (const operation of ${JSON.stringify(operations)}) api[operation] = (input) => call(operation, input);
  Object.defineProperty(window, 'kiosk', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}
