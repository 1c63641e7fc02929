/** A help request (帮办代办) from a kiosk: where and when, who took it; nothing about the person but the 关爱模式 flag. */
export type HelpState = 'open' | 'taken' | 'closed';

/** How a request ended: staff helped, or the person left before (the kiosk went home). */
export type HelpOutcome = 'helped' | 'left';

export interface HelpRequest {
  id: string;
  kioskId: string;
  /** The screen the person was on (`scan`, `queue.categories`…), so staff know what they are stuck with. */
  screen: string;
  /** Raised in 关爱模式 (an elderly or disabled person, most likely). */
  elder: boolean;
  state: HelpState;
  requestedAt: string;
  takenAt: string | null;
  takenBy: { id: string; name: string } | null;
  /** The window the helper came from, when taken at a counter page. */
  takenAtCounter: number | null;
  closedAt: string | null;
  outcome: HelpOutcome | null;
}

export interface HelpRow {
  id: string;
  kiosk_id: string;
  screen: string;
  elder: number;
  state: HelpState;
  requested_at: string;
  taken_at: string | null;
  taken_by: string | null;
  taken_counter: number | null;
  closed_at: string | null;
  closed_by: string | null;
  outcome: HelpOutcome | null;
}

/** A staff-issued 绿色通道 ticket on record: which ticket, who issued it (工号, or `window-<n>` for a window PC's token) and why. */
export interface PriorityGrant {
  ticketId: string;
  number: string;
  categoryId: string;
  serviceDate: string;
  issuedBy: { id: string; name: string | null };
  reason: string;
  issuedAt: string;
}
