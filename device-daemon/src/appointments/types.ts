import type { Static } from 'typebox';
import type { appointmentSchema, kioskBookingSchema, slotSchema } from './schemas';

export type AppointmentState = 'booked' | 'cancelled' | 'checked-in' | 'no-show';
export type AppointmentSource = 'phone' | 'kiosk' | 'integration';
export type NotificationKind = 'confirmed' | 'reminder' | 'near' | 'missed' | 'cancelled';

/** An appointment as the API shows it: masked fields only (schemas.ts). */
export type AppointmentView = Static<typeof appointmentSchema>;
export type SlotView = Static<typeof slotSchema>;
/** A booking made at the kiosk: the appointment, and whether its 预约凭条 came out of the printer. */
export type KioskBooking = Static<typeof kioskBookingSchema>;

export interface AppointmentRow {
  id: string;
  code: string;
  slot_id: string;
  category_id: string;
  service_date: string;
  start_time: string;
  end_time: string;
  state: AppointmentState;
  source: AppointmentSource;
  external_id: string | null;
  person_hash: string | null;
  id_masked: string | null;
  name_masked: string | null;
  phone_sealed: string | null;
  phone_masked: string | null;
  ticket_id: string | null;
  ticket_number: string | null;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
}

export interface NotificationRow {
  id: string;
  appointment_id: string;
  kind: NotificationKind;
  phone_sealed: string | null;
  text: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  leased_until: string | null;
  last_error: string | null;
}
