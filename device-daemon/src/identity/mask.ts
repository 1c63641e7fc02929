/**
 * Masking of what the screen and the event stream may show (docs/INTERFACE.md): a name keeps its first character,
 * and for three characters or more also its last; a number keeps its first 4 and last 4 characters.
 * Works on code points, so a rare character outside the BMP counts as one.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** `440103198503121234` -> `4401**********1234`; 15-character PR numbers alike; short values fully hidden. */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim());
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}
