import type { Db, Queryable } from '../store/db';
import type { Clock } from '../core/clock';
import type { Sealer } from '../core/crypto/sealed';
import type { StaffBadge } from '../staff/types';
import type { FastifyInstance } from 'fastify';
import type { Evaluation } from '../evaluation/types';
import type { RaterData, ServiceFacts, WorkorderBody, WorkorderStep } from '../evaluation/types';
import { badRequest, conflict, notFound } from '../core/errors';
import { serviceDate } from '../core/hall-time';
import * as repo from './repository';
import { toWorkorder } from './view';
import { STEPS, type StepName, type Workorder, type WorkorderFilter, type WorkorderRow } from './types';

/** What the sealed phone is bound to: a phone sealed for a 工单 opens as nothing else. */
export const PHONE_CONTEXT = 'workorder-rater-phone';

export interface WorkorderContext {
  timeZone: string;
  /** `evaluation.upstream.raterData`: rater data may go upstream when the rater consented. */
  raterDataUpstream: boolean;
  retentionDays: number;
  /** A sealed phone could not be opened (logged by code only, never the value). */
  sealFailed(code: string): void;
  /** After a commit: publish, wake the sender. */
  changed(w: Workorder, step: WorkorderStep): void;
}

/** Mainland mobile numbers: 11 digits from 1[3-9]. */
const PHONE = /^1[3-9]\d{9}$/;
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/**
 * 差评工单: opened in the transaction of its 不满意 / 非常不满意 rating, then 核实 -> 整改 -> 回复 -> 办结 by
 * managers, each step with date and staff and delivered upstream through the rating outbox in its own
 * transaction; overdue when not closed after its due date (working days, set at opening).
 */
export class WorkorderService {
  constructor(
    private readonly db: Db,
    private readonly evaluations: FastifyInstance['evaluations'],
    private readonly sealer: Sealer,
    private readonly clock: Clock,
    private readonly ctx: WorkorderContext,
  ) {}

  today(): string {
    return serviceDate(this.clock.now(), this.ctx.timeZone);
  }

  /** In the rating's transaction (EvaluationService.onRecordedInTx): a rating with a follow-up opens its 工单. */
  async openFor(q: Queryable, e: Evaluation, service: ServiceFacts): Promise<void> {
    if (!e.followUp) return;
    const row = {
      id: e.followUp.id, evaluation_id: e.id, ticket_id: e.ticketId, ticket_number: e.ticketNumber, level: e.level,
      reasons: JSON.stringify(e.reasons), channel: e.channel, real_name: e.realName ? 1 : 0, counter: e.window,
      staff_id: e.staffId, staff_name: e.staffName, case_number: service.caseNumber, matter_code: service.matterCode,
      matter_name: service.matterName, department: service.department, opened_at: e.ratedAt, due_date: e.followUp.dueDate,
      state: 'open' as const,
    };
    await repo.insert(q, row);
    await this.enqueue(q, (await repo.byId(q, row.id))!, 'opened', { at: e.ratedAt, staff: null, text: null });
  }

  async list(filter: WorkorderFilter): Promise<Workorder[]> {
    const today = this.today();
    return (await repo.list(this.db, filter, today, 1000)).map((r) => toWorkorder(r, today));
  }

  async get(id: string): Promise<Workorder> {
    return toWorkorder(await this.row(this.db, id), this.today());
  }

  /** A manager records 核实, 整改, 回复 or 办结. `to` names whom a 回复 answered (required for a 实名 差评). */
  async step(id: string, name: StepName, staff: StaffBadge, text: string | undefined, to?: string): Promise<Workorder> {
    const step = STEPS[name];
    const clean = text?.trim() || null;
    if (name !== 'close' && !clean) throw badRequest('STEP_TEXT_REQUIRED', `请填写${step.name}内容`, { field: 'text' });
    const at = this.clock.now().toISOString();
    const row = await this.db.tx(async (q) => {
      const before = await this.row(q, id);
      const from: readonly string[] = name === 'close' && before.real_name ? ['replied'] : step.from;
      if (name === 'reply' && before.real_name && !to?.trim()) {
        throw badRequest('REPLY_TO_REQUIRED', '实名差评须写明回复对象', { field: 'to' });
      }
      const ok = await repo.advance(q, id, from as never, step.to, step.cols, { at, by: JSON.stringify(staff), text: clean });
      if (!ok) throw conflict('WORKORDER_STEP_NOT_ALLOWED', `工单当前状态不能${step.name}`, { state: before.state });
      if (name === 'reply') await repo.setRepliedTo(q, id, to?.trim() || null);
      if (name === 'close') await this.evaluations.closeFollowUp(q, id, at, clean);
      const after = (await this.row(q, id))!;
      await this.enqueue(q, after, step.to, { at, staff, text: clean });
      return after;
    });
    const view = toWorkorder(row, this.today());
    this.ctx.changed(view, step.to);
    return view;
  }

