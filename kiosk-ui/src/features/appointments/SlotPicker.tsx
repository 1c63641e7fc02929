import { dayText } from '@/shared/kiosk';
import { useQuery } from '@/shared/api/use-query';
import { fetchSlots, type BookingCalendar, type Slot } from './api';

const WEEK = '日一二三四五六';
/** «12月2日 周三»: a bookable day as the buttons and the slip write it. */
export const bookingDay = (date: string) => `${dayText(date)} 周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

export interface SlotChoice {
  categoryId: string;
  date: string;
  slot?: Slot;
}

/**
 * The kiosk's choice of 事项 category, day and half-hour slot, as rows of large buttons; a full slot is shown
 * but cannot be chosen. The places left come from the daemon and follow other people's bookings.
 */
export function SlotPicker({ calendar, choice, onChange }: { calendar: BookingCalendar; choice: SlotChoice; onChange: (c: SlotChoice) => void }) {
  const { categoryId, date } = choice;
  const { data, loading } = useQuery(`appointments.slots.${categoryId}.${date}`, (signal) => fetchSlots(categoryId, date, signal));
  const slots = data?.slots ?? [];
  return (
    <div className="bk-picker">
      <fieldset className="bk-row">
        <legend>办理事项</legend>
        {calendar.categories.map((c) => (
          <button key={c.id} type="button" className="bk-choice" aria-pressed={c.id === categoryId} onClick={() => onChange({ categoryId: c.id, date })}>
            {c.name}
          </button>
        ))}
      </fieldset>
      <fieldset className="bk-row">
        <legend>日期</legend>
        {calendar.dates.map((d) => (
          <button key={d} type="button" className="bk-choice" aria-pressed={d === date} onClick={() => onChange({ categoryId, date: d })}>
            {bookingDay(d)}
          </button>
        ))}
      </fieldset>
      <fieldset className="bk-row bk-slots">
        <legend>时段</legend>
        {!loading && slots.length === 0 ? <p className="bk-note">当天没有可预约的时段，请选择其他日期</p> : null}
        {slots.map((s) => {
          const full = s.booked >= s.capacity;
          return (
            <button key={s.id} type="button" className="bk-choice" aria-pressed={s.id === choice.slot?.id} disabled={full} onClick={() => onChange({ ...choice, slot: s })}>
              {s.start}-{s.end}
              <span className="bk-left">{full ? '已约满' : `余${s.capacity - s.booked}`}</span>
            </button>
          );
        })}
      </fieldset>
    </div>
  );
}
