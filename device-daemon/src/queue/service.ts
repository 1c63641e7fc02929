import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/db';
import type { CategoryConfig, QueueConfig } from './config';
import type { CategoryView, Delivery, PublicTicketState, Ticket, TicketRow, TicketState, WaitEstimate, WaitEstimator, WaitRange } from './types';
import { waitEstimate } from './wait-words';
import type { Clock } from '../core/clock';
import { localTime, serviceDate, withinHours } from '../core/hall-time';
import { conflict, notFound } from '../core/errors';
import { takeInOneStatement } from './take-one-statement';
import { ticketNumber } from './ticket-number';
import { canTakeTogether, TakingTogether } from './take-together';
import { BurstView } from './burst-view';

export interface IssueRequest {
  categoryId: string;
  delivery: Delivery;
  /** Keyed hash of the person's ID number (never the number): enforces one open ticket per person. */
  personHash?: string;
  /** Issue in the priority lane (绿色通道) although the category is normal, e.g. for the elderly. */
  priority?: boolean;
  kioskId?: string;
  /** A check-in (预约签到): the ticket is an appointment ticket. */
  appointmentId?: string;
  /**
   * A record the caller keeps of this ticket, written in the ticket's own transaction (a staff-issued 绿色通道
   * ticket's grant: who and why): the ticket and its record are committed together or not at all.
   */
  record?: (q: Queryable, ticket: { id: string; number: string }) => Promise<void>;
}

const OPEN_STATES = `('issued','called','serving','held')`;

/** How many of today's finished tickets of a category make its mean service time. */
const RECENT_DONE = 20;

/** The contract's closed set of ticket states: held is service begun (flagged `held`), a transfer waits again. */
function publicState(state: TicketState): PublicTicketState {
  if (state === 'held') return 'serving';
  if (state === 'transferred') return 'issued';
  return state;
}

/**
 * Queue numbers: one series per category per service day in the hall's time zone (A001..A999),
 * taken atomically with an upsert, so neither a crash nor a second kiosk on the same PostgreSQL
 * can hand out a number twice.
 */
export class QueueService {
  private readonly categories: Map<string, CategoryConfig>;
  /** The hall model (estimate feature); without it, or where it knows no history, the recent mean × people ahead. */
  private estimator?: WaitEstimator;
  /** Hall-wide (PostgreSQL): the walk-in tickets asked for at once share one statement (take-together.ts). */
  private readonly together?: TakingTogether;
  /** New walk-in tickets committed together read their people ahead together (burst-view.ts). */
  private readonly burst: BurstView;

  constructor(
    private readonly db: Db,
    private readonly config: QueueConfig,
    private readonly timeZone: string,
    private readonly clock: Clock,
  ) {
    this.categories = new Map(config.categories.map((c) => [c.id, c]));
    if (canTakeTogether(db)) this.together = new TakingTogether(db);
    this.burst = new BurstView(db, async (date, categoryId) => (await this.meanServiceMs(db, date, categoryId)).get(categoryId));
  }

  useEstimator(estimator: WaitEstimator): void {
    this.estimator = estimator;
  }

  /** The model's range, or the naive figure as a one-point range (basis `recent-mean`); a failing model falls back. */
  private async wait(modelled: Promise<WaitRange | null> | undefined, naive: number | null, of: 'ticket' | 'category'): Promise<WaitEstimate | null> {
    const range = modelled ? await modelled.catch(() => null) : null;
    if (range) return waitEstimate(range, of, 'simulation');
    return naive === null ? null : waitEstimate({ lowMinutes: naive, medianMinutes: naive, highMinutes: naive }, of, 'recent-mean');
  }

  category(id: string): CategoryConfig {
    const c = this.categories.get(id);
    if (!c) throw notFound('CATEGORY_NOT_FOUND', `没有业务类别 ${id}`);
    return c;
  }

  /** A category removed from the configuration still has tickets today: show its letter then. */
  categoryName(id: string): string {
    return this.categories.get(id)?.name ?? id;
  }

  today(): string {
    return serviceDate(this.clock.now(), this.timeZone);
  }

  /** Refuses before any number is taken: closed hours. Call before printing checks, so no paper is wasted. */
  assertOpen(category: CategoryConfig): void {
    const now = localTime(this.clock.now(), this.timeZone);
    if (!withinHours(now, category.hours)) {
      const hours = category.hours.map((h) => `${h.from}-${h.to}`).join('、');
      throw conflict('OUTSIDE_ISSUING_HOURS', `${category.name}的取号时间为 ${hours}`, { hours: category.hours });
    }
  }

