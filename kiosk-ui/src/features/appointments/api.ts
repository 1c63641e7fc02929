import { get, post } from '@/shared/api/client';
import type { AppointmentView as Appointment, KioskBooking, SlotView as Slot } from '@daemon/appointments/types';
import type { Ticket } from '@daemon/queue/types';
export type { Appointment, KioskBooking, Slot, Ticket };

export interface BookingCalendar {
  categories: { id: string; name: string }[];
  dates: string[];
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
}

export interface CheckInReply {
  ticket: Ticket;
  appointment: Appointment;
  printError?: { code: string; message: string };
}

export const fetchCalendar = (signal?: AbortSignal) => get<BookingCalendar>('/api/appointments/calendar', signal);
export const fetchSlots = (categoryId: string, date: string, signal?: AbortSignal) =>
  get<{ slots: Slot[] }>(`/api/appointments/slots?categoryId=${encodeURIComponent(categoryId)}&date=${encodeURIComponent(date)}`, signal);
export const fetchAppointment = (code: string, signal?: AbortSignal) => get<{ appointment: Appointment }>(`/api/appointments/${encodeURIComponent(code)}`, signal);
export const bookAppointment = (body: { slotId: string; idNumber: string; name: string; phone: string }) => post<{ appointment: Appointment }>('/api/appointments', body);
export const cancelAppointment = (code: string, idNumber: string) => post<{ appointment: Appointment }>(`/api/appointments/${encodeURIComponent(code)}/cancel`, { idNumber });
export const checkIn = (body: { code: string } | { identitySessionId: string }, delivery: 'print' | 'screen') =>
  post<CheckInReply>('/api/appointments/check-in', { ...body, delivery });
/** A booking at the kiosk by the card on the reader; `print` puts the 预约凭条 on the ticket printer. */
export const bookByCard = (body: { slotId: string; identitySessionId: string; phone: string; delivery: 'print' | 'screen' }) =>
  post<KioskBooking>('/api/appointments/by-card', body);
/** 我的预约: the bookings still ahead of the person whose card is on the reader. */
export const fetchMine = (identitySessionId: string) => post<{ appointments: Appointment[] }>('/api/appointments/mine', { identitySessionId });
export const cancelByCard = (code: string, identitySessionId: string) =>
  post<{ appointment: Appointment }>(`/api/appointments/${encodeURIComponent(code)}/cancel`, { identitySessionId });
