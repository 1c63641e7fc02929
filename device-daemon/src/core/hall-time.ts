/** Local calendar facts in the hall's time zone: numbers restart at local midnight, hours are local. */

interface LocalMinute {
  /** The UTC minute (ms / 60 000) these facts are for. */
  minute: number;
  date: string;
  time: string;
}

/**
 * Per zone: its formatter and the last minute it formatted. A ticket asks the service day and the local time
 * several times (hours, number series, estimate, appointments), and formatToParts is the costly part (tens of
 * microseconds): every time zone in use today is offset by whole minutes, so one minute's answer stands for the minute.
 */
const zones = new Map<string, { format: Intl.DateTimeFormat; last?: LocalMinute }>();
function parts(date: Date, timeZone: string): LocalMinute {
  let zone = zones.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    zone = { format };
    zones.set(timeZone, zone);
  }
  const minute = Math.floor(date.getTime() / 60_000);
  if (zone.last?.minute === minute) return zone.last;
  const p: Record<string, string> = {};
  for (const { type, value } of zone.format.formatToParts(date)) p[type] = value;
  zone.last = { minute, date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  return zone.last;
}

/** The service day, `YYYY-MM-DD`, in the hall's time zone. */
export function serviceDate(date: Date, timeZone: string): string {
  return parts(date, timeZone).date;
}

/** `HH:MM` in the hall's time zone. */
export function localTime(date: Date, timeZone: string): string {
  return parts(date, timeZone).time;
}

/** `YYYY-MM-DD HH:MM` in the hall's time zone, as printed on tickets. */
export function localDateTime(date: Date, timeZone: string): string {
  return `${serviceDate(date, timeZone)} ${localTime(date, timeZone)}`;
}

/** Whether `HH:MM` lies in one of the ranges (inclusive of both ends). */
export function withinHours(time: string, hours: readonly { from: string; to: string }[]): boolean {
  return hours.some((h) => time >= h.from && time <= h.to);
}
