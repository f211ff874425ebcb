/**
 * The guarded fetch's one error (guarded-fetch.ts), apart from it so that error mapping can recognise
 * it without bundling the fetch itself into every function.
 */

type FetchRefusal =
  | 'url_not_allowed'
  | 'host_not_public'
  | 'unreachable'
  | 'bad_status'
  | 'too_large';

/** Why a URL could not be fetched; `transient` when the same fetch may work later. */
class FetchRefusedError extends Error {
  readonly reason: FetchRefusal;
  readonly transient: boolean;
  readonly status: number | undefined;
  constructor(reason: FetchRefusal, message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FetchRefusedError';
    this.reason = reason;
    this.status = status;
    this.transient =
      reason === 'unreachable' ||
      (reason === 'bad_status' && status !== undefined && (status >= 500 || status === 429));
  }
}

export type { FetchRefusal };
export { FetchRefusedError };
