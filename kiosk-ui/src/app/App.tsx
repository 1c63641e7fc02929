import { Suspense } from 'react';
import { Shell } from './Shell';
import { pages } from './pages';

/** Picks a full page by path (hall display, counter, phone) or the kiosk shell. */
export function App() {
  for (const page of pages) {
    const match = location.pathname.match(page.path);
    // Pages are loaded on demand (their own chunks); the page's own background shows meanwhile.
    if (match)
      return (
        <Suspense fallback={null}>
          <page.component match={match} />
        </Suspense>
      );
  }
  return <Shell />;
}
