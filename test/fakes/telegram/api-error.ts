// An error answered the way Telegram answers it: `{ ok: false, error_code, description, parameters? }`.
export class ApiError extends Error {
  readonly status: number;
  readonly parameters: { retry_after?: number } | undefined;
  constructor(status: number, description: string, parameters?: { retry_after?: number }) {
    super(description);
    this.status = status;
    this.parameters = parameters;
  }
}

export const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

export const tooManyRequests = (seconds: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