  async listCategories(): Promise<CategoryView[]> {
    const date = this.today();
    const waiting = await this.db.query<{ category_id: string; n: number }>(
      `SELECT category_id, CAST(COUNT(*) AS INTEGER) AS n FROM tickets
       WHERE service_date = $1 AND state = 'issued' GROUP BY category_id`,
      [date],
    );
    const issued = await this.db.query<{ category_id: string; last_seq: number }>(
      'SELECT category_id, last_seq FROM ticket_counters WHERE service_date = $1',
      [date],
    );
    const waitingBy = new Map(waiting.map((r) => [r.category_id, Number(r.n)]));
    const issuedBy = new Map(issued.map((r) => [r.category_id, Number(r.last_seq)]));
    const meanMs = await this.meanServiceMs(this.db, date);
    const now = localTime(this.clock.now(), this.timeZone);
    const views: CategoryView[] = [];
    for (const c of this.categories.values()) {
      const n = waitingBy.get(c.id) ?? 0;
      const wait = await this.wait(this.estimator?.forCategory(c.id), estimateWait(meanMs.get(c.id), c, n), 'category');
      views.push({
        id: c.id,
        name: c.name,
        ...(c.description ? { description: c.description } : {}),
        priority: c.priority,
        realName: c.realName,
        waiting: n,
        crowded: n >= c.warnWaiting,
        open: withinHours(now, c.hours),
        hours: c.hours,
        remainingToday: Math.max(0, c.dailyMax - (issuedBy.get(c.id) ?? 0)),
        estimatedWaitMinutes: wait?.medianMinutes ?? null,
        estimatedWait: wait,
      });
    }
    return views;
  }

  /** Checks the category and its hours, then takes the next number (see `take`). */
  async issue(req: IssueRequest): Promise<Ticket> {
    const category = this.category(req.categoryId);
    this.assertOpen(category);
    return this.take(category, req);
  }

