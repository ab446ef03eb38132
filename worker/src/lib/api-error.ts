import { ERROR_STATUS, type ErrorCode } from '@clipdm/shared';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error type handlers throw; `onError` turns it into the contract's `{error:{code,message,details}}`. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(ERROR_STATUS[code] as ContentfulStatusCode, { message });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (what = 'Not found') => new ApiError('not_found', what);
