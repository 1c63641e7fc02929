/** Levels fixed by policy (reference/hall.md, GB/T 39734): 5 is best. */
export const LEVEL_NAMES: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

/** Below this level a rating is bad: it needs a reason and opens a follow-up. */
export const FIRST_GOOD_LEVEL = 3;

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
