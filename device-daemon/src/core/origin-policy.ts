/**
 * Which Host and Origin headers the daemon answers. The Host header is set by whoever sends the request, so it
 * cannot vouch for an Origin by itself: a page on a rebound name (evil.example resolving to 127.0.0.1) sends
 * `Host: evil.example:8080` and a matching Origin. Hence Host must be loopback or a configured name first, and
 * only then may a browser's Origin equal it (same scheme, host and port), or be one of the configured origins.
 */
export interface OriginPolicy {
  /** Host names (optionally `name:port`) beside loopback: `server.allowedHosts` and the public base URL's host. */
  hosts: readonly string[];
  /** Whole origins (`https://display.hall.example`) whose pages may call the API. */
  origins: readonly string[];
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function split(hostHeader: string): { name: string; port: string } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(hostHeader);
  return m ? { name: m[1]!.toLowerCase(), port: m[2] ?? '' } : undefined;
}

/** Whether a Host header names this kiosk: loopback, or a configured host (with its port when one is given). */
export function hostAllowed(hostHeader: string | undefined, policy: OriginPolicy): boolean {
  if (hostHeader === undefined) return true; // not a browser: browsers always send Host
  const host = split(hostHeader);
  if (!host) return false;
  if (LOOPBACK_NAMES.has(host.name) || /^127\.\d+\.\d+\.\d+$/.test(host.name)) return true;
  return policy.hosts.some((entry) => {
    const allowed = split(entry);
    return !!allowed && allowed.name === host.name && (allowed.port === '' || allowed.port === host.port);
  });
}

/**
 * Whether a request's Origin may use the API: absent (not a browser, or a same-origin GET), a configured origin,
 * or exactly the request's own scheme://host (the Host having passed hostAllowed).
 */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined, scheme: string, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  if (policy.origins.includes(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === `${scheme}:` && hostHeader !== undefined && url.host === hostHeader.toLowerCase();
}
