import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../domain/county-api';
import { createCountyClient } from './county-client';
import { CountyRequestError } from './failure';

const complaint: Complaint = {
  clientKey: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  createdAt: '2026-03-05T08:30:00Z',
  category: 'late',
  message: '三月的低保还没到',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<CountyRequestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof CountyRequestError))
    throw new Error(`expected a CountyRequestError, got ${String(error)}`);
  return error;
}

describe('createCountyClient', () => {
  it('posts with the bearer token under the base URL, keeping its path prefix', async () => {
    const seen: { url: string; auth: string | null; body: unknown }[] = [];
    const client = createCountyClient({
      baseUrl: 'https://county.example/huimin',
      accessToken: 'secret-token-0123456789',
      fetch: async (url, init) => {
        seen.push({
          url: String(url),
          auth: new Headers(init?.headers).get('authorization'),
          body: JSON.parse(String(init?.body)),
        });
        return json(201, { id: 7, receivedAt: '2026-03-05T08:31:00Z' });
      },
    });
    await expect(client.postComplaint(complaint)).resolves.toEqual({
      id: 7,
      receivedAt: '2026-03-05T08:31:00Z',
    });
    expect(seen).toEqual([
      {
        url: 'https://county.example/huimin/api/v1/complaints',
        auth: 'Bearer secret-token-0123456789',
        body: complaint,
      },
    ]);
  });

  it('surfaces a 409 idempotency conflict as permanent, with its code', async () => {
    const client = createCountyClient({
      baseUrl: 'https://county.example',
      accessToken: 'x'.repeat(20),
      fetch: async () =>
        json(409, { error: { code: 'idempotency-conflict', message: 'complaint 3 differs' } }),
    });
    const failure = await failureOf(client.postComplaint(complaint));
    expect(failure).toMatchObject({
      kind: 'conflict',
      status: 409,
      code: 'idempotency-conflict',
      retryable: false,
    });
  });

  it("honours the county's Retry-After on 429", async () => {
    const client = createCountyClient({
      baseUrl: 'https://county.example',
      accessToken: 'x'.repeat(20),
      fetch: async () =>
        json(429, { error: { code: 'rate-limited', message: 'slow down' } }, { 'retry-after': '42' }),
    });
    const failure = await failureOf(client.postComplaint(complaint));
    expect(failure).toMatchObject({ kind: 'rate-limited', retryable: true, retryAfterMs: 42_000 });
  });

  it('retries an answer it cannot read, such as a proxy page with status 200', async () => {
    const client = createCountyClient({
      baseUrl: 'https://county.example',
      accessToken: 'x'.repeat(20),
      fetch: async () => new Response('<html>portal login</html>', { status: 200 }),
    });
    const failure = await failureOf(client.postComplaint(complaint));
    expect(failure).toMatchObject({ kind: 'unexpected-answer', retryable: true });
  });

  it('gives up on a county that does not answer in time, as a retryable timeout', async () => {
    const client = createCountyClient({
      baseUrl: 'https://county.example',
      accessToken: 'x'.repeat(20),
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    });
    const failure = await failureOf(client.postComplaint(complaint));
    expect(failure).toMatchObject({ kind: 'timeout', retryable: true });
  });
});
