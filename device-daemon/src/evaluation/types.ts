export { FIRST_GOOD_LEVEL, LEVEL_NAMES } from '../core/rating-levels';

/** Channels a person rates through; `system` is the 7-day default rule. */
export type PersonChannel = 'keypad' | 'kiosk' | 'qr';
export type Channel = PersonChannel | 'system';

export interface RateInput {
  ticketId: string;
  level: number;
  reasons?: string[];
  comment?: string;
  channel: PersonChannel;
  /** Keyed hash of the rater's ID number when they identified with a card at the kiosk. */
  personHash?: string;
}

/** A rating as the API shows it. `realName` says a person was identified; the hash itself never leaves. */
export interface Evaluation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  categoryId: string;
  categoryName: string;
  serviceDate: string;
  window: number | null;
  staffId: string | null;
  staffName: string | null;
  channel: Channel;
  level: number;
  levelName: string;
  reasons: string[];
  comment: string | null;
  realName: boolean;
  source: 'person' | 'default';
  kioskId: string | null;
  ratedAt: string;
  /** The 事项 and 办件编号 of the service, as the window recorded them at 办结; null when not given. */
  matterCode: string | null;
  matterName: string | null;
  caseNumber: string | null;
  /**
   * False for a 不满意 / 非常不满意 pressed on a window keypad with no screen: recorded at once, never lost, its
   * reasons added afterwards (`POST /api/evaluations/:id/reasons`) from the phone page or the kiosk.
   */
  reasonsGiven: boolean;
  followUp: { id: string; dueDate: string } | null;
}

export interface EvaluationRow {
  id: string;
  ticket_id: string;
  ticket_number: string;
  category_id: string;
  category_name: string;
  service_date: string;
  ticket_state: string;
  counter: number | null;
  staff_id: string | null;
  staff_name: string | null;
  channel: Channel;
  level: number;
  reasons: string;
  comment: string | null;
  real_name: number;
  person_hash: string | null;
  source: 'person' | 'default';
  kiosk_id: string | null;
  rated_at: string;
  rated_date: string;
  matter_code: string | null;
  matter_name: string | null;
  case_number: string | null;
  reasons_given: number;
}

/** A message kind in the one upstream outbox: a rating, or a step of a 差评工单. */
export type OutboxKind = 'rating' | 'workorder';

export interface OutboxRow {
  /** The Idempotency-Key: the rating id, or `<工单 id>:<step>`. */
  message_id: string;
  kind: OutboxKind;
  /** What a technician recognises: the ticket number (and the 工单 step). */
  label: string;
  payload: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  leased_until: string | null;
  last_error: string | null;
  delivered_at: string | null;
  dead_at: string | null;
}

/** An invitation to rate one ticket (the kiosk's screen, and the keypad where one is fitted). */
export type KeypadInvite = 'invited' | 'not-fitted' | 'offline';

export interface Invitation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  keypad: KeypadInvite;
  /** End of the keypad's window; null when no keypad was invited. */
  expiresAt: string | null;
  /** Set when a window invited its own keypad at 办结: the window, its staff member and the 办件编号. */
  window?: { counter: number; staffId: string | null; caseNumber: string | null };
}

/* Standard bodies delivered upstream (upstream/body.ts, docs/UPSTREAM.md): their parts other features share. */

/** Rater data: only with the rater's consent and `evaluation.upstream.raterData` (Guangdong). */
export interface RaterData {
  nameMasked: string | null;
  phone: string | null;
}

export interface HallFacts {
  hallName: string;
  regionCode: string | null;
  kioskId: string;
}

/** What a rating knows of the service behind it; the 办件 fields are null where the window did not record them. */
export interface ServiceFacts {
  caseNumber: string | null;
  matterCode: string | null;
  matterName: string | null;
  department: string | null;
}

/** One step of a 差评工单: opened, 核实 (verified), 整改 (rectified), 回复 (replied), closed. */
export type WorkorderStep = 'opened' | 'verified' | 'rectified' | 'replied' | 'closed';

export interface WorkorderBody extends ServiceFacts, HallFacts {
  messageType: 'workorder';
  workorderId: string;
  ratingId: string;
  ticketNumber: string;
  level: number;
  /** The rating's reasons as they stand (a keypad 差评's reasons may come after it was delivered). */
  reasons: string[];
  step: WorkorderStep;
  /** The step's text: the 核实 result, the 整改 taken, the 回复 given, the closing note. */
  text: string | null;
  at: string;
  staffId: string | null;
  staffName: string | null;
  dueDate: string;
  overdue: boolean;
  rater?: RaterData;
}