  /**
   * Takes the next number and writes the ticket in one transaction, for a category the caller has already
   * found and checked open (`issuing.ts` checks before asking the printer). Printing happens after, outside.
   */
  async take(category: CategoryConfig, req: Omit<IssueRequest, 'categoryId'>): Promise<Ticket> {
    const now = this.clock.now();
    const row = this.newRow(category, req, now.toISOString(), serviceDate(now, this.timeZone));
    if (this.db.writingWith && !req.personHash && !req.appointmentId && !req.record) {
      // Hall-wide walk-in: number, ticket and view in one round trip (take-one-statement.ts says what it keeps),
      // shared with the other walk-ins asked for at the same moment (take-together.ts).
      const taken = this.together ? await this.together.take(row, category.dailyMax) : await takeInOneStatement(this.db, row, category.dailyMax);
      if (!taken) throw dailyLimitReached(category);
      return this.present(row, taken.ahead, taken.mean_ms ?? undefined);
    }
    await this.db.tx(async (q) => {
      if (req.personHash) {
        const open = await q.query<{ number: string }>(
          `SELECT number FROM tickets WHERE person_hash = $1 AND service_date = $2 AND category_id = $3
           AND state IN ${OPEN_STATES} LIMIT 1`,
          [req.personHash, row.service_date, category.id],
        );
        if (open[0]) {
          throw conflict('PERSON_LIMIT_REACHED', `您已取${category.name}号 ${open[0].number}，请等候叫号`, {
            number: open[0].number,
          });
        }
      }
      const [counter] = await q.query<{ last_seq: number }>(
        `INSERT INTO ticket_counters (category_id, service_date, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (category_id, service_date) DO UPDATE SET last_seq = ticket_counters.last_seq + 1
         RETURNING last_seq`,
        [category.id, row.service_date],
      );
      row.seq = Number(counter!.last_seq);
      if (row.seq > category.dailyMax) throw dailyLimitReached(category);
      row.number = ticketNumber(category.id, row.seq);
      await q.execute(
        `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed,
           person_hash, kiosk_id, issued_at, appointment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [row.id, row.number, row.category_id, row.service_date, row.seq, row.state, row.priority, row.delivery,
          row.printed, row.person_hash, row.kiosk_id, row.issued_at, row.appointment_id],
      );
      await req.record?.(q, { id: row.id, number: row.number });
    });
    // The view (people ahead, estimate) is read after commit: the counter row's lock is held only for the insert.
    if (row.appointment_id) return this.view(this.db, row);
    const { waitingAhead, meanMs } = await this.burst.figures(row);
    return this.present(row, waitingAhead, meanMs);
  }

  /** The new ticket's row before it has a number (`seq` 0 until one is taken). */
  private newRow(category: CategoryConfig, req: Omit<IssueRequest, 'categoryId'>, issuedAt: string, date: string): TicketRow {
    return {
      id: randomUUID(),
      number: '',
      category_id: category.id,
      service_date: date,
      seq: 0,
      state: 'issued',
      priority: category.priority || req.priority ? 1 : 0,
      delivery: req.delivery,
      printed: 0,
      person_hash: req.personHash ?? null,
      kiosk_id: req.kioskId ?? null,
      counter: null,
      recalls: 0,
      issued_at: issuedAt,
      called_at: null,
      serving_at: null,
      done_at: null,
      appointment_id: req.appointmentId ?? null,
    };
  }

  /**
   * The ticket is on paper. Relaxed (no fsync of its own where the store offers it): the number was made
   * durable when it was taken; a power cut before the next commit loses only this flag, which then
   * understates (the ticket reads as not printed), never claims paper that did not come out.
   */
  async markPrinted(id: string): Promise<void> {
    await this.db.executeRelaxed('UPDATE tickets SET printed = 1 WHERE id = $1', [id]);
  }

  async get(id: string): Promise<Ticket> {
    const [row] = await this.db.query<TicketRow>('SELECT * FROM tickets WHERE id = $1', [id]);
    if (!row) throw notFound('TICKET_NOT_FOUND', '没有找到这张票');
    return this.view(this.db, row);
  }

  /** Today's ticket by its printed number (`A001`), as a person types it to rate the service. */
  async findByNumber(number: string, date = this.today()): Promise<Ticket> {
    const [row] = await this.db.query<TicketRow>('SELECT * FROM tickets WHERE number = $1 AND service_date = $2', [
      number.toUpperCase(),
      date,
    ]);
    if (!row) throw notFound('TICKET_NOT_FOUND', `没有找到今天的 ${number.toUpperCase()} 号`);
    return this.view(this.db, row);
  }

  async view(q: Queryable, row: TicketRow): Promise<Ticket> {
    const category = this.categories.get(row.category_id);
    let waitingAhead = 0;
    if (row.state === 'issued') {
      // An appointment ticket is called ahead of walk-ins (counters/rules.ts): only other appointments are before it.
      const [r] = await q.query<{ n: number }>(
        `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM tickets
         WHERE category_id = $1 AND service_date = $2 AND state = 'issued' AND seq < $3
         ${row.appointment_id ? 'AND appointment_id IS NOT NULL' : ''}`,
        [row.category_id, row.service_date, row.seq],
      );
      waitingAhead = Number(r?.n ?? 0);
    }
    const meanMs = category ? (await this.meanServiceMs(q, row.service_date, category.id)).get(category.id) : undefined;
    return this.present(row, waitingAhead, meanMs);
  }

  /**
   * The ticket as the API shows it, from its row, the people waiting before it and its category's mean service
   * time; the wait is the hall model's range when the estimator has one, else people ahead × the recent mean.
   */
  private async present(row: TicketRow, waitingAhead: number, meanMs: number | undefined): Promise<Ticket> {
    const category = this.categories.get(row.category_id);
    const naive = category ? estimateWait(meanMs, category, waitingAhead) : null;
    const wait = row.state === 'issued' ? await this.wait(this.estimator?.forTicket(row), naive, 'ticket') : null;
    return {
      id: row.id,
      number: row.number,
      categoryId: row.category_id,
      categoryName: this.categoryName(row.category_id),
      serviceDate: row.service_date,
      state: publicState(row.state),
      held: row.state === 'held',
      priority: Boolean(row.priority),
      ...(row.appointment_id ? { appointment: true } : {}),
      delivery: row.delivery,
      printed: Boolean(row.printed),
      realName: row.person_hash !== null,
      waitingAhead,
      estimatedWaitMinutes: wait?.medianMinutes ?? naive,
      estimatedWait: wait,
      counter: row.counter,
      issuedAt: row.issued_at,
      calledAt: row.called_at,
      servingAt: row.serving_at,
      doneAt: row.done_at,
    };
  }

  /**
   * The mean service time (ms) of each category's last RECENT_DONE finished tickets on `date`, in one query for
   * all categories (or only `categoryId`'s); a category with none finished yet is absent.
   */
  private async meanServiceMs(q: Queryable, date: string, categoryId?: string): Promise<Map<string, number>> {
    const rows = await q.query<{ category_id: string; serving_at: string; done_at: string }>(
      `SELECT category_id, serving_at, done_at FROM (
         SELECT category_id, serving_at, done_at,
           ROW_NUMBER() OVER (PARTITION BY category_id ORDER BY done_at DESC) AS rn
         FROM tickets WHERE service_date = $1 AND state = 'done' AND serving_at IS NOT NULL AND done_at IS NOT NULL
         ${categoryId ? 'AND category_id = $2' : ''}
       ) recent WHERE rn <= ${RECENT_DONE}`,
      categoryId ? [date, categoryId] : [date],
    );
    const sums = new Map<string, { ms: number; n: number }>();
    for (const r of rows) {
      const s = sums.get(r.category_id) ?? { ms: 0, n: 0 };
      s.ms += Date.parse(r.done_at) - Date.parse(r.serving_at);
      s.n += 1;
      sums.set(r.category_id, s);
    }
    return new Map([...sums].map(([id, s]) => [id, s.ms / s.n]));
  }
}

function dailyLimitReached(category: CategoryConfig) {
  return conflict('DAILY_LIMIT_REACHED', `${category.name}今日号源已取完，请明天再来`, { dailyMax: category.dailyMax });
}

/**
 * Minutes until a person with `ahead` people before them is called: the category's mean service time,
 * shared across the windows that serve it. Null until known.
 */
function estimateWait(meanMs: number | undefined, c: CategoryConfig, ahead: number): number | null {
  if (meanMs === undefined) return null;
  return Math.ceil((ahead * meanMs) / Math.max(1, c.windows.length) / 60_000);
}
