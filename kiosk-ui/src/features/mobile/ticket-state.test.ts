import { describe, expect, it } from 'vitest';
import { canRate, describeTicket, ratingLater } from './ticket-state';
import type { TicketStatus } from './api';

const base: TicketStatus = { id: 't', number: 'A001', categoryName: '社会民生', state: 'issued', waitingAhead: 3, estimatedWaitMinutes: 12, counter: null, serviceDate: '2025-06-02' };

describe('ticket state on the phone', () => {
  it('says how many are ahead, where to go when called, and whether rating is possible', () => {
    expect(describeTicket(base)).toMatchObject({ title: '等候中', detail: '您前面还有 3 人，预计约 12 分钟' });
    expect(describeTicket({ ...base, waitingAhead: 0 }).detail).toBe('下一位就是您，请留意叫号');
    // The model's range where the daemon has one, «即将轮到您» when the turn is near.
    expect(describeTicket({ ...base, estimatedWait: { text: '约 10–15 分钟' } }).detail).toBe('您前面还有 3 人，预计等候约 10–15 分钟');
    expect(describeTicket({ ...base, waitingAhead: 1, estimatedWait: { text: '即将轮到您' } }).detail).toBe('您前面还有 1 人，即将轮到您，请留意叫号');
    expect(describeTicket({ ...base, state: 'called', counter: 3 }).detail).toBe('请到 3 号窗口办理');
    expect(describeTicket({ ...base, state: 'no-show' }).title).toBe('已过号');
    expect(describeTicket({ ...base, state: 'serving', held: true }).title).toBe('暂挂');
    expect(describeTicket({ ...base, state: 'serving', counter: 2 }).title).toBe('办理中');
    expect(canRate({ ...base, state: 'done' })).toBe(true);
    expect(canRate({ ...base, state: 'cancelled' })).toBe(false);
    // Not while waiting, called, being served or held, nor after 过号: only a served visit is rated.
    for (const state of ['issued', 'called', 'serving', 'no-show'] as const) expect(canRate({ ...base, state })).toBe(false);
    expect(ratingLater(base)).toBe(true);
    expect(ratingLater({ ...base, state: 'no-show' })).toBe(false);
  });
});
