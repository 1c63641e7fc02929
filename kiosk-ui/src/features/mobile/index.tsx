import { lazy } from 'react';
import type { RatingPanelComponent } from './MobileTicketPage';

/** Loaded on demand: a phone downloads only this page's code, and the kiosk never does. */
const MobileTicketPage = lazy(() => import('./MobileTicketPage').then((m) => ({ default: m.MobileTicketPage })));

/**
 * The phone page at /m/t/<ticketId> (the ticket's QR code), spread into `pages` in app/pages.ts with the
 * rating panel of the evaluation feature: `...mobilePages(RatingPanel)`.
 */
export function mobilePages(RatingPanel: RatingPanelComponent) {
  return [{ path: /^\/m\/t\/([A-Za-z0-9-]{1,64})\/?$/, component: ({ match }: { match: RegExpMatchArray }) => <MobileTicketPage match={match} RatingPanel={RatingPanel} /> }];
}
