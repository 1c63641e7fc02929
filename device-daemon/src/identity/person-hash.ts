import { createHmac } from 'node:crypto';

/**
 * The keyed hash that stands for a person in the store (per-person ticket limit): HMAC-SHA256 over the
 * ID number with the installation's secret. The number itself is never stored.
 */
export function personHash(secret: Buffer, idNumber: string): string {
  return createHmac('sha256', secret).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');
}
