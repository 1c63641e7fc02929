import { useEffect, useRef, useState, type ComponentType } from 'react';
import { useQuery } from '@/shared/api/use-query';
import { fetchHallName, fetchTicket, type TicketStatus } from './api';
import { canRate, describeTicket, ratingLater } from './ticket-state';
import './mobile.css';

const REFRESH_MS = 5000;

export type RatingPanelComponent = ComponentType<{ ticketId: string; channel?: 'qr' }>;

/**
 * The phone page behind a ticket's QR code (`/m/t/<ticketId>`): the queue state of the ticket, refreshed every
 * few seconds, and the rating with channel 'qr'. The rating panel is handed in by the app (features do not
 * import each other).
 */
export function MobileTicketPage({ match, RatingPanel }: { match: RegExpMatchArray; RatingPanel: RatingPanelComponent }) {
  const ticketId = decodeURIComponent(match[1] ?? '');
  const hall = useQuery('kiosk', fetchHallName).data?.hall.name ?? '政务服务中心';
  // Live over server-sent events (GET …/live); polled only while the stream is down (no EventSource, a proxy
  // that buffers). A missing ticket is not retried; an unreachable daemon is.
  const [live, setLive] = useState(false);
  const query = useQuery(`ticket.${ticketId}`, (signal) => fetchTicket(ticketId, signal), { ...(live ? {} : { intervalMs: REFRESH_MS }), retryMs: [REFRESH_MS] });
  // The hook hands out a new setData each render: the stream keeps the latest without reconnecting.
  const setData = useRef(query.setData);
  setData.current = query.setData;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/queue/tickets/${encodeURIComponent(ticketId)}/live`);
    source.addEventListener('ticket', (e) => {
      setLive(true);
      setData.current(() => ({ ticket: JSON.parse((e as MessageEvent<string>).data) as TicketStatus }));
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [ticketId]);
  const ticket: TicketStatus | undefined = query.data?.ticket;
  const error = !query.error ? undefined : query.error.status === 404 ? '没有找到这张号票，请核对二维码' : '暂时无法连接，正在重试…';

  useEffect(() => {
    document.title = '排队进度与服务评价';
  }, []);

  const state = ticket ? describeTicket(ticket) : undefined;
  return (
    <div className="m-page">
      <header className="m-header">{hall}</header>
      {error ? <p className="m-error" role="alert">{error}</p> : null}
      {ticket && state ? (
        <>
          <section className={`m-card m-${state.tone}`} aria-label="排队进度">
            <div className="m-category">{ticket.categoryName}</div>
            <div className="m-number" data-testid="mobile-number">{ticket.number}</div>
            <div className="m-state">{state.title}</div>
            <div className="m-detail">{state.detail}</div>
          </section>
          {canRate(ticket) ? (
            <section className="m-card" aria-label="服务评价">
              <h2 className="m-title">服务评价</h2>
              <RatingPanel ticketId={ticket.id} channel="qr" />
            </section>
          ) : ratingLater(ticket) ? (
            <p className="m-note" data-testid="rating-later">办理完成后即可在本页评价</p>
          ) : null}
          <p className="m-note" data-testid="mobile-live">{live ? '本页实时更新。' : '本页每 5 秒自动刷新。'}您的评价将报送政务服务“好差评”系统。</p>
        </>
      ) : null}
    </div>
  );
}
