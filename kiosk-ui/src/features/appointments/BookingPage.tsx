import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useQuery } from '@/shared/api/use-query';
import { ApiError } from '@/shared/api/client';
import { cancelAppointment, fetchAppointment, fetchCalendar, type Appointment } from './api';
import { BookingForm } from './BookingForm';
import './appointments.css';

const STATE_TEXT: Record<Appointment['state'], string> = { booked: '已预约', cancelled: '已取消', 'checked-in': '已签到', 'no-show': '已失约' };

/**
 * The phone page for 预约 (served at hall.publicBaseUrl): `/m/book` chooses 事项 category, day and slot and
 * books with ID number, name and phone; `/m/a/<code>` shows one booking with its code and QR code (which the
 * kiosk's scanner reads to check in) and lets the person cancel it.
 */
export function BookingPage({ code: initial }: { code?: string }) {
  const [code, setCode] = useState(initial);
  useEffect(() => {
    document.title = '预约办事';
  }, []);
  const booked = (a: Appointment) => {
    window.history.replaceState(null, '', `/m/a/${a.code}`);
    setCode(a.code);
  };
  return (
    <div className="b-page">
      <header className="b-header">预约办事</header>
      {code ? <BookingView code={code} onBookAnother={() => setCode(undefined)} /> : <Booking onBooked={booked} />}
    </div>
  );
}

function Booking({ onBooked }: { onBooked: (a: Appointment) => void }) {
  const calendar = useQuery('appointments.calendar', fetchCalendar).data;
  if (!calendar) return <p className="b-note">正在加载…</p>;
  return <BookingForm calendar={calendar} onBooked={onBooked} />;
}

function BookingView({ code, onBookAnother }: { code: string; onBookAnother: () => void }) {
  const query = useQuery(`appointment.${code}`, (signal) => fetchAppointment(code, signal));
  const a = query.data?.appointment;
  const [qr, setQr] = useState<string>();
  const [idNumber, setIdNumber] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (a) void QRCode.toDataURL(a.qrText, { margin: 1, width: 220 }).then(setQr);
  }, [a]);
  if (query.error) return <p className="b-error" role="alert">{query.error.status === 404 ? '没有找到这个预约' : '暂时无法连接，正在重试…'}</p>;
  if (!a) return <p className="b-note">正在加载…</p>;
  const cancel = () =>
    cancelAppointment(code, idNumber).then(
      (r) => query.setData(() => r),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  return (
    <section className="b-card" aria-label="预约详情">
      <div className="b-state">{STATE_TEXT[a.state]}</div>
      <div>{a.categoryName}</div>
      <div className="b-when">{a.date} {a.start}-{a.end}</div>
      <div className="b-code-label">预约码</div>
      <div className="b-code" data-testid="booking-code">{a.code}</div>
      {qr && a.state === 'booked' ? <img className="b-qr" src={qr} alt="预约二维码" /> : null}
      {a.ticketNumber ? <p>您的号码：{a.ticketNumber}</p> : null}
      <p className="b-note">预约人 {a.nameMasked ?? ''} · 手机 {a.phoneMasked ?? ''}</p>
      <p className="b-note">请在预约时段开始前后到大厅自助终端刷身份证、扫此二维码或输入预约码签到。</p>
      {a.state === 'booked' ? (
        <div className="b-cancel">
          <label>
            取消预约需核对身份证号码
            <input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} inputMode="text" autoComplete="off" />
          </label>
          <button type="button" className="secondary-button" onClick={() => void cancel()} disabled={idNumber.length < 18}>
            取消预约
          </button>
          {error ? <p className="b-error" role="alert">{error}</p> : null}
        </div>
      ) : null}
      <button type="button" className="primary-button" onClick={onBookAnother}>
        再预约一个
      </button>
    </section>
  );
}
