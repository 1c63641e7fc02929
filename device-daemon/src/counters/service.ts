import type { Db, Queryable } from '../store/db';
import type { EventBus } from '../events/bus';
import type { Clock } from '../core/clock';
import { conflict, notFound } from '../core/errors';
import type { FastifyInstance } from 'fastify';
import type { KioskConfig } from '../config/schema';
import type { TicketRow } from '../queue/types';
import type { CallRecord, CounterRow, CounterTicket, CounterView } from './types';
import { appointmentFirst, chooseLane, invalidTransition, nextStreak, transition, type CounterAction } from './rules';
import * as sql from './store';
import { attachCase, caseByNumber, caseOfTicket, insertCase, logAction, type ServiceCase } from './cases';

/** What a window records when it finishes a service (办结): the 事项 and the 办件编号 where known. */
export interface FinishDetail {
  matterCode?: string;
  caseNumber?: string;
  /** `counter` (the counter page) or `integration:<system id>`. */
  source: string;
}

/** How often call-next retries when other counters keep taking the ticket it chose. */
const CLAIM_ATTEMPTS = 20;

/**
 * Counters (窗口) calling and serving tickets. Every action runs in one transaction that first locks the
 * counter's row, so the same counter operated from two pages (or two daemons) acts one step at a time; a ticket
 * is claimed with a conditional UPDATE, so two counters never call the same ticket. Events are published after
 * the commit: `queue.called` for every call and recall, `queue.counter` for every change of a counter.
 */
export class CounterService {
  private readonly served = new Map<number, string[]>();

  constructor(
    private readonly db: Db,
    private readonly queue: FastifyInstance['queue'],
    private readonly config: KioskConfig['queue'],
    private readonly clock: Clock,
    private readonly events: EventBus,
    /** Whether a 事项编码 is in the hall's catalogue (app.matters). */
    private readonly matterKnown: (code: string) => boolean = () => true,
    /** Appointment tickets called in a row ahead of waiting walk-ins (appointments.aheadOfWalkIns). */
    private readonly aheadOfWalkIns = 0,
  ) {
    for (const c of config.categories) {
      for (const w of c.windows) this.served.set(w, [...(this.served.get(w) ?? []), c.id]);
    }
  }

  /** Every counter some category names in its `windows`, in order. */
  counters(): number[] {
    return [...this.served.keys()].sort((a, b) => a - b);
  }

  private categoriesOf(counter: number): string[] {
    const list = this.served.get(counter);
    if (!list) throw notFound('COUNTER_NOT_FOUND', `没有${counter}号窗口：目前没有业务安排到这个窗口，请核对窗口号或联系系统管理员`);
    return list;
  }

  async view(counter: number, q: Queryable = this.db): Promise<CounterView> {
    const categories = this.categoriesOf(counter);
    const row = await sql.readCounter(q, counter);
    const current = await sql.ticketById(q, row?.ticket_id ?? null);
    const held = await sql.heldBy(q, counter, this.queue.today());
    return {
      counter,
      state: row?.state ?? 'open',
      categories,
      current: current ? this.brief(current) : null,
      held: held.map((t) => this.brief(t)),
    };
  }

  async recentCalls(limit: number): Promise<CallRecord[]> {
    return sql.recentCalls(this.db, this.queue.today(), limit);
  }

