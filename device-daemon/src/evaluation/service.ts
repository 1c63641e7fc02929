import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/db';
import type { Clock } from '../core/clock';
import type { QueueService } from '../queue/service';
import type { Ticket } from '../queue/types';
import { badRequest, conflict } from '../core/errors';
import { serviceDate } from '../queue/clock';
import type { EvaluationConfig } from './config';
import { FIRST_GOOD_LEVEL, LEVEL_NAMES, type Channel, type Evaluation, type EvaluationRow, type OutboxKind, type RateInput } from './types';
import { applyMapping, ratingBody, type ServiceFacts } from './upstream/body';
import { addWorkingDays } from './working-days';
import * as repo from './repository';
import { enqueue } from './outbox-store';

export interface EvaluationContext {
  hallName: string;
  timeZone: string;
  kioskId: string;
  /** 区划代码 (`hall.regionCode`), null when not configured. */
  regionCode: string | null;
  /** `evaluation.upstream.mapping`: applied when the message is written, so every attempt sends the same bytes. */
  mapping: Readonly<Record<string, string | null>>;
  /** The 事项 catalogue: name and 实施部门 of a 事项编码. */
  matterOf(code: string): { name: string; department: string } | undefined;
  /** Called after a rating is committed: publish, wake the sender, close a keypad invitation. */
  recorded(evaluation: Evaluation): void;
}

/** Normalised reasons: trimmed, blanks and repeats dropped. A bad rating must keep at least one. */
export function normaliseReasons(level: number, reasons: readonly string[] | undefined): string[] {
  const list = [...new Set((reasons ?? []).map((r) => r.trim()).filter(Boolean))];
  if (level < FIRST_GOOD_LEVEL && list.length === 0) {
    throw badRequest('REASON_REQUIRED', `评价为“${LEVEL_NAMES[level]}”时请选择或填写原因`, { field: 'reasons' });
  }
  return list;
}

/** The one answer to a second rating of a ticket, whichever path (screen, keypad invitation) asked. */
export const alreadyRated = (ticket: Pick<Ticket, 'number'>) =>
  conflict('ALREADY_RATED', `${ticket.number} 号已经评价过了，谢谢您`, { ticketNumber: ticket.number });

const isUniqueViolation = (err: unknown) =>
  /UNIQUE constraint failed|duplicate key value/.test((err as Error).message) || (err as { code?: string }).code === '23505';

/**
 * Ratings: one per ticket. The rating, its outbox row and (for 不满意 / 非常不满意) its follow-up are written in
 * one transaction, so a crash leaves either all of them or none.
 */
export class EvaluationService {
  private readonly inTx: RecordedInTx[] = [];

  constructor(
    private readonly db: Db,
    private readonly queue: QueueService,
    private readonly config: EvaluationConfig,
    private readonly clock: Clock,
    private readonly ctx: EvaluationContext,
  ) {}

  /**
   * Runs `hook` inside the transaction of every rating recorded from now on (a 差评工单 opens with its rating or
   * not at all). A hook that throws rolls the rating back.
   */
  onRecordedInTx(hook: RecordedInTx): void {
    this.inTx.push(hook);
  }

  get reasons(): string[] {
    return this.config.reasons;
  }

  async rate(input: RateInput): Promise<Evaluation> {
    const reasons = normaliseReasons(input.level, input.reasons);
    const ticket = await this.queue.get(input.ticketId);
    if (ticket.state === 'cancelled') throw conflict('TICKET_NOT_RATEABLE', `${ticket.number} 号已取消，不能评价`);
    const comment = input.comment?.trim() || null;
    return this.record(ticket, { level: input.level, reasons, comment, channel: input.channel, source: 'person', personHash: input.personHash });
  }

  /** Today's tickets of a person (keyed hash), each with whether it is rated: the ID-card route. */
  async ticketsOfPerson(personHash: string): Promise<{ ticket: Ticket; rated: boolean }[]> {
    const out: { ticket: Ticket; rated: boolean }[] = [];
    for (const id of await repo.ticketsOfPerson(this.db, personHash, this.queue.today())) {
      const ticket = await this.queue.get(id);
      if (ticket.state === 'cancelled') continue;
      out.push({ ticket, rated: (await repo.ratingOfTicket(this.db, id)) !== undefined });
    }
    return out;
  }

  /** The rating of a ticket, or undefined when it has none yet (the phone page asks before offering to rate). */
  async ofTicket(ticketId: string): Promise<Evaluation | undefined> {
    const row = await repo.ratingOfTicket(this.db, ticketId);
    return row && repo.toEvaluation(row, await repo.followUpOf(this.db, row.id));
  }

