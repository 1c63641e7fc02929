import { WEEKDAYS, type AppointmentsConfig, type SlotTemplate } from './config';

/**
 * The hall's bookable calendar, as pure functions over the configuration: a category's week of slots, the
 * holidays that close a day and the working weekends (调休) that open one with another weekday's slots.
 * Dates are the hall's local `YYYY-MM-DD`, times its local `HH:MM`.
 */
export interface SlotRef {
  categoryId: string;
  date: string;
  from: string;
}

export interface DaySlot extends SlotRef {
  id: string;
  to: string;
  capacity: number;
}

export const slotId = (s: SlotRef) => `${s.categoryId}-${s.date.replaceAll('-', '')}-${s.from.replace(':', '')}`;

/** `A-20261202-0900` back to its parts; undefined when it is not a slot id. */
export function parseSlotId(id: string): SlotRef | undefined {
  const m = /^([A-Z])-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})$/.exec(id);
  if (!m) return undefined;
  return { categoryId: m[1]!, date: `${m[2]}-${m[3]}-${m[4]}`, from: `${m[5]}:${m[6]}` };
}

const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The slots a category offers on `date`: none on a holiday, a working weekend's stand-in weekday's otherwise. */
export function slotsOn(cfg: AppointmentsConfig, categoryId: string, date: string): DaySlot[] {
  const category = cfg.categories.find((c) => c.categoryId === categoryId);
  if (!category || cfg.holidays.includes(date)) return [];
  const swapped = cfg.workingWeekends.find((w) => w.date === date);
  const weekday = swapped?.as ?? WEEKDAYS[new Date(dayNumber(date) * 86_400_000).getUTCDay()]!;
  const templates: SlotTemplate[] = category.week[weekday] ?? [];
  return templates.map((t) => ({ categoryId, date, from: t.from, to: t.to, capacity: t.capacity, id: slotId({ categoryId, date, from: t.from }) }));
}

/** The one slot `id` names, if the calendar offers it. */
export function findSlot(cfg: AppointmentsConfig, id: string): DaySlot | undefined {
  const ref = parseSlotId(id);
  return ref ? slotsOn(cfg, ref.categoryId, ref.date).find((s) => s.from === ref.from) : undefined;
}

/** Minutes since local midnight of `HH:MM`. */
export const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** `HH:MM` of minutes since midnight (clamped to the day). */
export const hhmmOf = (minutes: number) => {
  const m = Math.min(Math.max(minutes, 0), 24 * 60 - 1);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export type WindowVerdict = { ok: true } | { ok: false; why: 'early'; opensAt: string } | { ok: false; why: 'late'; closedAt: string };

/** Whether a person may check in now for a slot starting at `from` today (`now` the local `HH:MM`). */
export function checkInWindow(from: string, now: string, earlyMinutes: number, lateMinutes: number): WindowVerdict {
  const start = minutesOf(from);
  const t = minutesOf(now);
  if (t < start - earlyMinutes) return { ok: false, why: 'early', opensAt: hhmmOf(start - earlyMinutes) };
  if (t > start + lateMinutes) return { ok: false, why: 'late', closedAt: hhmmOf(start + lateMinutes) };
  return { ok: true };
}