  /** Calls the next waiting ticket of the counter's categories, priority interleaved by `priorityRatio`. */
  callNext(counter: number, by: string | null = null): Promise<CounterView> {
    const categories = this.categoriesOf(counter);
    return this.act(counter, by, 'call', async (q, row, now) => {
      const date = this.queue.today();
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        const priority = await sql.oldestWaiting(q, date, categories, true);
        const normal = await this.nextNormal(q, counter, date, categories);
        const lane = chooseLane(row.normal_streak, this.config.priorityRatio, { priority: !!priority, normal: !!normal });
        if (!lane) throw notFound('QUEUE_EMPTY', `${counter}号窗口的业务当前没有等候的号码`);
        const ticket = (lane === 'priority' ? priority : normal)!;
        if (await sql.claimTicket(q, ticket.id, counter, now)) {
          await sql.setCurrent(q, counter, ticket.id, nextStreak(row.normal_streak, lane));
          return sql.logCall(q, ticket, counter, false, now);
        }
      }
      throw conflict('CALL_CONFLICT', '其他窗口同时叫号，请再试一次');
    });
  }

  /**
   * The next ticket of the normal lane: appointment tickets ahead of walk-ins by `appointmentFirst`, or by
   * time of issue when appointments take no precedence.
   */
  private async nextNormal(q: Queryable, counter: number, date: string, categories: string[]): Promise<TicketRow | undefined> {
    if (this.aheadOfWalkIns === 0) return sql.oldestWaiting(q, date, categories, false);
    const appointment = await sql.oldestWaiting(q, date, categories, false, true);
    const walkIn = await sql.oldestWaiting(q, date, categories, false, false);
    const recent = appointment && walkIn ? await sql.lastCallsWereAppointments(q, counter, date, this.aheadOfWalkIns) : [];
    return appointmentFirst(this.aheadOfWalkIns, recent, { appointment: !!appointment, walkIn: !!walkIn }) ? appointment : walkIn ?? appointment;
  }

  /** Calls a given waiting number (today's), if this counter serves its category. */
  callNumber(counter: number, number: string, by: string | null = null): Promise<CounterView> {
    const categories = this.categoriesOf(counter);
    return this.act(counter, by, 'call', async (q, _row, now) => {
      const ticket = await sql.ticketByNumber(q, number.toUpperCase(), this.queue.today());
      if (!ticket) throw notFound('TICKET_NOT_FOUND', `没有找到今天的 ${number.toUpperCase()} 号`);
      if (!categories.includes(ticket.category_id)) {
        throw conflict('NOT_SERVED_HERE', `${counter}号窗口不办理${this.queue.category(ticket.category_id).name}业务`);
      }
      if (ticket.state !== 'issued' || !(await sql.claimTicket(q, ticket.id, counter, now))) {
        throw invalidTransition('call', `${ticket.number}号不在等候中`);
      }
      await sql.setCurrent(q, counter, ticket.id);
      return sql.logCall(q, ticket, counter, false, now);
    });
  }

  /** recall, start, no-show, hold: an action on the counter's current ticket (办结 is `finish`). */
  onCurrent(counter: number, action: Exclude<CounterAction, 'transfer' | 'done'>, by: string | null = null): Promise<CounterView> {
    this.categoriesOf(counter);
    return this.act(counter, by, action, async (q, row, now) => {
      const ticket = await this.current(q, row, action);
      const to = transition(action, ticket.number, ticket.state);
      if (action === 'recall') return sql.logCall(q, ticket, counter, true, now);
      await sql.setTicketState(q, ticket.id, to, now);
      if (to !== 'serving') await sql.setCurrent(q, counter, null);
      return undefined;
    });
  }

  /**
   * 办结 with its record: the 事项 and 办件编号 (when known) and who served, in the transaction that marks the
   * ticket done. A 办件编号 counts once (409 CASE_NUMBER_USED). After the commit, `queue.finished` announces the
   * service (the window's keypad is invited from it).
   */
  async finish(counter: number, by: string | null, detail: FinishDetail): Promise<{ counter: CounterView; service: ServiceCase }> {
    this.categoriesOf(counter);
    if (detail.matterCode !== undefined && !this.matterKnown(detail.matterCode)) {
      throw notFound('MATTER_NOT_FOUND', `事项编码 ${detail.matterCode} 不在本大厅的事项目录中`);
    }
    let service: ServiceCase | undefined;
    const view = await this.act(counter, by, 'done', async (q, row, now) => {
      const ticket = await this.current(q, row, 'done');
      transition('done', ticket.number, ticket.state);
      if (detail.caseNumber !== undefined) {
        const used = await caseByNumber(q, detail.caseNumber);
        if (used) throw conflict('CASE_NUMBER_USED', `办件编号 ${detail.caseNumber} 已登记在 ${used.ticketNumber} 号`, { ticketNumber: used.ticketNumber });
      }
      await sql.setTicketState(q, ticket.id, 'done', now);
      await sql.setCurrent(q, counter, null);
      service = {
        ticketId: ticket.id, ticketNumber: ticket.number, counter, staffId: by, matterCode: detail.matterCode ?? null,
        caseNumber: detail.caseNumber ?? null, source: detail.source, finishedAt: now,
      };
      await insertCase(q, service);
      return undefined;
    }).catch((err: unknown) => {
      if (/UNIQUE constraint failed|duplicate key value/.test((err as Error).message)) {
        throw conflict('CASE_NUMBER_USED', `办件编号 ${detail.caseNumber ?? ''} 已登记`);
      }
      throw err;
    });
    this.events.publish('queue.finished', { ...service! });
    return { counter: view, service: service! };
  }

  /** The 办件 record of a finished ticket, or of a 办件编号. */
  serviceOf(ref: { ticketId: string } | { caseNumber: string }): Promise<ServiceCase | undefined> {
    return 'ticketId' in ref ? caseOfTicket(this.db, ref.ticketId) : caseByNumber(this.db, ref.caseNumber);
  }

  /** Gives an already finished service its 办件编号 and 事项; false when it has others already. */
  async attachCase(ticketId: string, caseNumber: string, matterCode: string): Promise<boolean> {
    try {
      return (await attachCase(this.db, ticketId, caseNumber, matterCode)) === 1;
    } catch (err) {
      if (/UNIQUE constraint failed|duplicate key value/.test((err as Error).message)) return false;
      throw err;
    }
  }

  /** Sends the current ticket to another category's queue; the person keeps the number. */
  transfer(counter: number, categoryId: string, by: string | null = null): Promise<CounterView> {
    this.categoriesOf(counter);
    const target = this.queue.category(categoryId);
    return this.act(counter, by, 'transfer', async (q, row, now) => {
      const ticket = await this.current(q, row, 'transfer');
      transition('transfer', ticket.number, ticket.state);
      if (ticket.category_id === target.id) throw invalidTransition('transfer', `${ticket.number}号已在${target.name}`);
      await sql.moveTicket(q, ticket, target.id, counter, now);
      await sql.setCurrent(q, counter, null);
      return undefined;
    });
  }

  /** Takes a ticket this counter held back (挂起) into service again. */
  resume(counter: number, number: string, by: string | null = null): Promise<CounterView> {
    this.categoriesOf(counter);
    return this.act(counter, by, 'resume', async (q, _row, now) => {
      const ticket = await sql.ticketByNumber(q, number.toUpperCase(), this.queue.today());
      if (!ticket || ticket.state !== 'held' || ticket.counter !== counter) {
        throw invalidTransition('resume', `${number.toUpperCase()}号不是本窗口挂起的号码`);
      }
      await sql.setTicketState(q, ticket.id, 'serving', now);
      await sql.setCurrent(q, counter, ticket.id);
      return undefined;
    });
  }

  /** Pauses (暂停) or reopens the window. A window with someone at it cannot pause. */
  setPaused(counter: number, paused: boolean, by: string | null = null): Promise<CounterView> {
    this.categoriesOf(counter);
    return this.act(counter, by, paused ? 'pause' : 'open', async (q) => {
      await q.execute('UPDATE counters SET state = $2 WHERE counter = $1', [counter, paused ? 'paused' : 'open']);
      return undefined;
    });
  }

  private async current(q: Queryable, row: CounterRow, action: CounterAction): Promise<TicketRow> {
    const ticket = await sql.ticketById(q, row.ticket_id);
    if (!ticket) throw invalidTransition(action, `${row.counter}号窗口当前没有号码`);
    return ticket;
  }

  /**
   * The frame of every action: lock the counter, check it may act, run `work`, read the new view, commit,
   * then publish. A paused window may only reopen; calling needs a free window.
   */
  private async act(
    counter: number,
    by: string | null,
    action: 'call' | 'resume' | 'pause' | 'open' | CounterAction,
    work: (q: Queryable, row: CounterRow, now: string) => Promise<CallRecord | undefined>,
  ): Promise<CounterView> {
    const now = this.clock.now().toISOString();
    const { view, call } = await this.db.tx(async (q) => {
      const row = await sql.lockCounter(q, counter, now);
      if (row.state === 'paused' && action !== 'open') throw invalidTransition(action, `${counter}号窗口已暂停，请先恢复窗口`);
      const busy = await sql.ticketById(q, row.ticket_id);
      const occupied = busy && (busy.state === 'called' || busy.state === 'serving');
      if (occupied && (action === 'call' || action === 'resume' || action === 'pause')) {
        throw invalidTransition(action, `请先办结或过号当前的${busy.number}号`);
      }
      const call = await work(q, row, now);
      const view = await this.view(counter, q);
      // Who did it: every action is logged with the staff member's 工号; whoever starts or finishes serves.
      const ticketId = view.current?.id ?? row.ticket_id;
      await logAction(q, counter, action, ticketId, by, now);
      if (by && ticketId && (action === 'start' || action === 'done' || action === 'resume')) {
        await q.execute('UPDATE tickets SET served_by = $2 WHERE id = $1', [ticketId, by]);
      }
      return { view, call };
    });
    if (call) this.events.publish('queue.called', { number: call.number, counter, categoryId: call.categoryId, recall: call.recall });
    this.events.publish('queue.counter', { counter, state: view.state, number: view.current?.number ?? null, ticketState: view.current?.state ?? null });
    return view;
  }

  private brief(t: TicketRow): CounterTicket {
    return {
      id: t.id,
      number: t.number,
      categoryId: t.category_id,
      categoryName: this.queue.categoryName(t.category_id),
      state: t.state,
      priority: Boolean(t.priority),
      recalls: Number(t.recalls),
      calledAt: t.called_at,
    };
  }
}
