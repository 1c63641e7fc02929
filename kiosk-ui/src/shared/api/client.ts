/**
 * The one place the UI talks HTTP to the daemon. Errors come back as ApiError with the daemon's literal
 * `code` (docs/INTERFACE.md error shape), or code NETWORK when the daemon could not be reached.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = (reachable: boolean) => void;
const reachability = new Set<Listener>();
/** Told after every request whether the daemon answered; the shell shows a banner while it does not. */
export function onReachability(listener: Listener): () => void {
  reachability.add(listener);
  return () => reachability.delete(listener);
}
const report = (ok: boolean) => reachability.forEach((l) => l(ok));

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    report(false);
    throw new ApiError('NETWORK', '无法连接本机服务，请稍候再试', 0);
  }
  report(true);
  const text = await response.text();
  const data = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    const { code = 'HTTP_' + response.status, message = response.statusText, ...details } =
      (data.error as { code?: string; message?: string } | undefined) ?? {};
    throw new ApiError(code, message, response.status, details);
  }
  return data as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => api<T>(path, { signal });
export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });
