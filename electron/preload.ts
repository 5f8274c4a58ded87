/**
 * Runs in the sandboxed renderer before the page. It exposes `window.kiosk`, one function per operation of
 * the contract, each a call on the single IPC channel; the main process validates everything it receives.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  operationNames,
  type ApiResult,
  type KioskApi,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from './api/contract';
import { KIOSK_IPC_CHANNEL } from './ipc-channel';

function callOperation<N extends OperationName>(
  name: N,
): (input: OperationInput<N>) => Promise<ApiResult<OperationOutput<N>>> {
  return (input) => ipcRenderer.invoke(KIOSK_IPC_CHANNEL, name, input);
}

// Built from the contract's table, so an operation added there reaches the page without touching this file.
// The cast only restates that the keys are exactly operationNames; each value is typed by callOperation.
const api = Object.fromEntries(operationNames.map((name) => [name, callOperation(name)])) as KioskApi;

contextBridge.exposeInMainWorld('kiosk', api);
