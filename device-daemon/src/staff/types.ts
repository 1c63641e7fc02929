/** What a staff member may do: serve at a window (窗口), or manage (差评工单, statistics). */
export type StaffRole = 'window' | 'manager';

/** A configured staff member (工作人员). The PIN is kept only as its scrypt hash and never leaves `staff/`. */
export interface StaffMember {
  /** 工号, shown publicly at the window (公示). */
  id: string;
  name: string;
  department?: string;
  roles: StaffRole[];
}

/** The public face of a staff member: what the display, the counter page and a rating carry. */
export interface StaffBadge {
  id: string;
  name: string;
}

/** The hall's staff directory, `app.staff`. */
export interface StaffDirectory {
  get(id: string): StaffMember | undefined;
  list(): StaffMember[];
  /**
   * Checks 工号 + PIN for a role. Throws `STAFF_PIN_WRONG` (401) for an unknown 工号 or a wrong PIN alike,
   * `STAFF_ROLE_MISSING` (403) when the PIN is right but the role is not held, `STAFF_LOCKED` (429) after too
   * many failures for that 工号.
   */
  verify(staffId: string, pin: string, role: StaffRole): Promise<StaffMember>;
}
