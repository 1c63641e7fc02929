import { lazy, Suspense } from 'react';
import { Shell } from './Shell';

/**
 * The full pages (hall display, counter, manager, phone pages), chosen by path. The table and every page's code
 * come as their own chunk, loaded only on a path other than the kiosk's `/`: the kiosk's first screen downloads
 * none of it (issue 11 #14). A path no page claims falls back to the kiosk shell.
 */
const FullPage = lazy(() =>
  import('./pages').then(({ pages }) => {
    for (const page of pages) {
      const match = location.pathname.match(page.path);
      if (match) return { default: () => <page.component match={match} /> };
    }
    return { default: Shell };
  }),
);

/** The kiosk itself (the shell and home) rather than a full page. */
export const isKioskPath = () => location.pathname === '/' || location.pathname === '/index.html';

export function App() {
  if (isKioskPath()) return <Shell />;
  // The page's own background shows while its chunk loads.
  return (
    <Suspense fallback={null}>
      <FullPage />
    </Suspense>
  );
}
