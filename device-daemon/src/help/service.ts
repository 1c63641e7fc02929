import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { conflict, notFound } from '../core/errors';
import type { EventBus } from '../events/bus';
import type { Db, Queryable } from '../store/db';
import type { HelpOutcome, HelpRequest, HelpRow, PriorityGrant } from './types';

/** Requests still open after this long are no longer shown (the person has surely left): the day's hall resets. */
const SHOWN_FOR_MS = 4 * 60 * 60_000;

/**
 * 帮办代办 at the machine: a kiosk raises a request, every window and the manager see it (`help.*` events, relayed
 * hall-wide), one staff member takes it («我来帮办»), then closes it; the kiosk closes it as `left` when the person
 * goes. Taking is first-come: a second taker gets 409 HELP_ALREADY_TAKEN naming who has it.
 */
export class HelpDesk {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly kioskId: string,
    private readonly staffName: (id: string) => string,
  ) {}

  async raise(screen: string, elder: boolean): Promise<HelpRequest> {
    // One open request per kiosk: pressing again while waiting does not ring the hall twice.
    const [open] = await this.db.query<HelpRow>(`SELECT * FROM help_requests WHERE kiosk_id = $1 AND state <> 'closed' ORDER BY requested_at DESC`, [this.kioskId]);
    if (open) return this.view(open);
    const row: HelpRow = {
      id: randomUUID(), kiosk_id: this.kioskId, screen, elder: elder ? 1 : 0, state: 'open', requested_at: this.now(),
      taken_at: null, taken_by: null, taken_counter: null, closed_at: null, closed_by: null, outcome: null,
    };
    await this.db.execute(
      `INSERT INTO help_requests (id, kiosk_id, screen, elder, state, requested_at) VALUES ($1, $2, $3, $4, 'open', $5)`,
      [row.id, row.kiosk_id, row.screen, row.elder, row.requested_at],
    );
    const request = this.view(row);
    this.events.publish('help.requested', { request });
    return request;
  }

  async get(id: string): Promise<HelpRequest> {
    return this.view(await this.row(id));
  }

  /** What counter pages and the manager show: requests not closed, oldest first. */
  async active(): Promise<HelpRequest[]> {
    const since = new Date(this.clock.now().getTime() - SHOWN_FOR_MS).toISOString();
    const rows = await this.db.query<HelpRow>(`SELECT * FROM help_requests WHERE state <> 'closed' AND requested_at > $1 ORDER BY requested_at`, [since]);
    return rows.map((r) => this.view(r));
  }

  async take(id: string, staffId: string | null, counter: number | null): Promise<HelpRequest> {
    const changed = await this.db.execute(
      `UPDATE help_requests SET state = 'taken', taken_at = $2, taken_by = $3, taken_counter = $4 WHERE id = $1 AND state = 'open'`,
      [id, this.now(), staffId, counter],
    );
    const row = await this.row(id);
    if (!changed) {
      if (row.state === 'closed') throw conflict('HELP_CLOSED', '该求助已结束');
      throw conflict('HELP_ALREADY_TAKEN', `已由${row.taken_by ? `${this.staffName(row.taken_by)}（工号 ${row.taken_by}）` : '其他窗口'}前往帮办`);
    }
    const request = this.view(row);
    this.events.publish('help.taken', { request });
    return request;
  }

  async close(id: string, by: string | null, outcome: HelpOutcome): Promise<HelpRequest> {
    const changed = await this.db.execute(
      `UPDATE help_requests SET state = 'closed', closed_at = $2, closed_by = $3, outcome = $4 WHERE id = $1 AND state <> 'closed'`,
      [id, this.now(), by, outcome],
    );
    const row = await this.row(id);
    if (!changed) throw conflict('HELP_CLOSED', '该求助已结束');
    const request = this.view(row);
    this.events.publish('help.closed', { request });
    return request;
  }

  /**
   * A staff-issued 绿色通道 ticket on record: who issued it and why. Written in the ticket's own transaction (`q`),
   * so no priority ticket exists without its record, and no record without its ticket.
   */
  async recordGrant(q: Queryable, ticketId: string, issuedBy: string, reason: string): Promise<void> {
    await q.execute('INSERT INTO priority_grants (ticket_id, issued_by, reason, issued_at) VALUES ($1, $2, $3, $4)', [ticketId, issuedBy, reason, this.now()]);
  }

  /** The record of staff-issued 绿色通道 tickets whose service day is within `from`..`to` (hall dates), oldest first. */
  async grants(from: string, to: string): Promise<PriorityGrant[]> {
    const rows = await this.db.query<{ ticket_id: string; number: string; category_id: string; service_date: string; issued_by: string; reason: string; issued_at: string }>(
      `SELECT g.ticket_id, t.number, t.category_id, t.service_date, g.issued_by, g.reason, g.issued_at
       FROM priority_grants g JOIN tickets t ON t.id = g.ticket_id
       WHERE t.service_date >= $1 AND t.service_date <= $2 ORDER BY g.issued_at LIMIT 2000`,
      [from, to],
    );
    return rows.map((r) => ({
      ticketId: r.ticket_id, number: r.number, categoryId: r.category_id, serviceDate: r.service_date,
      // A window PC's own token issues as `window-<n>`: no person to name.
      issuedBy: { id: r.issued_by, name: /^window-\d+$/.test(r.issued_by) ? null : this.staffName(r.issued_by) },
      reason: r.reason, issuedAt: r.issued_at,
    }));
  }

  private async row(id: string): Promise<HelpRow> {
    const [row] = await this.db.query<HelpRow>('SELECT * FROM help_requests WHERE id = $1', [id]);
    if (!row) throw notFound('HELP_NOT_FOUND', '没有这个求助');
    return row;
  }

  private view(r: HelpRow): HelpRequest {
    return {
      id: r.id, kioskId: r.kiosk_id, screen: r.screen, elder: Boolean(Number(r.elder)), state: r.state,
      requestedAt: r.requested_at, takenAt: r.taken_at,
      takenBy: r.taken_by ? { id: r.taken_by, name: this.staffName(r.taken_by) } : null,
      takenAtCounter: r.taken_counter === null ? null : Number(r.taken_counter),
      closedAt: r.closed_at, outcome: r.outcome,
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
