import { useState } from 'react';
import { InnerPage, Notice, NumberPad } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { ApiError } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import { IdCardPrompt, useIdCard } from '@/shared/identity';
import { bookByCard, fetchCalendar } from './api';
import { SlotPicker, bookingDay, type SlotChoice } from './SlotPicker';
import { MyBookings } from './MyBookings';

const PHONE = /^1[3-9]\d{9}$/;

/**
 * 预约 at the kiosk: the ID card first (the name and number come from it and are shown masked only), then the
 * 事项 category, day and slot, then a mobile number on the digit pad for the SMS. The booking's code and QR
 * come on the next screen and, with a printer, on a 预约凭条. The person's bookings still ahead are listed above
 * the slots, each one cancellable by the same card.
 */
export function BookScreen() {
  const replace = useKiosk((s) => s.replace);
  const printer = useKiosk((s) => s.deviceStates.printer);
  const card = useIdCard();
  const calendar = useQuery('appointments.calendar', fetchCalendar).data;
  const [picked, setPicked] = useState<SlotChoice>();
  const [phoneStep, setPhoneStep] = useState(false);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const session = card.kind === 'read' ? card.session : undefined;
  const choice = picked ?? (calendar ? { categoryId: calendar.categories[0]?.id ?? '', date: calendar.dates[0] ?? '' } : undefined);
  const slot = choice?.slot;

  const submit = () => {
    if (!session || !slot) return;
    setBusy(true);
    setError(undefined);
    bookByCard({ slotId: slot.id, identitySessionId: session.sessionId, phone, delivery: printer === undefined ? 'screen' : 'print' }).then(
      (booking) => replace('appointments.booked', { booking }),
      (e: unknown) => {
        setBusy(false);
        const code = e instanceof ApiError ? e.code : undefined;
        setError(e instanceof ApiError ? e.message.replace(/^body\.\w+: /, '') : String(e));
        // A full slot, or the booking limit (their bookings, to cancel, are listed there), sends the person back
        // to the step that can mend it.
        if (code === 'SLOT_FULL' || code === 'SLOT_NOT_FOUND' || code === 'PERSON_LIMIT_REACHED') setPhoneStep(false);
      },
    );
  };

  const title = '预约办事';
  if (!session) {
    return (
      <InnerPage title={title} voice="请将身份证放在感应区，读取后选择预约时段">
        <IdCardPrompt state={card} />
      </InnerPage>
    );
  }
  const who = (
    <p className="bk-who" data-testid="booking-person">
      预约人 <strong>{session.card.nameMasked}</strong> {session.card.idNumberMasked}
    </p>
  );
  const problem = error ? <Notice tone="warn" title="预约未成功">{error}</Notice> : null;

  if (phoneStep && slot && choice) {
    const category = calendar?.categories.find((c) => c.id === choice.categoryId)?.name ?? '';
    return (
      <InnerPage title={title} busy={busy} unsaved="已选择的预约时段" onBack={() => setPhoneStep(false)} voice="请输入手机号码，用于接收预约短信">
        <div className="bk-phone">
          <div className="bk-summary">
            {who}
            <p>{category}</p>
            <p className="bk-when">{bookingDay(choice.date)} {slot.start}-{slot.end}</p>
            {problem}
          </div>
          <div className="bk-pad">
            <p className="bk-lead">请输入手机号码（接收预约短信）</p>
            <NumberPad label="手机号码" value={phone} maxLength={11} onChange={setPhone} />
            <button type="button" className="primary-button" disabled={!PHONE.test(phone) || busy} onClick={submit}>
              提交预约
            </button>
          </div>
        </div>
      </InnerPage>
    );
  }

  return (
    <InnerPage title={title} unsaved={slot ? '已选择的预约时段' : undefined} voice="请选择办理事项、日期和时段">
      {who}
      {problem}
      <MyBookings sessionId={session.sessionId} changed={() => setError(undefined)} />
      {calendar && choice ? <SlotPicker calendar={calendar} choice={choice} onChange={setPicked} /> : <p className="bk-note">正在加载…</p>}
      <div className="action-row">
        <button type="button" className="primary-button" disabled={!slot} onClick={() => setPhoneStep(true)}>
          下一步
        </button>
      </div>
    </InnerPage>
  );
}
