/**
 * How both transports report a handler that failed. The input is never logged (it may be a person's
 * number and name); the error's own text is logged with anything shaped like an ID number masked, so a
 * library that echoes a value into its message cannot leak it.
 */
import { mask } from '../../domain/masking';
import type { OperationName } from './contract';

const ID_NUMBER_LIKE = /\d{17}[\dXx]|\d{15}/g;

export function redactIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_LIKE, (match) => mask('idNumber', match));
}

/** `what` names the work that failed: an operation, or background work such as a usage count. */
export function describeInternalError(what: OperationName | 'usage count', error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  return `kiosk: ${what} failed: ${redactIdNumbers(detail)}`;
}

export function logInternalError(what: OperationName | 'usage count', error: unknown): void {
  console.error(describeInternalError(what, error));
}
