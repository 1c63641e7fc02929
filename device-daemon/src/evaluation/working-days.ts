/**
 * Deadlines of follow-ups (差评工单) in working days: weekends and public holidays do not count, weekend days
 * declared working (调休) do. Dates are hall-local `YYYY-MM-DD`; arithmetic is on the calendar, not on hours.
 */
export interface WorkCalendar {
  holidays: readonly string[];
  workingWeekends: readonly string[];
}

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (cal.holidays.includes(date)) return false;
  if (cal.workingWeekends.includes(date)) return true;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `start` (the start day itself does not count, whatever it is). */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  let ms = toUtc(start);
  let left = n;
  // Bounded: even a calendar of holidays cannot make this loop forever.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtc(ms), cal)) left -= 1;
  }
  return fromUtc(ms);
}
