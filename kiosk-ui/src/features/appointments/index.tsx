import type { ScreenComponents } from '@/shared/store';
import { CheckInScreen, type CheckInParams } from './CheckInScreen';
import { BookScreen } from './BookScreen';
import { BookedScreen, type BookedParams } from './BookedScreen';
import { BookingPage } from './BookingPage';

/** The 预约签到 flow's screens (merged into ScreenParams by app/screens.ts). */
export interface AppointmentScreenParams {
  'appointments.checkIn': CheckInParams | undefined;
  /** 预约 at the kiosk: card, 事项 category, day and slot, phone. */
  'appointments.book': undefined;
  'appointments.booked': BookedParams;
}

export const appointmentScreens: ScreenComponents<AppointmentScreenParams> = {
  'appointments.checkIn': CheckInScreen,
  'appointments.book': BookScreen,
  'appointments.booked': BookedScreen,
};

/** The phone pages: booking at /m/book, one booking (its code and QR) at /m/a/<code>. */
export const appointmentPages = [
  { path: /^\/m\/book\/?$/, component: () => <BookingPage /> },
  { path: /^\/m\/a\/([2-9A-HJ-NP-Za-hj-np-z]{8})\/?$/, component: ({ match }: { match: RegExpMatchArray }) => <BookingPage code={match[1]!.toUpperCase()} /> },
];
