// One error type for everything a user may see. `code` is `type:surface` (e.g. `not_found:project`),
// `message` is safe to show, `status` is the HTTP status it maps to.
export type ErrorType =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limit"
  | "locked"
  | "unavailable"
  | "internal";

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limit: 429,
  locked: 423,
  unavailable: 503,
  internal: 500,
};

export interface AppErrorOptions {
  /** The input field that failed, for validation errors. */
  field?: string;
  /** Extra machine-readable details safe for clients. */
  details?: Record<string, unknown>;
  /** Seconds until a retry may succeed (rate limits, lockouts). */
  retryAfter?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly status: number;
  readonly field?: string;
  readonly details?: Record<string, unknown>;
  readonly retryAfter?: number;

  constructor(code: `${ErrorType}:${string}`, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.type = code.split(":")[0] as ErrorType;
    this.status = statusByType[this.type];
    this.field = options.field;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }

  toJSON(requestId?: string) {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ? { details: this.details } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

export const notFound = (surface: string, what = surface) =>
  new AppError(`not_found:${surface}`, `That ${what} does not exist or you do not have access to it.`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The shape every failed server action and API call returns to the studio UI. */
export interface ErrorPayload {
  code: string;
  message: string;
  field?: string;
  requestId?: string;
  details?: Record<string, unknown>;
}
