import { Type, type Static } from 'typebox';
import { section, strict } from '../../config/kit';
import { httpUrl } from '../../config/http-url';

/**
 * `evaluation.upstream`: where ratings and 差评工单 changes are delivered (docs/UPSTREAM.md). Provinces differ in
 * field names and signing, so both are configuration: a field mapping and HMAC and/or bearer signing.
 * The URL carries no `user:password@` (credentials belong in `signing`, where they never reach a log; the
 * configuration error blots them out too).
 */

const headerName = (fallback: string) => Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$', expected: 'an HTTP header name', default: fallback });

/** Standard field name -> the province's name, or null to leave the field out. */
const fieldMapping = Type.Record(
  Type.String(),
  Type.Union([Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), Type.Null()], { expected: 'a field name (letters, digits, _ or -) or null' }),
  { default: {}, expected: 'an object mapping a standard field name to a new name (letters, digits, _ or -) or null to omit it' },
);

export const upstreamConfig = strict({
  url: httpUrl(),
  /** A request not answered within this time counts as failed and is retried. */
  timeoutMs: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
  /** First retry delay; each failure doubles it up to `maxRetryMs`, with jitter. */
  initialRetryMs: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 2_000 }),
  maxRetryMs: Type.Integer({ minimum: 10, maximum: 86_400_000, default: 600_000 }),
  /** A message not delivered this long after it was made goes to the dead letter for a technician. */
  deadLetterAfterHours: Type.Integer({ minimum: 1, maximum: 24 * 90, default: 72 }),
  /** Messages posted at the same time. */
  concurrency: Type.Integer({ minimum: 1, maximum: 32, default: 4 }),
  /** Renames or omits fields of the standard body, applied when a message is written (a repeat is identical). */
  mapping: fieldMapping,
  /** Guangdong: rater data (masked name, phone) leave the hall only when the rater consented AND this is true. */
  raterData: Type.Boolean({ default: false }),
  signing: section({
    /** HMAC-SHA256 over `<timestamp>\n<nonce>\n<raw body>` with this shared secret. */
    hmac: Type.Optional(
      strict({
        secret: Type.String({ minLength: 16, maxLength: 256, expected: 'a shared secret of 16 to 256 characters' }),
        header: headerName('X-Signature'),
        timestampHeader: headerName('X-Timestamp'),
        nonceHeader: headerName('X-Nonce'),
        /** Sent as `X-Key-Id` so the upstream can tell which secret signed (rotation). */
        keyId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', expected: 'letters, digits, _ . or -' })),
      }),
    ),
    /** Sent as `Authorization: Bearer <token>`. */
    bearerToken: Type.Optional(Type.String({ minLength: 8, maxLength: 4096, expected: 'a token of at least 8 characters' })),
  }),
});

export type UpstreamConfig = Static<typeof upstreamConfig>;
