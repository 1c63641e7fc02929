import { str, type Schema } from './schema-dsl';

const hint = 'an http(s) URL without user:password@ (put credentials in the signing settings, not the URL)';
const text = str({ pattern: /^https?:\/\//, hint });

/**
 * An http(s) URL checked as the sender will use it: `fetch` refuses URLs with credentials (`user:pw@`), so such
 * a URL could never deliver, and its password would be copied into every failure. Refused at start instead.
 */
export function httpUrl(): Schema<string> {
  return {
    expected: hint,
    parse(v, path) {
      const raw = text.parse(v, path);
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return text.parse(null, path);
      }
      if (url.username || url.password || !/^https?:$/.test(url.protocol)) return text.parse(null, path);
      return raw;
    },
  };
}
