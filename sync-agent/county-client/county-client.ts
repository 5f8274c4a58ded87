/**
 * The terminal's HTTP client for the county's dynamic endpoints (heartbeats and complaints): bearer token,
 * a timeout on every request, answers parsed with the shared wire schemas, failures as `CountyRequestError`.
 */
import {
  COUNTY_API_PATHS,
  complaintReceiptSchema,
  errorBodySchema,
  heartbeatAnswerSchema,
  type Complaint,
  type ComplaintReceipt,
  type CountyApiErrorCode,
  type HeartbeatAnswer,
} from '../../domain/county-api';
import type { KioskConfig } from '../../kiosk-config/schema';
import { CountyRequestError, failureKindOfStatus, parseRetryAfter } from './failure';
import type { TerminalHeartbeat } from './terminal-heartbeat';
import type { z } from 'zod';

export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

export interface CountyClientOptions {
  /** The county's base URL; the API paths are resolved under it, so it may carry a path prefix. */
  baseUrl: string;
  accessToken: string;
  timeoutMs?: number;
  /** For tests; global fetch otherwise. */
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface CountyClient {
  /** Answers the county's receipt (201 the first time, 200 with the same receipt for a repeat). */
  postComplaint(complaint: Complaint): Promise<ComplaintReceipt>;
  postHeartbeat(heartbeat: TerminalHeartbeat): Promise<HeartbeatAnswer>;
}

export function countyClientOptionsFrom(
  config: Pick<KioskConfig, 'county' | 'accessToken'>,
): CountyClientOptions {
  return { baseUrl: config.county.baseUrl, accessToken: config.accessToken };
}

function apiUrl(baseUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function createCountyClient(options: CountyClientOptions): CountyClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());

  async function post<T>(path: string, body: unknown, answerSchema: z.ZodType<T>): Promise<T> {
    let response: Response;
    let answer: unknown;
    try {
      response = await doFetch(apiUrl(options.baseUrl, path), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.accessToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Reading the body is under the same timeout: a server that stalls mid-answer is a timeout too.
      answer = await readJson(response);
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new CountyRequestError(timedOut ? 'timeout' : 'network', null, null, null, { cause: error });
    }
    if (response.ok) {
      const parsed = answerSchema.safeParse(answer);
      if (parsed.success) return parsed.data;
      throw new CountyRequestError('unexpected-answer', response.status, null, null);
    }
    const errorBody = errorBodySchema.safeParse(answer);
    const code: CountyApiErrorCode | null = errorBody.success ? errorBody.data.error.code : null;
    throw new CountyRequestError(
      failureKindOfStatus(response.status),
      response.status,
      code,
      parseRetryAfter(response.headers.get('retry-after'), now()),
    );
  }

  return {
    postComplaint: (complaint) => post(COUNTY_API_PATHS.complaints, complaint, complaintReceiptSchema),
    postHeartbeat: (heartbeat) => post(COUNTY_API_PATHS.heartbeat, heartbeat, heartbeatAnswerSchema),
  };
}
