/** Card dates: 8 digits `YYYYMMDD`, or «长期» (long-term) in the valid-to field of a resident card. */
export const LONG_TERM = '长期';

/** `YYYYMMDD` -> `YYYY-MM-DD`; undefined when it is not a real calendar date. */
export function parseCardDate(text: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    return undefined;
  }
  return `${y}-${mo}-${d}`;
}

/** A valid-to field: a date or «长期». */
export function parseValidTo(text: string): string | undefined {
  return text === LONG_TERM ? LONG_TERM : parseCardDate(text);
}

/** `YYYY-MM-DD` (or «长期») -> the card's field text. */
export function cardDateText(date: string): string {
  return date === LONG_TERM ? LONG_TERM : date.replace(/-/g, '');
}
