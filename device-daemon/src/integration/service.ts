import type { FastifyInstance } from 'fastify';
import { conflict, isDomainError, notFound } from '../core/errors';
import type { ServiceCase } from '../queue/counter-cases';
import type { Invitation } from '../evaluation/invitations';
import type { Evaluation } from '../evaluation/types';

export interface FinishRequest {
  caseNumber: string;
  matterCode: string;
  window: number;
  ticketId?: string;
  ticketNumber?: string;
  staffId?: string;
}

const same = (c: ServiceCase, r: FinishRequest, ticketId: string) =>
  c.ticketId === ticketId && c.matterCode === r.matterCode && c.counter === r.window;

/**
 * What a window's business system (一窗受理系统) asks of the hall, idempotent on the 办件编号: the same request
 * again gets the same answer, a request that contradicts what is recorded gets 409 CASE_CONFLICT. Works through
 * the other features' services (app.counters, app.evaluations…), as the counter page does.
 */
export class IntegrationService {
  constructor(private readonly app: FastifyInstance) {}

  /** «Window W finished 办件 X of 事项 Y for ticket N»: 办结 with that record, or the record added to a finished one. */
  async finish(system: string, r: FinishRequest): Promise<ServiceCase> {
    const { app } = this;
    if (!app.matters.get(r.matterCode)) throw notFound('MATTER_NOT_FOUND', `事项编码 ${r.matterCode} 不在本大厅的事项目录中`);
    if (r.staffId !== undefined && !app.staff.get(r.staffId)) throw notFound('STAFF_NOT_FOUND', `没有工号 ${r.staffId}`);
    const ticket = r.ticketId ? await app.queue.get(r.ticketId) : await app.queue.findByNumber(r.ticketNumber!.toUpperCase());
    const replay = async () => {
      const known = await app.counters.serviceOf({ caseNumber: r.caseNumber });
      if (!known) return undefined;
      if (same(known, r, ticket.id)) return known;
      throw conflict('CASE_CONFLICT', `办件编号 ${r.caseNumber} 已登记为 ${known.ticketNumber} 号在${known.counter}号窗口办结`);
    };
    const known = await replay();
    if (known) return known;
    try {
      if (ticket.state === 'done') return await this.attach(ticket.id, r);
      const view = await app.counters.view(r.window);
      if (view.current?.id !== ticket.id) throw conflict('TICKET_NOT_AT_WINDOW', `${ticket.number} 号不在${r.window}号窗口办理`);
      const by = r.staffId ?? (await app.duty.onDutyAt(r.window));
      if (view.current.state === 'called') await app.counters.onCurrent(r.window, 'start', by);
      return (await app.counters.finish(r.window, by, { matterCode: r.matterCode, caseNumber: r.caseNumber, source: `integration:${system}` })).service;
    } catch (err) {
      // Two identical requests at once: the loser finds the winner's record and answers the same.
      if (isDomainError(err) && err.status === 409) return (await replay()) ?? Promise.reject(err);
      throw err;
    }
  }

  private async attach(ticketId: string, r: FinishRequest): Promise<ServiceCase> {
    const { counters } = this.app;
    const done = await counters.serviceOf({ ticketId });
    if (done && done.counter === r.window && (await counters.attachCase(ticketId, r.caseNumber, r.matterCode))) {
      return (await counters.serviceOf({ ticketId }))!;
    }
    throw conflict('CASE_CONFLICT', done?.caseNumber ? `该号已登记办件编号 ${done.caseNumber}` : '该号已在其他窗口办结');
  }

  /** «Invite a rating for 办件 X at window W»: that window's keypad; the open invitation again when asked twice. */
  async invite(caseNumber: string, window: number): Promise<Invitation> {
    const { app } = this;
    const service = await this.caseOf(caseNumber);
    if (service.counter !== window) throw conflict('CASE_CONFLICT', `办件 ${caseNumber} 是在${service.counter}号窗口办结的`);
    if (app.config.devices.keypad?.counter !== window) throw conflict('KEYPAD_NOT_AT_WINDOW', `${window}号窗口没有配置评价器`);
    const open = app.evaluationInvitations.openFor(service.ticketId);
    if (open) return open;
    return app.evaluationInvitations.invite(service.ticketId, { counter: window, staffId: service.staffId, caseNumber });
  }

  /** «What is the rating of 办件 X»: the 办件 and its rating, null while not rated. */
  async rating(caseNumber: string): Promise<{ case: ServiceCase; evaluation: Evaluation | null }> {
    const service = await this.caseOf(caseNumber);
    return { case: service, evaluation: (await this.app.evaluations.ofTicket(service.ticketId)) ?? null };
  }

  private async caseOf(caseNumber: string): Promise<ServiceCase> {
    const service = await this.app.counters.serviceOf({ caseNumber });
    if (!service) throw notFound('CASE_NOT_FOUND', `没有办件编号为 ${caseNumber} 的办件`);
    return service;
  }
}
