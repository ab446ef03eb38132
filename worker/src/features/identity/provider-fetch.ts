import type { z } from 'zod';

/** What went wrong talking to a provider, as the error code the extension receives in `return#error=`. */
export class ProviderError extends Error {
  constructor(
    readonly code: 'provider_error' | 'provider_timeout' | 'access_denied',
    detail: string,
  ) {
    super(detail);
  }
}

/** The provider timeout of `[vars]` (`PROVIDER_TIMEOUT_MS`), 5 s when unset or nonsense. */
export function providerTimeout(value: string | undefined): number {
  const ms = Number.parseInt(value ?? '', 10);
  return Number.isFinite(ms) && ms > 0 ? ms : 5000;
}

/**
 * Calls a provider and parses its JSON with `schema`. A slow provider becomes `provider_timeout`; a network
 * failure, a non-2xx answer or a body of the wrong shape becomes `provider_error`.
 */
export async function fetchProviderJson<T extends z.ZodType>(
  url: string,
  init: RequestInit,
  schema: T,
  timeoutMs: number,
): Promise<z.infer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ProviderError(timedOut ? 'provider_timeout' : 'provider_error', `fetch ${new URL(url).host}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ProviderError(
      timedOut ? 'provider_timeout' : 'provider_error',
      `${new URL(url).host}: no JSON`,
    );
  }
  const parsed = schema.safeParse(body);
  if (!response.ok || !parsed.success) {
    throw new ProviderError('provider_error', `${new URL(url).host} answered ${response.status}`);
  }
  return parsed.data;
}