  /**
   * The rater of a 实名 差评 leaves a phone number for the reply, with consent: kept sealed, shown masked.
   * `nameMasked` comes from the card session at the kiosk when there is one.
   */
  async leaveContact(ticketId: string, phone: string, consent: boolean, nameMasked: string | null): Promise<Workorder> {
    if (!consent) throw badRequest('CONSENT_REQUIRED', '请先同意留下联系电话', { field: 'consent' });
    if (!PHONE.test(phone)) throw badRequest('PHONE_INVALID', '请输入11位手机号码', { field: 'phone' });
    const row = await repo.byTicket(this.db, ticketId);
    if (!row) throw notFound('WORKORDER_NOT_FOUND', '这个号码没有待处理的差评');
    if (!row.real_name) throw conflict('REAL_NAME_REQUIRED', '实名评价后才能留下联系电话');
    if (row.state === 'closed') throw conflict('WORKORDER_CLOSED', '该差评已办结');
    const at = this.clock.now().toISOString();
    await repo.setContact(this.db, row.id, { sealed: this.sealer.seal(phone, PHONE_CONTEXT), masked: maskPhone(phone), nameMasked, at });
    return this.get(row.id);
  }

  /** Retention: contact data of 工单 closed more than `retentionDays` ago is erased. Returns how many. */
  async applyRetention(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.ctx.retentionDays * 86_400_000).toISOString();
    return repo.eraseContactsClosedBefore(this.db, cutoff);
  }

  private async row(q: Queryable, id: string): Promise<WorkorderRow> {
    const row = await repo.byId(q, id);
    if (!row) throw notFound('WORKORDER_NOT_FOUND', '没有这个工单');
    return row;
  }

  /** One upstream message per step, keyed `<工单 id>:<step>`, written in the step's transaction. */
  private async enqueue(q: Queryable, r: WorkorderRow, step: WorkorderStep, s: { at: string; staff: StaffBadge | null; text: string | null }) {
    const body: WorkorderBody = {
      messageType: 'workorder', workorderId: r.id, ratingId: r.evaluation_id, ticketNumber: r.ticket_number,
      level: Number(r.level), reasons: JSON.parse(r.rating_reasons ?? r.reasons) as string[], step, text: s.text, at: s.at, staffId: s.staff?.id ?? null, staffName: s.staff?.name ?? null,
      dueDate: r.due_date, overdue: r.state !== 'closed' ? r.due_date < this.today() : (r.closed_at ?? '').slice(0, 10) > r.due_date,
      caseNumber: r.case_number, matterCode: r.matter_code, matterName: r.matter_name, department: r.department,
      ...this.evaluations.hallFacts(),
    };
    const rater = this.raterData(r);
    if (rater) body.rater = rater;
    await this.evaluations.enqueueUpstream(q, { id: `${r.id}:${step}`, kind: 'workorder', label: `${r.ticket_number} ${step}`, body }, s.at);
  }

  private raterData(r: WorkorderRow): RaterData | undefined {
    if (!this.ctx.raterDataUpstream || !r.consent_at) return undefined;
    let phone: string | null = null;
    try {
      phone = r.phone_sealed ? this.sealer.unseal(r.phone_sealed, PHONE_CONTEXT) : null;
    } catch (err) {
      // Sealed by a daemon whose key ring this one lacks (hall-wide mode without the shared key file): the step
      // is still recorded and reported, only without the phone.
      this.ctx.sealFailed((err as { code?: string }).code ?? 'SEAL_FAILED');
    }
    return { nameMasked: r.rater_name_masked, phone };
  }
}
