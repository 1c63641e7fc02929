import { useEffect } from 'react';
import { InnerPage, Notice, rememberTicket } from '@/shared/kiosk';
import { useKiosk } from '@/shared/store';
import type { Ticket } from './api';

/** 取号 step 3: the number, large, whether or not the paper ticket came out. */
export interface TicketParams {
  ticket: Ticket;
  printError?: { code: string; message: string };
}

export function TicketScreen({ params }: { params: TicketParams }) {
  const home = useKiosk((s) => s.home);
  const navigate = useKiosk((s) => s.navigate);
  const scanner = useKiosk((s) => 'scanner' in s.deviceStates);
  const { ticket, printError } = params;
  // The session's ticket: materials scanned in this session (before or after) go to the window that calls it.
  useEffect(() => rememberTicket(ticket), [ticket]);
  const printed = ticket.printed;
  const voice = `您的号码是${ticket.number.split('').join(' ')}，${printed ? '请取走凭条，' : ''}请留意叫号`;
  return (
    <InnerPage title="取号成功" voice={voice}>
      <div className="ticket-result">
        <div className="ticket-card" aria-label="您的号码">
          <div className="ticket-category">
            {ticket.categoryName}
            {ticket.priority ? '（绿色通道）' : ticket.appointment ? '（预约）' : ''}
          </div>
          <div className="ticket-number" data-testid="ticket-number">
            {ticket.number}
          </div>
          <div className="ticket-ahead">
            您前面还有 <strong>{ticket.waitingAhead}</strong> 人等候
            {ticket.estimatedWait ? `，预计等候${ticket.estimatedWait.text}` : ''}
          </div>
        </div>
        {printed ? null : (
          // No paper: the same QR code as on a printed ticket (its phone page), so the person can follow the queue.
          <figure className="ticket-qr">
            <img src={`/api/queue/tickets/${encodeURIComponent(ticket.id)}/qr.svg`} alt="排队进度二维码" width={200} height={200} />
            <figcaption>用手机扫码，随时查看排队进度，办完后可评价服务</figcaption>
          </figure>
        )}
        {printed ? (
          <Notice tone="ok" title="请取走下方出口的取号凭条">凭条上的二维码可用手机扫码查看排队进度、评价服务。</Notice>
        ) : ticket.delivery === 'screen' ? (
          <Notice tone="info" title="请记住您的号码">本号码未打印凭条，请扫描上方二维码或用手机拍照记下。</Notice>
        ) : (
          <Notice tone="warn" title="凭条打印失败，号码已为您保留">
            {printError?.message ? <p>{printError.message}</p> : null}
            <p>请记住屏幕上的号码（可用手机拍照），并告知工作人员打印机故障。</p>
          </Notice>
        )}
        <p className="ticket-advice">请留意大厅叫号屏和语音广播，过号请重新取号。</p>
        <div className="ticket-actions">
          {scanner ? (
            <button type="button" className="secondary-button" onClick={() => navigate('scan.matters')}>
              扫描办事材料
            </button>
          ) : null}
          <button type="button" className="primary-button" onClick={() => home('done')}>
            完成
          </button>
        </div>
      </div>
    </InnerPage>
  );
}
