import { bool, ConfigError, int, obj, opt, str, type Schema } from '../../config/schema-dsl';

/**
 * `evaluation.upstream`: where ratings and 差评工单 changes are delivered (docs/UPSTREAM.md). Provinces differ in
 * field names and signing, so both are configuration: a field mapping and HMAC and/or bearer signing.
 */

/** An http(s) URL without `user:password@`: credentials belong in `signing`, where they never reach a log. */
const URL_EXPECTED = 'an http(s) URL without user:password@ (put credentials in evaluation.upstream.signing)';
const upstreamUrl: Schema<string> = {
  expected: URL_EXPECTED,
  parse(v, path) {
    if (typeof v !== 'string' || !/^https?:\/\//.test(v)) throw new ConfigError(path, v, URL_EXPECTED);
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      throw new ConfigError(path, v, URL_EXPECTED);
    }
    // The value is not echoed: it holds the very secret being refused.
    if (url.username || url.password) throw new ConfigError(path, `${url.protocol}//***@${url.host}`, URL_EXPECTED);
    return v;
  },
};

/** Standard field name -> the province's name, or null to leave the field out. */
const MAPPING_EXPECTED = 'an object mapping a standard field name to a new name (letters, digits, _ or -) or null to omit it';
const fieldMapping: Schema<Record<string, string | null>> = {
  expected: MAPPING_EXPECTED,
  parse(v, path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(path, v, MAPPING_EXPECTED);
    const out: Record<string, string | null> = {};
    for (const [key, name] of Object.entries(v as Record<string, unknown>)) {
      if (name !== null && (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name))) {
        throw new ConfigError(`${path}.${key}`, name, 'a field name (letters, digits, _ or -) or null');
      }
      out[key] = name as string | null;
    }
    return out;
  },
};

const headerName = str({ pattern: /^[A-Za-z0-9-]{1,64}$/, hint: 'an HTTP header name' });

export const upstreamConfig = obj({
  url: upstreamUrl,
  /** A request not answered within this time counts as failed and is retried. */
  timeoutMs: opt(int({ min: 100, max: 120_000 }), 10_000),
  /** First retry delay; each failure doubles it up to `maxRetryMs`, with jitter. */
  initialRetryMs: opt(int({ min: 10, max: 3_600_000 }), 2_000),
  maxRetryMs: opt(int({ min: 10, max: 86_400_000 }), 600_000),
  /** A message not delivered this long after it was made goes to the dead letter for a technician. */
  deadLetterAfterHours: opt(int({ min: 1, max: 24 * 90 }), 72),
  /** Messages posted at the same time. */
  concurrency: opt(int({ min: 1, max: 32 }), 4),
  /** Renames or omits fields of the standard body, applied when a message is written (a repeat is identical). */
  mapping: opt(fieldMapping, {}),
  /** Guangdong: rater data (masked name, phone) leave the hall only when the rater consented AND this is true. */
  raterData: opt(bool(), false),
  signing: opt(
    obj({
      /** HMAC-SHA256 over `<timestamp>\n<nonce>\n<raw body>` with this shared secret. */
      hmac: opt(
        obj({
          secret: str({ min: 16, max: 256, hint: 'a shared secret of 16 to 256 characters' }),
          header: opt(headerName, 'X-Signature'),
          timestampHeader: opt(headerName, 'X-Timestamp'),
          nonceHeader: opt(headerName, 'X-Nonce'),
          /** Sent as `X-Key-Id` so the upstream can tell which secret signed (rotation). */
          keyId: opt(str({ pattern: /^[A-Za-z0-9_.-]{1,64}$/, hint: 'letters, digits, _ . or -' })),
        }),
      ),
      /** Sent as `Authorization: Bearer <token>`. */
      bearerToken: opt(str({ min: 8, max: 4096, hint: 'a token of at least 8 characters' })),
    }),
    {},
  ),
});

export type UpstreamConfig = ReturnType<typeof upstreamConfig.parse>;
