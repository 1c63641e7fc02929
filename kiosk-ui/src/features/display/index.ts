import { lazy } from 'react';

/**
 * The hall display page at /display, spread into `pages` in app/pages.ts. Loaded on demand: the kiosk's first
 * screen must not download the display's code (issue 11, first screen).
 */
const DisplayPage = lazy(() => import('./DisplayPage').then((m) => ({ default: m.DisplayPage })));
export const displayPages = [{ path: /^\/display\/?$/, component: DisplayPage }];
