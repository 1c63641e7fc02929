import { useState, type FormEvent } from 'react';
import { useQuery } from '@/shared/api/use-query';
import { ApiError } from '@/shared/api/client';
import { bookAppointment, fetchSlots, type Appointment, type BookingCalendar } from './api';

const WEEK = '日一二三四五六';
const dayLabel = (date: string) => `${date.slice(5).replace('-', '月')}日 周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;

/** Choose category, day and slot, then who (ID number, name, phone). Errors from the daemon name the field. */
export function BookingForm({ calendar, onBooked }: { calendar: BookingCalendar; onBooked: (a: Appointment) => void }) {
  const [categoryId, setCategoryId] = useState(calendar.categories[0]?.id ?? '');
  const [date, setDate] = useState(calendar.dates[0] ?? '');
  const [slotId, setSlotId] = useState<string>();
  const [person, setPerson] = useState({ idNumber: '', name: '', phone: '' });
  const [error, setError] = useState<{ field?: string; message: string }>();
  const [busy, setBusy] = useState(false);
  const slots = useQuery(categoryId && date ? `appointments.slots.${categoryId}.${date}` : null, (signal) => fetchSlots(categoryId, date, signal)).data?.slots ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!slotId) return setError({ message: '请选择预约时段' });
    setBusy(true);
    setError(undefined);
    bookAppointment({ slotId, ...person }).then(
      (r) => onBooked(r.appointment),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? { field: err.details.field as string | undefined, message: err.message.replace(/^body\.\w+: /, '') } : { message: String(err) });
      },
    );
  };
  const field = (name: keyof typeof person, label: string, mode: 'text' | 'numeric' | 'tel') => (
    <label className={`b-field${error?.field === name ? ' b-field-error' : ''}`}>
      {label}
      <input name={name} value={person[name]} inputMode={mode} autoComplete="off" onChange={(e) => setPerson({ ...person, [name]: e.target.value })} />
    </label>
  );

  return (
    <form className="b-card b-form" onSubmit={submit} aria-label="预约">
      <fieldset>
        <legend>办理事项</legend>
        {calendar.categories.map((c) => (
          <button key={c.id} type="button" aria-pressed={c.id === categoryId} className="b-choice" onClick={() => { setCategoryId(c.id); setSlotId(undefined); }}>
            {c.name}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>日期</legend>
        {calendar.dates.map((d) => (
          <button key={d} type="button" aria-pressed={d === date} className="b-choice" onClick={() => { setDate(d); setSlotId(undefined); }}>
            {dayLabel(d)}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend>时段</legend>
        {slots.length === 0 ? <p className="b-note">当天没有可预约的时段</p> : null}
        {slots.map((s) => (
          <button key={s.id} type="button" aria-pressed={s.id === slotId} className="b-choice" disabled={s.booked >= s.capacity} onClick={() => setSlotId(s.id)}>
            {s.start}-{s.end}（{s.booked >= s.capacity ? '已约满' : `余${s.capacity - s.booked}`}）
          </button>
        ))}
      </fieldset>
      {field('idNumber', '身份证号码', 'text')}
      {field('name', '姓名', 'text')}
      {field('phone', '手机号码', 'tel')}
      {error ? <p className="b-error" role="alert">{error.message}</p> : null}
      <button type="submit" className="primary-button" disabled={busy}>
        提交预约
      </button>
      <p className="b-note">身份证号码只以加密摘要保存，手机号码加密保存，仅用于预约短信通知。</p>
    </form>
  );
}
