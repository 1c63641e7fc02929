import type { ComponentType } from 'react';
import { displayPages } from '../features/display';
import { counterPages } from '../features/counter';
import { mobilePages } from '../features/mobile';
import { RatingPanel } from '../features/evaluation';
import { appointmentPages } from '../features/appointments';

/**
 * Full pages outside the kiosk shell, chosen by URL path: the hall display, a counter's page, the phone page
 * reached from a ticket's QR code. A feature adds `{ path: /^\/display$/, component }` here.
 */
export interface PageRoute {
  path: RegExp;
  component: ComponentType<{ match: RegExpMatchArray }>;
}

export const pages: PageRoute[] = [...displayPages, ...counterPages, ...mobilePages(RatingPanel), ...appointmentPages];
