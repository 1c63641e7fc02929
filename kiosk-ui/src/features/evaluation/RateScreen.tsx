import { useRef, useState } from 'react';
import { InnerPage, Notice } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { useEvent } from '@/shared/api/use-event';
import { ApiError } from '@/shared/api/client';
import { submitRating, type TicketRef } from './api';
import { LevelChoices } from './LevelChoices';
import { levelName, needsReason } from './levels';
import { datedReply } from './follow-up';
import { useKeypadInvitation } from './use-invitation';

/**
 * 好差评 step 2: five choices on screen, the keypad invited at the same time. A good rating is recorded at
 * once; a bad one (touch or keypad) goes on to the reasons. A keypad rating recorded by the daemon moves the
 * screen on by itself (`evaluation.recorded`).
 */
export interface RateParams {
  ticket: TicketRef;
  identitySessionId?: string;
}

export function RateScreen({ params }: { params: RateParams }) {
  const { ticket, identitySessionId } = params;
  const navigate = useKiosk((s) => s.navigate);
  const replace = useKiosk((s) => s.replace);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const done = useRef(false);
  const invitation = useKeypadInvitation(ticket.id);

  const finish = (evaluation: { level: number; levelName?: string; followUp?: { dueDate: string } | null; realName?: boolean }) => {
    if (done.current) return;
    done.current = true;
    replace('evaluation.thanks', { level: evaluation.level, followUp: datedReply(evaluation) });
  };

  useEvent(['evaluation.recorded', 'evaluation.answered'], (e) => {
    if (e.type === 'evaluation.recorded') {
      if (e.evaluation.ticketId === ticket.id) finish(e.evaluation);
    } else if (e.ticketId === ticket.id && e.needsReason && !done.current) {
      done.current = true;
      replace('evaluation.reasons', { ticket, level: e.level, channel: 'keypad', identitySessionId });
    }
  });

  const choose = async (level: number) => {
    if (needsReason(level)) return navigate('evaluation.reasons', { ticket, level, channel: 'kiosk', identitySessionId });
    setBusy(true);
    setError(undefined);
    try {
      finish((await submitRating({ ticketId: ticket.id, level, channel: 'kiosk', identitySessionId })).evaluation);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ALREADY_RATED') finish({ level });
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <InnerPage title="服务评价" voice="请对本次服务做出评价" busy={busy}>
      <div className="ev-rate">
        <p className="ev-lead">
          <strong className="ev-number">{ticket.number}</strong> {ticket.categoryName} · 您对本次服务满意吗？
        </p>
        <LevelChoices onChoose={(l) => void choose(l)} disabled={busy} />
        {invitation?.keypad === 'invited' ? (
          <p className="ev-keypad-hint" role="status">也可以按窗口评价器上的按键进行评价</p>
        ) : null}
        {error ? <Notice tone="error" title={`评价未能提交：${error}`} /> : null}
        <p className="ev-policy">一张号票只能评价一次。选择“{levelName(2)}”或“{levelName(1)}”时请告诉我们原因。</p>
      </div>
    </InnerPage>
  );
}
