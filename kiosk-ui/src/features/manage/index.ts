import { createElement, lazy, Suspense } from 'react';

/**
 * The hall manager's console at /manage, loaded only when that path is opened (React.lazy): the kiosk's own
 * bundle does not carry it. Spread into `pages` in app/pages.ts.
 */
const ManagePage = lazy(() => import('./ManagePage'));

function ManageRoute() {
  return createElement(Suspense, { fallback: createElement('p', { className: 'mg-loading' }, '正在加载…') }, createElement(ManagePage));
}

export const managePages = [{ path: /^\/manage\/?$/, component: ManageRoute }];
