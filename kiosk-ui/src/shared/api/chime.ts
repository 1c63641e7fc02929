import { useEvent } from './use-event';

/** A short two-tone chime made by the Web Audio API (no audio file to ship). Silent without an audio device. */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    [880, 660].forEach((f, i) => {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = f;
      g.gain.value = 0.2;
      o.connect(g).connect(ctx.destination);
      o.start(ctx.currentTime + i * 0.25);
      o.stop(ctx.currentTime + i * 0.25 + 0.2);
    });
  } catch {
    // no audio device: the list on the page still shows the request
  }
}

/** Rings on every new 帮办 request (`help.requested`, relayed hall-wide): staff hear it while looking elsewhere. */
export function useHelpChime(): void {
  useEvent('help.requested', () => chime());
}
