/**
 * The technicians' hidden gesture: five taps in the top-left corner within three seconds. The maintenance
 * feature registers what happens then with `cornerGesture.onTriggered`.
 */
const TAPS = 5;
const WINDOW_MS = 3000;

let taps: number[] = [];
let handler: (() => void) | undefined;

export const cornerGesture = {
  tap(): void {
    const now = Date.now();
    taps = [...taps.filter((t) => now - t < WINDOW_MS), now];
    if (taps.length >= TAPS) {
      taps = [];
      handler?.();
    }
  },
  onTriggered(h: () => void): void {
    handler = h;
  },
};
