import { createHmac, randomUUID } from 'node:crypto';
import type { UpstreamConfig } from './config';

/**
 * Request signing as configured (docs/UPSTREAM.md): HMAC-SHA256 over `<timestamp>\n<nonce>\n<raw body>` (the
 * timestamp in Unix seconds, the nonce fresh per attempt, so the upstream can refuse replays while the body and
 * its Idempotency-Key stay identical across retries), and/or a bearer token.
 */
export function signatureBase(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}`;
}

export function hmacSignature(secret: string, timestamp: string, nonce: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(signatureBase(timestamp, nonce, body), 'utf8').digest('hex')}`;
}

export function signedHeaders(
  signing: UpstreamConfig['signing'],
  body: string,
  now: Date,
  nonce: string = randomUUID(),
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (signing.hmac) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    headers[signing.hmac.timestampHeader.toLowerCase()] = timestamp;
    headers[signing.hmac.nonceHeader.toLowerCase()] = nonce;
    headers[signing.hmac.header.toLowerCase()] = hmacSignature(signing.hmac.secret, timestamp, nonce, body);
    if (signing.hmac.keyId) headers['x-key-id'] = signing.hmac.keyId;
  }
  if (signing.bearerToken) headers.authorization = `Bearer ${signing.bearerToken}`;
  return headers;
}

/** An error text fit for `last_error` and logs: any configured secret in it is blotted out. */
export function scrubSecrets(text: string, signing: UpstreamConfig['signing']): string {
  let out = text;
  for (const secret of [signing.hmac?.secret, signing.bearerToken]) {
    if (secret) out = out.split(secret).join('[redacted]');
  }
  // A URL with credentials cannot be configured, but an error may still quote one from a redirect target.
  return out.replace(/\/\/[^/@\s]+@/g, '//***@');
}
