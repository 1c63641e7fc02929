/**
 * A collection of V8's young generation at a moment the daemon chooses: when an ID card leaves the reader.
 *
 * Why: with a card read, the daemon allocates about 21 KB (the reply, the parsed text, the session, the event's
 * JSON), and the young generation is 1 MiB (`--max-semi-space-size=1`, scripts/build-daemon.mjs). So every few
 * dozen reads V8 collects it, at whatever allocation fills it. When that falls between a card's last reply byte
 * and `card.read` reaching the screen, the main thread pauses and V8's helper threads take the other core while
 * the browser needs it: most of the reads slower than 2 ms in the card bench had such a collection in them
 * (docs/PERFORMANCE.md, the card read path, «Fifth round»). Collected when the card is
 * taken away, the next read starts with an almost empty young generation, which the polls between two cards
 * (about 2 KB a poll) take tens of seconds to fill.
 *
 * Needs `gc` on the global object (node's `--expose-gc`, one of the daemon's flags); without it (the tests,
 * `npm run dev`) this does nothing and V8 collects as usual. Node has no other way to ask for a minor collection.
 */

/** After the card's removal has been sent: the collection must not delay `card.removed` to the screen. */
const AFTER_MS = 20;

let pending: NodeJS.Timeout | undefined;

/** Asks for one young-generation collection shortly; calls while one is pending are one. */
export function collectYoungSoon(): boolean {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') return false;
  if (pending) return true;
  pending = setTimeout(() => {
    pending = undefined;
    gc({ type: 'minor', execution: 'sync' });
  }, AFTER_MS);
  pending.unref();
  return true;
}
