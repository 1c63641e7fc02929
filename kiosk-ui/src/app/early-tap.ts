import type { EntryScreen } from '@/shared/store';

/**
 * What the inline script of index.html did before the kiosk's script ran: taps kept, the kiosk's facts asked for.
 *
 * Taps on home's tiles before the kiosk's script has run. Home is drawn from the HTML (app/prerender.tsx) while
 * the script still loads; a person who taps «取号» then must not be ignored. The inline script in index.html
 * remembers the last tile tapped (its `data-screen`) and the other buttons tapped (`data-tap`) until `pageIsLive()`;
 * from then on React hears taps itself. The shell makes those taps again and opens the remembered screen once it is
 * mounted.
 */
interface EarlyTap {
  screen: string | null;
  /** `data-tap` of other buttons tapped, in order: «关爱模式» (`elder`), «呼叫帮办» (`help`). */
  taps: string[];
  live: boolean;
}

const early = (): EarlyTap | undefined => (window as unknown as { __kioskEarlyTap?: EarlyTap }).__kioskEarlyTap;

/** Called just before hydration begins: React's own listeners take over. */
export function pageIsLive(): void {
  const tap = early();
  if (tap) tap.live = true;
}

/** The screen of a tile tapped before the page was live, once; nothing if none (or no catcher: page.html). */
export function takeEarlyTap(): EntryScreen | undefined {
  const tap = early();
  const screen = tap?.screen;
  if (tap) tap.screen = null;
  return (screen ?? undefined) as EntryScreen | undefined;
}

/**
 * Makes again the taps on home's other buttons (`data-tap`: «关爱模式», «呼叫帮办») made before the page was live,
 * in order, on the same buttons now that React hears them, once; then calls `then`. Each in a task of its own, so
 * each sees what the one before did («呼叫帮办» after «关爱模式» says the person asked for 关爱模式).
 */
export function replayEarlyTaps(then: () => void): void {
  const tap = early();
  const taps = tap?.taps ?? [];
  if (tap) tap.taps = [];
  if (taps.length === 0) return then();
  const next = (i: number) =>
    setTimeout(() => {
      if (i === taps.length) return then();
      document.querySelector<HTMLElement>(`.home [data-tap="${CSS.escape(taps[i]!)}"]`)?.click();
      next(i + 1);
    });
  next(0);
}

/**
 * The answer to `/api/kiosk` the inline script asked for while the page loaded, once; undefined if there is none
 * (page.html, or already taken). A failed early request is asked again by the caller, with its own handling.
 */
export function takeEarlyInfo<T>(): Promise<T> | undefined {
  const holder = window as unknown as { __kioskEarlyInfo?: Promise<T> };
  const early = holder.__kioskEarlyInfo;
  holder.__kioskEarlyInfo = undefined;
  return early;
}
