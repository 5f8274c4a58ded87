/**
 * The single dispatcher both transports call: it looks the operation up in the contract table, validates
 * the input, runs the handler and validates its output. Transports add only how bytes move.
 */
import type { z } from 'zod';
import {
  kioskOperations,
  type ApiError,
  type ApiResult,
  type KioskHandlers,
  type OperationName,
} from './contract';

function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(kioskOperations, name);
}

function issuesOf(error: z.ZodError): ApiError['issues'] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

export function apiError(
  code: ApiError['code'],
  message: string,
  issues: ApiError['issues'] = [],
): ApiResult<never> {
  return { ok: false, error: { code, message, issues } };
}

export async function dispatch(
  handlers: KioskHandlers,
  name: unknown,
  input: unknown,
  onInternalError: (operation: OperationName, error: unknown) => void = () => {},
): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) return apiError('unknown-operation', `unknown operation: ${String(name)}`);
  const operation = kioskOperations[name];
  const parsed = operation.input.safeParse(input ?? {});
  if (!parsed.success) return apiError('invalid-input', `invalid input for ${name}`, issuesOf(parsed.error));
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const output = operation.output.parse(await handler(parsed.data));
    return { ok: true, value: output };
  } catch (error) {
    // Never echo the error text to the screen: it may carry personal data. The host logs it without input.
    onInternalError(name, error);
    return apiError('internal', `${name} failed`);
  }
}
