import { useCallback, useEffect, useState } from 'react';
import { Notice, useConfirm } from '@/shared/kiosk';
import { ApiError } from '@/shared/api/client';
import { cancelByCard, fetchMine, type Appointment } from './api';
import { bookingDay } from './SlotPicker';

/**
 * 我的预约 on the booking screen, once the card is read: the person's bookings still ahead, each with
 * «取消预约» (asked once more, then cancelled by the card on the reader: no ID number typed). A person at the
 * booking limit sees here what to cancel; `changed` tells the screen a place was given back.
 */
export function MyBookings({ sessionId, changed }: { sessionId: string; changed?: () => void }) {
  const [list, setList] = useState<Appointment[]>([]);
  const [note, setNote] = useState<{ tone: 'ok' | 'warn'; text: string }>();
  const [busy, setBusy] = useState(false);
  const { ask, dialog } = useConfirm();

  const load = useCallback(() => fetchMine(sessionId).then((r) => setList(r.appointments), () => setList([])), [sessionId]);
  useEffect(() => void load(), [load]);

  const cancel = (a: Appointment) => {
    setBusy(true);
    cancelByCard(a.code, sessionId).then(
      () => {
        // Off the list with the message, not a refetch later: «已取消» beside the booking it names reads as a failure.
        setList((l) => l.filter((x) => x.code !== a.code));
        setNote({ tone: 'ok', text: `已取消 ${bookingDay(a.date)} ${a.start}-${a.end} 的预约${a.phoneMasked ? '，短信通知将发送到预约手机' : ''}` });
        changed?.();
      },
      (e: unknown) => setNote({ tone: 'warn', text: e instanceof ApiError ? e.message : '取消未成功，请稍后再试' }),
    ).finally(() => {
      setBusy(false);
      void load();
    });
  };

  if (list.length === 0 && !note) return null;
  return (
    <section className="bk-mine" aria-label="我的预约">
      <p className="bk-lead">您已有的预约</p>
      {note ? <Notice tone={note.tone} title={note.text} /> : null}
      <ul>
        {list.map((a) => (
          <li key={a.code} className="bk-mine-row">
            <span>{a.categoryName}</span>
            <strong>{bookingDay(a.date)} {a.start}-{a.end}</strong>
            <span className="bk-note">预约码 {a.code}</span>
            <button
              type="button"
              className="secondary-button"
              disabled={busy}
              onClick={() => ask({
                title: '确定取消这个预约吗？',
                body: <p>{a.categoryName}，{bookingDay(a.date)} {a.start}-{a.end}。取消后名额将让给他人。</p>,
                confirmLabel: '取消预约',
                keepLabel: '保留预约',
              }, () => cancel(a))}
            >
              取消预约
            </button>
          </li>
        ))}
      </ul>
      {dialog}
    </section>
  );
}
