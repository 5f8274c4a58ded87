/**
 * tuf-js's fetcher over an injectable `fetch` (tests pass one; the agent uses Node's), remembering whether
 * the last request failed on the network or with an HTTP error, because tuf-js wraps some of those failures
 * in generic errors and a terminal must tell "county down" (try later) from "county lied" (refuse).
 */
import { BaseFetcher } from 'tuf-js';
import { DownloadHTTPError } from 'tuf-js/dist/error';
import { SyncError } from './sync-error';

export type FetchFunction = typeof globalThis.fetch;

export const REQUEST_TIMEOUT_MS = 30_000;

export class CountyFetcher extends BaseFetcher {
  /** Why the most recent request failed on the network or HTTP level; null once one succeeds. */
  lastFailure: string | null = null;
  readonly #fetch: FetchFunction;

  constructor(fetchFunction: FetchFunction) {
    super();
    this.#fetch = fetchFunction;
  }

  override async fetch(url: string): Promise<ReadableStream<Uint8Array<ArrayBuffer>>> {
    let response: Response;
    try {
      response = await this.#fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw this.#failed(`cannot reach ${url} (${(error as Error).message})`, error);
    }
    if (!response.ok || !response.body) {
      this.lastFailure = `${url} answered HTTP ${response.status}`;
      // tuf-js stops walking the root chain on exactly this error with 404.
      throw new DownloadHTTPError(this.lastFailure, response.status);
    }
    this.lastFailure = null;
    const reader = response.body.getReader();
    return new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull: async (controller) => {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value as Uint8Array<ArrayBuffer>);
        } catch (error) {
          controller.error(
            this.#failed(`the download of ${url} broke off (${(error as Error).message})`, error),
          );
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
  }

  #failed(reason: string, cause: unknown): SyncError {
    this.lastFailure = reason;
    return new SyncError('unreachable', reason, { cause });
  }
}
