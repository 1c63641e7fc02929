import { lazy } from 'react';

/** The window staff's page at /counter/<n>, spread into `pages` in app/pages.ts; loaded on demand. */
const CounterPage = lazy(() => import('./CounterPage').then((m) => ({ default: m.CounterPage })));
export const counterPages = [{ path: /^\/counter\/(\d{1,3})\/?$/, component: CounterPage }];