  /**
   * The default rule (Guangdong): a ticket served more than `defaultAfterDays` days ago and not rated counts
   * as 基本满意. Returns how many were recorded. Safe to run from several daemons: one rating per ticket wins.
   */
  async applyDefaultRule(limit = 500): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.defaultAfterDays * 86_400_000).toISOString();
    let n = 0;
    for (const { id } of await repo.unratedServedBefore(this.db, cutoff, limit)) {
      const ticket = await this.queue.get(id);
      const reason = `超过${this.config.defaultAfterDays}日未评价，默认基本满意`;
      try {
        await this.record(ticket, { level: 3, reasons: [reason], comment: null, channel: 'system', source: 'default' });
        n += 1;
      } catch (err) {
        if ((err as { code?: string }).code !== 'ALREADY_RATED') throw err;
      }
    }
    return n;
  }

  private async record(
    ticket: Ticket,
    r: { level: number; reasons: string[]; comment: string | null; channel: Channel; source: 'person' | 'default'; personHash?: string },
  ): Promise<Evaluation> {
    const now = this.clock.now();
    const ratedAt = now.toISOString();
    const ratedDate = serviceDate(now, this.ctx.timeZone);
    let evaluation: Evaluation;
    try {
      evaluation = await this.db.tx(async (q) => {
        if (await repo.ratingOfTicket(q, ticket.id)) throw alreadyRated(ticket);
        const personHash = r.personHash ?? (await repo.ticketPersonHash(q, ticket.id));
        const row: EvaluationRow = {
          id: randomUUID(), ticket_id: ticket.id, ticket_number: ticket.number, category_id: ticket.categoryId,
          category_name: ticket.categoryName, service_date: ticket.serviceDate, ticket_state: ticket.state,
          counter: ticket.counter, staff_id: null, staff_name: null, channel: r.channel, level: r.level,
          reasons: JSON.stringify(r.reasons), comment: r.comment, real_name: personHash ? 1 : 0, person_hash: personHash,
          source: r.source, kiosk_id: this.ctx.kioskId, rated_at: ratedAt, rated_date: ratedDate,
        };
        await repo.insertRating(q, row);
        const followUp = r.level < FIRST_GOOD_LEVEL ? await this.openFollowUp(q, row, ratedDate) : undefined;
        const view = repo.toEvaluation(row, followUp);
        const body = applyMapping(ratingBody(view, this.serviceFacts(row), this.hallFacts()), this.ctx.mapping);
        await enqueue(q, { id: row.id, kind: 'rating', label: row.ticket_number, payload: JSON.stringify(body) }, ratedAt);
        for (const hook of this.inTx) await hook(q, view, this.serviceFacts(row));
        return view;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyRated(ticket);
      throw err;
    }
    this.ctx.recorded(evaluation);
    return evaluation;
  }

  private async openFollowUp(q: Queryable, row: EvaluationRow, ratedDate: string) {
    const f = { id: randomUUID(), due_date: addWorkingDays(ratedDate, this.config.followUp.deadlineWorkingDays, this.config.followUp) };
    await repo.insertFollowUp(q, {
      id: f.id, evaluationId: row.id, ticketNumber: row.ticket_number, level: row.level, reasons: row.reasons,
      realName: row.real_name, openedAt: row.rated_at, dueDate: f.due_date,
    });
    return f;
  }

  /**
   * Writes a message for the provincial system into the outbox, in the caller's transaction, mapped as
   * configured: how another feature (差评工单) reports its changes through the same delivery.
   */
  async enqueueUpstream(q: Queryable, m: { id: string; kind: OutboxKind; label: string; body: object }, at: string): Promise<void> {
    await enqueue(q, { id: m.id, kind: m.kind, label: m.label, payload: JSON.stringify(applyMapping(m.body, this.ctx.mapping)) }, at);
  }

  /** Hall, 区划代码 and kiosk as every upstream message carries them. */
  hallFacts() {
    return { hallName: this.ctx.hallName, regionCode: this.ctx.regionCode, kioskId: this.ctx.kioskId };
  }

  /** The 办件 behind a rating: 事项 and 办件编号 where the window recorded them, name and 部门 from the catalogue. */
  serviceFacts(row: EvaluationRow): ServiceFacts {
    const { matter_code: matterCode = null, case_number: caseNumber = null } = row as EvaluationRow & { matter_code?: string | null; case_number?: string | null };
    const matter = matterCode ? this.ctx.matterOf(matterCode) : undefined;
    return { caseNumber, matterCode, matterName: matter?.name ?? null, department: matter?.department ?? null };
  }
}

export type RecordedInTx = (q: Queryable, evaluation: Evaluation, service: ServiceFacts) => Promise<void>;
