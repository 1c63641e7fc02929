import type { ScreenComponents } from '@/shared/store';
import { CheckInScreen } from './CheckInScreen';
import { BookingPage } from './BookingPage';

/** The 预约签到 flow's screens (merged into ScreenParams by app/screens.ts). */
export interface AppointmentScreenParams {
  'appointments.checkIn': undefined;
}

export const appointmentScreens: ScreenComponents<AppointmentScreenParams> = {
  'appointments.checkIn': CheckInScreen,
};

/** The phone pages: booking at /m/book, one booking (its code and QR) at /m/a/<code>. */
export const appointmentPages = [
  { path: /^\/m\/book\/?$/, component: () => <BookingPage /> },
  { path: /^\/m\/a\/([2-9A-HJ-NP-Za-hj-np-z]{8})\/?$/, component: ({ match }: { match: RegExpMatchArray }) => <BookingPage code={match[1]!.toUpperCase()} /> },
];
