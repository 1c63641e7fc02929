import { Shell } from './Shell';
import { pages } from './pages';

/** Picks a full page by path (hall display, counter, phone) or the kiosk shell. */
export function App() {
  for (const page of pages) {
    const match = location.pathname.match(page.path);
    if (match) return <page.component match={match} />;
  }
  return <Shell />;
}
