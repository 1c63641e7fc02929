import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { Shell } from './Shell';

/**
 * Home as HTML, rendered once at build time (vite.config.ts, `prerenderHome`) into `index.html`: the kiosk's
 * first screen is drawn from the HTML and the stylesheet before any script has run, and `main.tsx` hydrates it.
 * It is the shell with the store's defaults (no hall name yet, no clock, no scanner tile): the same tree the
 * page's first render makes, so hydration matches; what the daemon says (hall, devices, paper) arrives after it,
 * as it always has. Runs in Node only (Vite's SSR loader), never in the page.
 */
export function renderHome(): string {
  return renderToString(
    <StrictMode>
      <Shell />
    </StrictMode>,
  );
}
