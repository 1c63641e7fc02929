import type { WorkorderStep } from '../evaluation/types';

/** States of a 差评工单, in order: each step moves it one on; 办结 (closed) ends it. */
export const STATES = ['open', 'verified', 'rectified', 'replied', 'closed'] as const;
export type WorkorderState = (typeof STATES)[number];

/** The step a manager records, the state it leads to and the state it must come from. */
export const STEPS = {
  verify: { from: ['open'], to: 'verified', name: '核实', cols: { at: 'verified_at', by: 'verified_by', text: 'verification' } },
  rectify: { from: ['verified'], to: 'rectified', name: '整改', cols: { at: 'rectified_at', by: 'rectified_by', text: 'rectification' } },
  reply: { from: ['rectified'], to: 'replied', name: '回复', cols: { at: 'replied_at', by: 'replied_by', text: 'reply' } },
  // A 实名 差评 is closed only once answered (实名差评100%回复); an anonymous one has nobody to answer.
  close: { from: ['replied', 'rectified'], to: 'closed', name: '办结', cols: { at: 'closed_at', by: 'closed_by', text: 'closing_note' } },
} as const satisfies Record<string, { from: readonly WorkorderState[]; to: WorkorderStep & WorkorderState; name: string; cols: { at: string; by: string; text: string } }>;
export type StepName = keyof typeof STEPS;

export type WorkorderFilter = 'open' | 'overdue' | 'closed' | 'all';

export interface StepRecord {
  at: string;
  staffId: string;
  staffName: string;
  text: string | null;
}

/** A 差评工单 as the manager's console shows it: the phone only masked, the rater only by masked name. */
export interface Workorder {
  id: string;
  evaluationId: string;
  ticketId: string;
  ticketNumber: string;
  level: number;
  levelName: string;
  reasons: string[];
  channel: string;
  realName: boolean;
  window: number | null;
  staffId: string | null;
  staffName: string | null;
  caseNumber: string | null;
  matterCode: string | null;
  matterName: string | null;
  openedAt: string;
  dueDate: string;
  state: WorkorderState;
  overdue: boolean;
  steps: Partial<Record<'verified' | 'rectified' | 'replied' | 'closed', StepRecord>>;
  repliedTo: string | null;
  rater: { nameMasked: string | null; phoneMasked: string | null; consent: boolean };
}

export interface WorkorderRow {
  id: string;
  evaluation_id: string;
  ticket_id: string;
  ticket_number: string;
  level: number;
  /** The reasons when the 工单 opened; `rating_reasons` are the rating's reasons now (added later from a keypad). */
  reasons: string;
  rating_reasons: string;
  channel: string;
  real_name: number;
  counter: number | null;
  staff_id: string | null;
  staff_name: string | null;
  case_number: string | null;
  matter_code: string | null;
  matter_name: string | null;
  department: string | null;
  opened_at: string;
  due_date: string;
  state: WorkorderState;
  verified_at: string | null;
  verified_by: string | null;
  verification: string | null;
  rectified_at: string | null;
  rectified_by: string | null;
  rectification: string | null;
  replied_at: string | null;
  replied_by: string | null;
  reply: string | null;
  replied_to: string | null;
  closed_at: string | null;
  closed_by: string | null;
  closing_note: string | null;
  rater_name_masked: string | null;
  phone_sealed: string | null;
  phone_masked: string | null;
  consent_at: string | null;
}
