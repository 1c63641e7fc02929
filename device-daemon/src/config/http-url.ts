import { Type } from 'typebox';

const hint = 'an http(s) URL without user:password@ (put credentials in the signing settings, not the URL)';

function usable(raw: string): boolean {
  try {
    const url = new URL(raw);
    return !url.username && !url.password && /^https?:$/.test(url.protocol);
  } catch {
    return false;
  }
}

/**
 * An http(s) URL checked as the sender will use it: `fetch` refuses URLs with credentials (`user:pw@`), so such
 * a URL could never deliver, and its password would be copied into every failure. Refused at start instead (the
 * error line shows the URL with its credentials blotted out: config-error.ts).
 */
export function httpUrl() {
  return Type.Refine(Type.String({ pattern: '^https?://', expected: hint }), usable);
}
