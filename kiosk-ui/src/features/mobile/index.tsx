import { lazy } from 'react';
import type { RatingPanelComponent } from './MobileTicketPage';
import type { GuideViewComponent } from './MobileGuidePage';

/** Loaded on demand: a phone downloads only this page's code, and the kiosk never does. */
const MobileTicketPage = lazy(() => import('./MobileTicketPage').then((m) => ({ default: m.MobileTicketPage })));
const MobileGuidePage = lazy(() => import('./MobileGuidePage').then((m) => ({ default: m.MobileGuidePage })));

/**
 * The phone pages, spread into `pages` in app/pages.ts with what other features draw:
 * `...mobilePages(RatingPanel, GuideView)`. /m/t/<ticketId> is the ticket's QR code (queue state, rating);
 * /m/g/<code> the 一次性告知单's (the 事项's 办事指南).
 */
export function mobilePages(RatingPanel: RatingPanelComponent, GuideView: GuideViewComponent) {
  return [
    { path: /^\/m\/t\/([A-Za-z0-9-]{1,64})\/?$/, component: ({ match }: { match: RegExpMatchArray }) => <MobileTicketPage match={match} RatingPanel={RatingPanel} /> },
    { path: /^\/m\/g\/([A-Za-z0-9-]{1,40})\/?$/, component: ({ match }: { match: RegExpMatchArray }) => <MobileGuidePage match={match} GuideView={GuideView} /> },
  ];
}
