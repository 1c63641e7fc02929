/**
 * Dates as a citizen reads them: «12月8日» in the current year, «2026年12月8日» otherwise, never «2026-12-08».
 * Every citizen screen writes a date through these (a grep for ISO-looking output finds nothing else).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** This year in the hall (the kiosk's browser runs in the hall's time zone). */
const thisYear = () => new Date().getFullYear();

/**
 * A calendar date (`YYYY-MM-DD`, or the date part of an ISO timestamp already in hall time) in Chinese words.
 * `year`: 'auto' (only when not this year), 'always', or 'never'. Anything unparsable is returned unchanged,
 * so a «长期» (long-term validity) passes through.
 */
export function dayText(date: string, year: 'auto' | 'always' | 'never' = 'auto', currentYear = thisYear()): string {
  const m = DAY.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const md = `${Number(mo)}月${Number(d)}日`;
  const withYear = year === 'always' || (year === 'auto' && Number(y) !== currentYear);
  return withYear ? `${Number(y)}年${md}` : md;
}

/** A moment (ISO timestamp) as a date in the hall's time zone: «12月8日». */
export function momentDayText(iso: string, timeZone = 'Asia/Shanghai', year: 'auto' | 'always' | 'never' = 'auto'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  // en-CA formats as YYYY-MM-DD: the hall-local calendar date, then our own words.
  const local = at.toLocaleDateString('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return dayText(local, year);
}
