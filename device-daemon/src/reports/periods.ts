/** Every calendar day from `from` to `to`, inclusive (`YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The closed part of a range (days before today) as the fewest rollup periods: every calendar month wholly
 * inside the range and closed (`YYYY-MM`), and the days left over at either end (`YYYY-MM-DD`). Today and later
 * are not in it: today is counted live, the future has nothing.
 */
export function closedPeriods(from: string, to: string, today: string): { months: string[]; days: string[] } {
  const months: string[] = [];
  const days: string[] = [];
  const all = daysBetween(from, to).filter((d) => d < today);
  const byMonth = new Map<string, string[]>();
  for (const d of all) {
    const m = d.slice(0, 7);
    if (!byMonth.has(m)) byMonth.set(m, []);
    byMonth.get(m)!.push(d);
  }
  for (const [m, ds] of byMonth) {
    // The days of a month in a range are contiguous: whole when they run from its 1st to its last day.
    if (ds[0] === `${m}-01` && isLastDayOfMonth(ds[ds.length - 1]!)) months.push(m);
    else days.push(...ds);
  }
  return { months, days };
}

const isLastDayOfMonth = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;
