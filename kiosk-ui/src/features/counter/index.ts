import { CounterPage } from './CounterPage';

/** The window staff's page at /counter/<n>, spread into `pages` in app/pages.ts. */
export const counterPages = [{ path: /^\/counter\/(\d{1,3})\/?$/, component: CounterPage }];
