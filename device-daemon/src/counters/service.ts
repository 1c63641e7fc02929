import type { Db, Queryable } from '../store/db';
import type { EventBus } from '../events/bus';
import type { Clock } from '../core/clock';
import { conflict, notFound } from '../core/errors';
import type { FastifyInstance } from 'fastify';
import type { KioskConfig } from '../config/schema';
import type { TicketRow } from '../queue/types';
import type { CallRecord, CounterRow, CounterTicket, CounterView } from './types';
import { chooseLane, invalidTransition, nextStreak, transition, type CounterAction } from './rules';
import * as sql from './store';

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
  callNext(counter: number): Promise<CounterView> {
    const categories = this.categoriesOf(counter);
    return this.act(counter, 'call', async (q, row, now) => {
      const date = this.queue.today();
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        const priority = await sql.oldestWaiting(q, date, categories, true);
        const normal = await sql.oldestWaiting(q, date, categories, false);
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

  /** Calls a given waiting number (today's), if this counter serves its category. */
  callNumber(counter: number, number: string): Promise<CounterView> {
    const categories = this.categoriesOf(counter);
    return this.act(counter, 'call', async (q, _row, now) => {
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

  /** recall, start, done, no-show, hold: an action on the counter's current ticket. */
  onCurrent(counter: number, action: Exclude<CounterAction, 'transfer'>): Promise<CounterView> {
    this.categoriesOf(counter);
    return this.act(counter, action, async (q, row, now) => {
      const ticket = await this.current(q, row, action);
      const to = transition(action, ticket.number, ticket.state);
      if (action === 'recall') return sql.logCall(q, ticket, counter, true, now);
      await sql.setTicketState(q, ticket.id, to, now);
      if (to !== 'serving') await sql.setCurrent(q, counter, null);
      return undefined;
    });
  }

  /** Sends the current ticket to another category's queue; the person keeps the number. */
  transfer(counter: number, categoryId: string): Promise<CounterView> {
    this.categoriesOf(counter);
    const target = this.queue.category(categoryId);
    return this.act(counter, 'transfer', async (q, row, now) => {
      const ticket = await this.current(q, row, 'transfer');
      transition('transfer', ticket.number, ticket.state);
      if (ticket.category_id === target.id) throw invalidTransition('transfer', `${ticket.number}号已在${target.name}`);
      await sql.moveTicket(q, ticket, target.id, counter, now);
      await sql.setCurrent(q, counter, null);
      return undefined;
    });
  }

  /** Takes a ticket this counter held back (挂起) into service again. */
  resume(counter: number, number: string): Promise<CounterView> {
    this.categoriesOf(counter);
    return this.act(counter, 'resume', async (q, _row, now) => {
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
  setPaused(counter: number, paused: boolean): Promise<CounterView> {
    this.categoriesOf(counter);
    return this.act(counter, paused ? 'pause' : 'open', async (q) => {
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
      return { view: await this.view(counter, q), call };
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
