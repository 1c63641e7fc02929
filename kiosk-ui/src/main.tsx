import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, isKioskPath } from './app/App';
import { pageIsLive } from './app/early-tap';
import './styles.css';

// A kiosk has no context menu and no pinch zoom: a long press must not open browser chrome.
document.addEventListener('contextmenu', (e) => e.preventDefault());

const root = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// The kiosk's index.html carries home already drawn (app/prerender.tsx, at build time): React takes it over
// rather than drawing it again. From this call on React hears taps itself (and replays one made while it
// hydrates), so the catcher of early taps stands down. The full pages come in page.html, with an empty root.
if (isKioskPath() && root.firstElementChild) {
  pageIsLive();
  hydrateRoot(root, app);
} else {
  root.replaceChildren();
  createRoot(root).render(app);
}
