/**
 * Domain errors: a literal `code` callers switch on, an HTTP status the one error handler maps to,
 * and a message in plain words (Chinese where a citizen may read it).
 */
export class DomainError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly status: number = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 400, details);
export const notFound = (code: string, message: string) => new DomainError(code, message, 404);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 409, details);
export const unavailable = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError(code, message, 503, details);

/** The literal code an error carries (domain and device errors both have one), else `fallback`. */
export function errorCode(err: unknown, fallback: string): string {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : fallback;
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
