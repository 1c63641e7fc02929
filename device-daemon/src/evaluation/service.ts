import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../store/db';
import type { Clock } from '../core/clock';
import type { FastifyInstance } from 'fastify';
import type { Ticket } from '../queue/types';
import { badRequest, conflict, notFound } from '../core/errors';
import { serviceDate } from '../core/hall-time';
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
  /** Public name of a staff member by 工号 (app.staff), a 事项's name and 实施部门 by code (app.matters). */
  staffName(id: string): string | null;
  matterName(code: string): string | null;
  matterDepartment(code: string): string | null;
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
/** Only a served visit can be rated: waiting, called, held, 过号 and cancelled tickets are refused. */
export function assertServed(ticket: Pick<Ticket, 'number' | 'state'>): void {
  if (ticket.state !== 'done') {
    throw conflict('NOT_SERVED', `${ticket.number} 号还没有办理完成，办理完成后即可评价`, { ticketNumber: ticket.number, state: ticket.state });
  }
}

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
    private readonly queue: FastifyInstance['queue'],
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
    const ticket = await this.queue.get(input.ticketId);
    assertServed(ticket);
    const reasons = normaliseReasons(input.level, input.reasons);
    const comment = input.comment?.trim() || null;
    return this.record(ticket, { level: input.level, reasons, comment, channel: input.channel, source: 'person', personHash: input.personHash });
  }

  /**
   * A press on the window's keypad after 办结 (no screen there): a bad level is recorded at once with its reasons
   * marked as not given, so it is never lost and opens its follow-up; reasons can be added later (`addReasons`).
   */
  async rateFromWindowKeypad(ticketId: string, level: number): Promise<Evaluation> {
    const ticket = await this.queue.get(ticketId);
    assertServed(ticket);
    const pending = level < FIRST_GOOD_LEVEL;
    return this.record(ticket, { level, reasons: [], comment: null, channel: 'keypad', source: 'person', reasonsGiven: !pending });
  }

  /** Adds the reasons of a bad rating recorded without them; 409 REASONS_ALREADY_GIVEN otherwise. */
  async addReasons(evaluationId: string, reasons: readonly string[], comment?: string): Promise<Evaluation> {
    const list = normaliseReasons(1, reasons);
    const view = await this.db.tx(async (q) => {
      const row = await repo.ratingById(q, evaluationId);
      if (!row) throw notFound('EVALUATION_NOT_FOUND', '没有这条评价');
      if (!(await repo.addReasons(q, evaluationId, JSON.stringify(list), comment?.trim() || null))) {
        throw conflict('REASONS_ALREADY_GIVEN', '这条评价的原因已经填写过了');
      }
      const updated = (await repo.ratingById(q, evaluationId))!;
      const e = repo.toEvaluation(updated, await repo.followUpOf(q, evaluationId));
      // Not yet delivered: the outbox carries the reasons; delivered already: the follow-up carries them on.
      await q.execute(`UPDATE upstream_outbox SET payload = $2 WHERE message_id = $1 AND state = 'pending'`, [
        evaluationId, this.ratingPayload(e, updated),
      ]);
      return e;
    });
    return view;
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
    r: {
      level: number; reasons: string[]; comment: string | null; channel: Channel; source: 'person' | 'default'; personHash?: string;
      reasonsGiven?: boolean;
    },
  ): Promise<Evaluation> {
    const now = this.clock.now();
    const ratedAt = now.toISOString();
    const ratedDate = serviceDate(now, this.ctx.timeZone);
    let evaluation: Evaluation;
    try {
      evaluation = await this.db.tx(async (q) => {
        if (await repo.ratingOfTicket(q, ticket.id)) throw alreadyRated(ticket);
        const personHash = r.personHash ?? (await repo.ticketPersonHash(q, ticket.id));
        // The window's 办件 record names the window, the staff member, the 事项 and the 办件编号.
        const service = await repo.serviceOfTicket(q, ticket.id);
        const staffId = service?.staff_id ?? null;
        const matterCode = service?.matter_code ?? null;
        const row: EvaluationRow = {
          id: randomUUID(), ticket_id: ticket.id, ticket_number: ticket.number, category_id: ticket.categoryId,
          category_name: ticket.categoryName, service_date: ticket.serviceDate, ticket_state: ticket.state,
          counter: service ? Number(service.counter) : ticket.counter, staff_id: staffId,
          staff_name: staffId && this.ctx.staffName(staffId), channel: r.channel, level: r.level,
          reasons: JSON.stringify(r.reasons), comment: r.comment, real_name: personHash ? 1 : 0, person_hash: personHash,
          source: r.source, kiosk_id: this.ctx.kioskId, rated_at: ratedAt, rated_date: ratedDate,
          matter_code: matterCode, matter_name: matterCode && this.ctx.matterName(matterCode),
          case_number: service?.case_number ?? null, reasons_given: r.reasonsGiven === false ? 0 : 1,
        };
        await repo.insertRating(q, row);
        const followUp = r.level < FIRST_GOOD_LEVEL ? await this.openFollowUp(q, row, ratedDate) : undefined;
        const view = repo.toEvaluation(row, followUp);
        await enqueue(q, { id: row.id, kind: 'rating', label: row.ticket_number, payload: this.ratingPayload(view, row) }, ratedAt);
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

  /** A follow-up's 差评工单 was closed (办结), in the caller's transaction. */
  async closeFollowUp(q: Queryable, followUpId: string, at: string, resolution: string | null): Promise<void> {
    await repo.closeFollowUp(q, followUpId, at, resolution);
  }

  /** Hall, 区划代码 and kiosk as every upstream message carries them. */
  hallFacts() {
    return { hallName: this.ctx.hallName, regionCode: this.ctx.regionCode, kioskId: this.ctx.kioskId };
  }

  /** The 办件 behind a rating: 事项 and 办件编号 as the window recorded them, 实施部门 from the catalogue. */
  serviceFacts(row: EvaluationRow): ServiceFacts {
    const matterCode = row.matter_code;
    return {
      caseNumber: row.case_number, matterCode, matterName: row.matter_name,
      department: matterCode ? this.ctx.matterDepartment(matterCode) : null,
    };
  }

  /** The rating's body as delivered: the standard body, mapped as configured (docs/UPSTREAM.md). */
  private ratingPayload(e: Evaluation, row: EvaluationRow): string {
    return JSON.stringify(applyMapping(ratingBody(e, this.serviceFacts(row), this.hallFacts()), this.ctx.mapping));
  }
}

export type RecordedInTx = (q: Queryable, evaluation: Evaluation, service: ServiceFacts) => Promise<void>;
