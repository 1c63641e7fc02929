import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { conflict, DomainError } from '../core/errors';
import type { EventBus } from '../events/bus';
import type { Db, Queryable } from '../store/db';
import type { CounterActor, CounterDuty, Post, SessionRow } from './duty-types';
import type { StaffDirectory } from './types';

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const OPEN = 'SELECT * FROM counter_sessions WHERE counter = $1 AND ended_at IS NULL ORDER BY post';

/**
 * Sign-in at windows (AB岗). A person signs in at one post of one window with 工号 + PIN and gets a bearer
 * token; the first person at a window is on duty, a B post waits until switched in. A session ends by signing
 * out, by signing in elsewhere, or after `idleMs` without an action at the window (ended lazily when next read).
 * Every change publishes `counter.duty`.
 */
export class DutyRoster {
  constructor(
    private readonly db: Db,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
    private readonly events: EventBus,
    private readonly idleMs: number,
  ) {}

  async signIn(counter: number, staffId: string, pin: string, post: Post): Promise<{ token: string; duty: CounterDuty }> {
    const member = await this.staff.verify(staffId, pin, 'window');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const touched = await this.db.tx(async (q) => {
      const moved = await this.endWhere(q, 'staff_open_key = $1', [member.id], 'moved', now);
      await this.expireIdle(q, counter, now);
      const taken = (await q.query<SessionRow>(OPEN, [counter])).find((s) => s.post === post);
      if (taken) throw conflict('POST_TAKEN', `${counter}号窗口${post}岗已有工作人员（工号 ${taken.staff_id}）登录`);
      const others = await q.query<SessionRow>(OPEN, [counter]);
      const onDuty = others.some((s) => s.on_duty) ? 0 : 1;
      await q.execute(
        `INSERT INTO counter_sessions (id, counter, post, staff_id, token_sha256, on_duty, started_at, last_seen_at, open_key, staff_open_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $4)`,
        [randomUUID(), counter, post, member.id, sha256(token), onDuty, now, `${counter}:${post}`],
      );
      return [...moved, counter];
    });
    for (const c of new Set(touched)) await this.publish(c);
    return { token, duty: await this.duty(counter) };
  }

  /** The actor behind a bearer token at this window, its idle clock restarted; undefined when not a session. */
  async authenticate(counter: number, token: string): Promise<CounterActor | undefined> {
    if (!token) return undefined;
    const now = this.now();
    const [row] = await this.db.query<SessionRow & { ended_at: string | null; end_reason: string | null }>(
      'SELECT * FROM counter_sessions WHERE token_sha256 = $1', [sha256(token)]);
    if (!row || row.counter !== counter) return undefined;
    if (row.ended_at === null && this.idle(row, now)) {
      await this.db.tx((q) => this.endWhere(q, 'id = $1', [row.id], 'idle', now));
      await this.publish(counter);
      row.end_reason = 'idle';
    }
    if (row.end_reason !== null) {
      const why = row.end_reason === 'idle' ? '长时间无操作，已自动退出' : row.end_reason === 'moved' ? '已在其他窗口登录' : '已退出';
      throw new DomainError('COUNTER_SESSION_ENDED', `窗口登录已结束（${why}），请重新登录`, 401, { reason: row.end_reason });
    }
    await this.db.execute('UPDATE counter_sessions SET last_seen_at = $2 WHERE id = $1', [row.id, now]);
    return { kind: 'staff', staffId: row.staff_id, post: row.post, sessionId: row.id };
  }

  /**
   * The window and staff member behind a bearer token, at whichever window it was signed in (help requests and
   * scanned PDFs are not one window's routes); undefined when not a live session. Restarts its idle clock.
   */
  async holder(token: string): Promise<{ counter: number; staffId: string } | undefined> {
    if (!token) return undefined;
    const [row] = await this.db.query<SessionRow>('SELECT * FROM counter_sessions WHERE token_sha256 = $1 AND ended_at IS NULL', [sha256(token)]);
    if (!row || this.idle(row, this.now())) return undefined;
    await this.db.execute('UPDATE counter_sessions SET last_seen_at = $2 WHERE id = $1', [row.id, this.now()]);
    return { counter: row.counter, staffId: row.staff_id };
  }

  async signOut(counter: number, sessionId: string): Promise<CounterDuty> {
    await this.db.tx((q) => this.endWhere(q, 'id = $1', [sessionId], 'signed-out', this.now()));
    await this.publish(counter);
    return this.duty(counter);
  }

  /** Puts the person at `post` on duty (AB岗 switch: B steps in while A is away, and back). */
  async switchTo(counter: number, post: Post): Promise<CounterDuty> {
    const now = this.now();
    await this.db.tx(async (q) => {
      await this.expireIdle(q, counter, now);
      const open = await q.query<SessionRow>(OPEN, [counter]);
      if (!open.some((s) => s.post === post)) throw conflict('POST_EMPTY', `${counter}号窗口${post}岗没有工作人员登录`);
      await q.execute('UPDATE counter_sessions SET on_duty = CASE WHEN post = $2 THEN 1 ELSE 0 END WHERE counter = $1 AND ended_at IS NULL', [counter, post]);
    });
    await this.publish(counter);
    return this.duty(counter);
  }

  /** The window's duty now; sessions idle too long count as ended. */
  async duty(counter: number): Promise<CounterDuty> {
    const now = this.now();
    const open = (await this.db.query<SessionRow>(OPEN, [counter])).filter((s) => !this.idle(s, now));
    const posts = open.map((s) => ({ post: s.post, id: s.staff_id, name: this.staff.get(s.staff_id)?.name ?? s.staff_id, onDuty: !!s.on_duty }));
    // The one left at a window is on duty even if the person on duty went idle.
    const current = posts.find((p) => p.onDuty) ?? posts[0];
    return { counter, onDuty: current ? { id: current.id, name: current.name, post: current.post } : null, posts };
  }

  /** The staff on duty at a window right now (what a finished service is credited to when no one signed the action). */
  async onDutyAt(counter: number): Promise<string | null> {
    return (await this.duty(counter)).onDuty?.id ?? null;
  }

  private async expireIdle(q: Queryable, counter: number, now: string): Promise<void> {
    const cutoff = new Date(Date.parse(now) - this.idleMs).toISOString();
    await this.endWhere(q, 'counter = $1 AND last_seen_at < $2', [counter, cutoff], 'idle', now);
  }

  /** Ends open sessions matching `where`; the remaining one of the window takes duty. Returns the windows touched. */
  private async endWhere(q: Queryable, where: string, params: (string | number)[], reason: string, now: string): Promise<number[]> {
    const rows = await q.query<SessionRow>(`SELECT * FROM counter_sessions WHERE ended_at IS NULL AND ${where}`, params);
    for (const r of rows) {
      await q.execute(
        `UPDATE counter_sessions SET ended_at = $2, end_reason = $3, on_duty = 0, open_key = NULL, staff_open_key = NULL WHERE id = $1`,
        [r.id, now, reason],
      );
      await q.execute(
        `UPDATE counter_sessions SET on_duty = 1 WHERE counter = $1 AND ended_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM counter_sessions d WHERE d.counter = $1 AND d.ended_at IS NULL AND d.on_duty = 1)`,
        [r.counter],
      );
    }
    return rows.map((r) => r.counter);
  }

  private idle(s: Pick<SessionRow, 'last_seen_at'>, now: string): boolean {
    return Date.parse(now) - Date.parse(s.last_seen_at) > this.idleMs;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async publish(counter: number): Promise<void> {
    this.events.publish('counter.duty', await this.duty(counter));
  }
}
