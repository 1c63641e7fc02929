import type { PrintDocument } from '../devices/printer';
import type { Ticket } from './types';
import { localDateTime } from '../core/hall-time';

export interface TicketLayoutContext {
  hallName: string;
  timeZone: string;
  /** Base URL phones use to reach the hall; the QR code points at the ticket's page under it. */
  publicBaseUrl: string;
}

/** The URL in a ticket's QR code: follow the queue, and later rate the service (扫码评价). */
export function ticketUrl(ticket: Pick<Ticket, 'id'>, baseUrl: string): string {
  return `${baseUrl.replace(/\/$/, '')}/m/t/${ticket.id}`;
}

/**
 * An 80 mm queue ticket: hall name, the number large, category, people ahead, the wait's range, time, QR, advice
 * (docs/DOMAIN.md: the ticket must say what to do when the number is missed).
 */
export function ticketDocument(ticket: Ticket, ctx: TicketLayoutContext): PrintDocument {
  // The range and its words as the screen shows them («约 10–15 分钟», «即将轮到您»), on a line of its own.
  const wait: PrintDocument['lines'] = ticket.estimatedWait ? [{ kind: 'text', text: `预计等候：${ticket.estimatedWait.text}` }] : [];
  return {
    purpose: 'ticket',
    lines: [
      { kind: 'text', text: ctx.hallName, align: 'center', bold: true, size: 2 },
      { kind: 'text', text: '排队取号凭条', align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: ticket.number, align: 'center', bold: true, size: 4 },
      { kind: 'text', text: ticket.categoryName + (ticket.priority ? '（绿色通道）' : ticket.appointment ? '（预约）' : ''), align: 'center', size: 2 },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: `您前面还有 ${ticket.waitingAhead} 人等候` },
      ...wait,
      { kind: 'text', text: `取号时间：${localDateTime(new Date(ticket.issuedAt), ctx.timeZone)}` },
      { kind: 'qr', data: ticketUrl(ticket, ctx.publicBaseUrl), moduleSize: 6, align: 'center' },
      { kind: 'text', text: '手机扫码查看排队进度、评价服务', align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: '请留意叫号，过号请重新取号', align: 'center', bold: true },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
