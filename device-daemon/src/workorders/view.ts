import { LEVEL_NAMES } from '../core/rating-levels';
import type { StaffBadge } from '../staff/types';
import type { StepRecord, Workorder, WorkorderRow } from './types';

function step(at: string | null, by: string | null, text: string | null): StepRecord | undefined {
  if (!at || !by) return undefined;
  const staff = JSON.parse(by) as StaffBadge;
  return { at, staffId: staff.id, staffName: staff.name, text };
}

/** A 工单 row as the console shows it: never the sealed phone, only its masked form. */
export function toWorkorder(r: WorkorderRow, today: string): Workorder {
  const steps: Workorder['steps'] = {};
  const verified = step(r.verified_at, r.verified_by, r.verification);
  const rectified = step(r.rectified_at, r.rectified_by, r.rectification);
  const replied = step(r.replied_at, r.replied_by, r.reply);
  const closed = step(r.closed_at, r.closed_by, r.closing_note);
  if (verified) steps.verified = verified;
  if (rectified) steps.rectified = rectified;
  if (replied) steps.replied = replied;
  if (closed) steps.closed = closed;
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    ticketId: r.ticket_id,
    ticketNumber: r.ticket_number,
    level: Number(r.level),
    levelName: LEVEL_NAMES[Number(r.level)]!,
    reasons: JSON.parse(r.rating_reasons ?? r.reasons) as string[],
    channel: r.channel,
    realName: Boolean(Number(r.real_name)),
    window: r.counter === null ? null : Number(r.counter),
    staffId: r.staff_id,
    staffName: r.staff_name,
    caseNumber: r.case_number,
    matterCode: r.matter_code,
    matterName: r.matter_name,
    openedAt: r.opened_at,
    dueDate: r.due_date,
    state: r.state,
    // Overdue: still open after its due date; a closed one stays marked when it was closed late.
    overdue: r.state === 'closed' ? (r.closed_at ?? '').slice(0, 10) > r.due_date : r.due_date < today,
    steps,
    repliedTo: r.replied_to,
    rater: { nameMasked: r.rater_name_masked, phoneMasked: r.phone_masked, consent: r.consent_at !== null },
  };
}
