import { DisplayPage } from './DisplayPage';

/** The hall display page at /display, spread into `pages` in app/pages.ts. */
export const displayPages = [{ path: /^\/display\/?$/, component: DisplayPage }];
