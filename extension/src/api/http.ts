import { type ErrorCode, isErrorBody } from '@clipdm/shared';
import { getApiBaseUrl } from './base-url.ts';

/** The API's error codes, plus the two only a client can see. */
export type ClientErrorCode = ErrorCode | 'offline' | 'signed_out';

/** Every failed call ends as one of these, so the UI can pick a message by `code`. */
export class ApiFailure extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | undefined;

  constructor(
    code: ClientErrorCode,
    message: string,
    extra: { status?: number; details?: Record<string, unknown>; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.status = extra.status ?? 0;
    this.details = extra.details;
    this.retryAfter = extra.retryAfter;
  }
}

/** Any thrown value as an `ApiFailure`, so the UI has one thing to explain. */
export function asFailure(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure('internal', String(error));
}

export type Query = Record<string, string | number | undefined>;

export interface CallOptions {
  body?: unknown;
  query?: Query;
  token?: string;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** One HTTP call to the worker: JSON in and out, errors turned into `ApiFailure`. 204 answers `undefined`. */
export async function call<T>(method: string, path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${await getApiBaseUrl()}/v1${withQuery(path, options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiFailure('offline', 'The ClipDM server cannot be reached');
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as T;
  const retryAfter = Number(response.headers.get('retry-after')) || undefined;
  if (isErrorBody(data)) {
    throw new ApiFailure(data.error.code, data.error.message, {
      status: response.status,
      details: data.error.details,
      retryAfter,
    });
  }
  throw new ApiFailure(response.status >= 500 ? 'internal' : 'invalid_request', `HTTP ${response.status}`, {
    status: response.status,
    retryAfter,
  });
}
