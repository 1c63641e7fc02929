import { lazy, type ComponentType } from 'react';
import { displayPages } from '../features/display';
import { counterPages } from '../features/counter';
import { mobilePages } from '../features/mobile';
import { managePages } from '../features/manage';

// The phone page's rating panel comes with the 好差评 flow's chunk, loaded only by a phone that rates.
const RatingPanel = lazy(() => import('../features/evaluation').then((m) => ({ default: m.RatingPanel })));
// The phone's 办事指南 is the kiosk's own view of it, loaded only by a phone that scanned a 一次性告知单.
const GuideView = lazy(() => import('../features/guides/GuideView').then((m) => ({ default: m.GuideView })));
import { appointmentPages } from '../features/appointments';

/**
 * Full pages outside the kiosk shell, chosen by URL path: the hall display, a counter's page, the phone page
 * reached from a ticket's QR code. A feature adds `{ path: /^\/display$/, component }` here.
 */
export interface PageRoute {
  path: RegExp;
  component: ComponentType<{ match: RegExpMatchArray }>;
}

export const pages: PageRoute[] = [...displayPages, ...counterPages, ...managePages, ...mobilePages(RatingPanel, GuideView), ...appointmentPages];
