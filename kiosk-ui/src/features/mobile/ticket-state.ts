import type { TicketStatus } from './api';

/** What a person reads on their phone about their ticket, in plain words. */
export function describeTicket(t: TicketStatus): { title: string; detail: string; tone: 'wait' | 'go' | 'done' | 'off' } {
  switch (t.state) {
    case 'issued': {
      // The range as the kiosk showed it; a near turn says so instead of a figure.
      const eta = t.estimatedWait ? `，预计等候${t.estimatedWait.text}` : t.estimatedWaitMinutes !== null ? `，预计约 ${Math.max(1, t.estimatedWaitMinutes)} 分钟` : '';
      if (t.waitingAhead > 0 && t.estimatedWait?.text === '即将轮到您') return { title: '等候中', detail: `您前面还有 ${t.waitingAhead} 人，即将轮到您，请留意叫号`, tone: 'wait' };
      return { title: '等候中', detail: t.waitingAhead > 0 ? `您前面还有 ${t.waitingAhead} 人${eta}` : '下一位就是您，请留意叫号', tone: 'wait' };
    }
    case 'called':
      return { title: '已叫号', detail: t.counter ? `请到 ${t.counter} 号窗口办理` : '请到窗口办理', tone: 'go' };
    case 'serving':
      if (t.held) return { title: '暂挂', detail: '您的业务暂时挂起，请留意叫号或咨询工作人员', tone: 'wait' };
      return { title: '办理中', detail: t.counter ? `${t.counter} 号窗口正在为您办理` : '窗口正在为您办理', tone: 'go' };
    case 'done':
      return { title: '已办结', detail: '感谢您的耐心，欢迎对本次服务进行评价', tone: 'done' };
    case 'no-show':
      return { title: '已过号', detail: '叫号时您未到窗口，请重新取号', tone: 'off' };
    case 'cancelled':
      return { title: '已取消', detail: '此号已取消', tone: 'off' };
  }
}

/** Only a served visit can be rated (一事一评): the rating is offered once the ticket is done, never while waiting. */
export const canRate = (t: TicketStatus): boolean => t.state === 'done';

/** While the visit is still on its way, the page says when rating comes; a ticket that ended unserved says nothing. */
export const ratingLater = (t: TicketStatus): boolean => t.state === 'issued' || t.state === 'called' || t.state === 'serving';
