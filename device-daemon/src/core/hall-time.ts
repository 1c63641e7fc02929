/** Local calendar facts in the hall's time zone: numbers restart at local midnight, hours are local. */

const formatters = new Map<string, Intl.DateTimeFormat>();
function parts(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** The service day, `YYYY-MM-DD`, in the hall's time zone. */
export function serviceDate(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `HH:MM` in the hall's time zone. */
export function localTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD HH:MM` in the hall's time zone, as printed on tickets. */
export function localDateTime(date: Date, timeZone: string): string {
  return `${serviceDate(date, timeZone)} ${localTime(date, timeZone)}`;
}

/** Whether `HH:MM` lies in one of the ranges (inclusive of both ends). */
export function withinHours(time: string, hours: readonly { from: string; to: string }[]): boolean {
  return hours.some((h) => time >= h.from && time <= h.to);
}
