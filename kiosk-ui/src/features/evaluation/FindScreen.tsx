import { useCallback, useEffect, useState } from 'react';
import { InnerPage, Notice, NumberPad, useQrScan } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import { ApiError } from '@/shared/api/client';
import { useQuery } from '@/shared/api/use-query';
import { fetchCategoryLetters, fetchTicket, findTicketByNumber, ratingOfTicket, type TicketRef } from './api';
import { CardTickets } from './CardTickets';

const NUMBER = /^[A-Z]\d{3}$/;
/** The default categories' letters, until the daemon tells this hall's. */
const DEFAULT_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** `scannedTicketId`: a ticket's QR scanned on home, opened at once. */
export interface FindParams {
  scannedTicketId?: string;
}

/**
 * 好差评 step 1: the person types the number on their ticket (A001), puts their ID card on the reader, or holds
 * the ticket's QR code under the scanner, to find the service to rate. Only a served ticket (state `done`) is
 * rated, once (the daemon holds the same rule: NOT_SERVED, ALREADY_RATED).
 */
export function FindScreen({ params }: { params: FindParams | undefined }) {
  const navigate = useKiosk((s) => s.navigate);
  const qrFitted = useKiosk((s) => s.deviceStates.qrReader !== undefined);
  const letters = useQuery('queue.categories', fetchCategoryLetters).data?.categories.map((c) => c.id) ?? DEFAULT_LETTERS;
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ tone: 'warn' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);

  // A ticket found by its number or its QR: rated once, and only after it was served.
  const open = useCallback(async (lookUp: () => Promise<{ ticket: TicketRef }>, notFound: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const { ticket } = await lookUp();
      const { evaluation } = await ratingOfTicket(ticket.id);
      if (evaluation) setMessage({ tone: 'warn', text: `${ticket.number} 号已经评价过了（${evaluation.levelName}），谢谢您` });
      else if (ticket.state !== 'done') setMessage({ tone: 'warn', text: `${ticket.number} 号还没有办理完成，办理完成后即可评价` });
      else navigate('evaluation.rate', { ticket });
    } catch (err) {
      const text = err instanceof ApiError && err.code === 'TICKET_NOT_FOUND' ? notFound : (err as Error).message;
      setMessage({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  }, [navigate]);
  const find = () => open(() => findTicketByNumber(value), `没有找到今天的 ${value} 号，请核对凭条上的号码`);
  const openScanned = useCallback(
    (ticketId: string) => open(() => fetchTicket(ticketId), '没有找到这张取号凭条，请输入凭条上的号码'),
    [open],
  );

  useQrScan((scan) => {
    if (scan.kind === 'ticket') void openScanned(scan.ticketId);
    else if (scan.kind === 'appointment') setMessage({ tone: 'warn', text: '这是预约二维码，请回到首页点击«预约签到»' });
    else setMessage({ tone: 'error', text: scan.message });
  });
  const scanned = params?.scannedTicketId;
  useEffect(() => {
    if (scanned) void openScanned(scanned);
  }, [scanned, openScanned]);

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
          {qrFitted ? (
            <Notice tone="info" title="也可以扫码评价">
              将取号凭条上的二维码对准本机扫码口，或用手机扫描它，即可评价服务。
            </Notice>
          ) : (
            <Notice tone="info" title="也可以用手机评价">
              用手机扫描取号凭条上的二维码，即可查看排队进度并评价服务。
            </Notice>
          )}
          <p className="ev-policy">您的评价将实时报送广东省政务服务“好差评”系统。差评将在规定工作日内回访整改。</p>
        </aside>
      </div>
    </InnerPage>
  );
}
