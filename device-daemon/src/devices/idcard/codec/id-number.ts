/**
 * GB 11643 citizen identity numbers: 17 digits and an ISO 7064 MOD 11-2 check character.
 * Also used by the 2023 foreigner PR card ('Y'), whose 18-character number starts with 9.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function mod112Check(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Whether an 18-character number carries the right check character. */
export function isValidIdNumber18(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && mod112Check(id.slice(0, 17)) === id[17];
}

/** Completes 17 digits with their check character (profiles, tests). */
export function withCheck(first17: string): string {
  return first17 + mod112Check(first17);
}
