import { useCallback, useState } from 'react';
import { InnerPage, Notice } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { ApiError } from '@/shared/api/client';
import { submitRating, type Channel, type TicketRef } from './api';
import { ReasonPicker } from './ReasonPicker';
import { levelName, stars } from './levels';
import { datedReply } from './follow-up';

/** 好差评 step 3 for 不满意 / 非常不满意: at least one reason, picked or typed, then the rating is recorded. */
export interface ReasonsParams {
  ticket: TicketRef;
  level: number;
  channel: Channel;
  identitySessionId?: string;
}

export function ReasonsScreen({ params }: { params: ReasonsParams }) {
  const { ticket, level, channel, identitySessionId } = params;
  const replace = useKiosk((s) => s.replace);
  const [reasons, setReasons] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const onChange = useCallback((r: string[]) => setReasons(r), []);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { evaluation } = await submitRating({ ticketId: ticket.id, level, reasons, channel, identitySessionId });
      replace('evaluation.thanks', { level, followUp: datedReply(evaluation), ticketId: ticket.id, realName: evaluation.realName, identitySessionId });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'ALREADY_RATED') replace('evaluation.thanks', { level: null, followUp: null });
      else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <InnerPage title="请告诉我们原因" voice="请选择或填写不满意的原因" busy={busy}>
      <div className="ev-reasons-page">
        <p className="ev-lead">
          <strong className="ev-number">{ticket.number}</strong> 您的评价：
          <span className="ev-stars" aria-hidden="true">{stars(level)}</span> <strong>{levelName(level)}</strong>
        </p>
        <ReasonPicker onChange={onChange} />
        {error ? <Notice tone="error" title={error} /> : null}
        <button type="button" className="primary-button" disabled={reasons.length === 0 || busy} onClick={() => void submit()}>
          提交评价
        </button>
      </div>
    </InnerPage>
  );
}
