import { useState } from 'react';
import { InnerPage, Notice, NumberPad } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { ApiError } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import { fetchCategoryLetters, findTicketByNumber, ratingOfTicket } from './api';
import { CardTickets } from './CardTickets';

const NUMBER = /^[A-Z]\d{3}$/;
/** The default categories' letters, until the daemon tells this hall's. */
const DEFAULT_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * 好差评 step 1: the person types the number on their ticket (A001), or puts their ID card on the reader, to
 * find the service to rate.
 */
export function FindScreen() {
  const navigate = useKiosk((s) => s.navigate);
  const letters = useQuery('queue.categories', fetchCategoryLetters).data?.categories.map((c) => c.id) ?? DEFAULT_LETTERS;
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ tone: 'warn' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  const find = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { ticket } = await findTicketByNumber(value);
      const { evaluation } = await ratingOfTicket(ticket.id);
      if (evaluation) setMessage({ tone: 'warn', text: `${ticket.number} 号已经评价过了（${evaluation.levelName}），谢谢您` });
      else if (ticket.state !== 'done') setMessage({ tone: 'warn', text: `${ticket.number} 号还没有办理完成，办理完成后即可评价` });
      else navigate('evaluation.rate', { ticket });
    } catch (err) {
      const text = err instanceof ApiError && err.code === 'TICKET_NOT_FOUND' ? `没有找到今天的 ${value} 号，请核对凭条上的号码` : (err as Error).message;
      setMessage({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <InnerPage title="好差评" voice="请输入您取号凭条上的号码，对本次服务进行评价" busy={busy}>
      <div className="ev-find">
        <div className="ev-find-pad">
          <p className="ev-lead">请输入取号凭条上的号码</p>
          <NumberPad label="票号" value={value} maxLength={4} letters={letters} onChange={(v) => setValue(v.toUpperCase())} />
          <button type="button" className="primary-button" disabled={!NUMBER.test(value) || busy} onClick={() => void find()}>
            查找
          </button>
        </div>
        <aside className="ev-find-side">
          {message ? <Notice tone={message.tone} title={message.text} /> : null}
          <CardTickets onPick={(ticket, identitySessionId) => navigate('evaluation.rate', { ticket, identitySessionId })} />
          <Notice tone="info" title="也可以用手机评价">
            用手机扫描取号凭条上的二维码，即可查看排队进度并评价服务。
          </Notice>
          <p className="ev-policy">您的评价将实时报送广东省政务服务“好差评”系统。差评将在规定工作日内回访整改。</p>
        </aside>
      </div>
    </InnerPage>
  );
}
