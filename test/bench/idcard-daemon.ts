/**
 * The card bench's daemon in a process of its own (idcard.ts), as a kiosk runs it: nothing of the bench runs in
 * it, so what its collector and compiler threads do is the daemon's own work. Builds the app from the
 * configuration JSON in KIOSK_BENCH_CONFIG (a simulated reader), listens on 127.0.0.1 and an ephemeral port, and
 * prints `port <n>`. Commands on stdin, one a line:
 * - `put` / `remove`: a card on the simulated reader and off it, as its scripting API (/api/sim/idReader) does,
 *   but called directly: an HTTP request or `inject` a read would put work in the daemon that no kiosk's read has;
 * - `bare`: publishes a `device.state` event with nothing of the card's path in it;
 * - `report`: prints one JSON line with what was stamped since the last report, and forgets it:
 *   `lastByteAt` (the last byte of the read reply at the host), `published` (card.read handed to the bus),
 *   `idle` (how long the clients had had no event then, ms) and `bare` (each bare event's publish).
 * Stamps are ms of CLOCK_MONOTONIC, the clock the client process stamps with. They are printed only when asked,
 * after the client has had its event, so the report's own work never falls inside a measured interval.
 * It exits when stdin closes or after 15 minutes whatever happens.
 */
import { buildApp } from '../../device-daemon/src/app';
import { IdCardSimulator } from '../../device-daemon/src/devices/idcard/sim/simulator';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { benchConfig, serveCommands } from './config';

/** performance.now() -> CLOCK_MONOTONIC (process.hrtime), both ms: a constant offset within a process. */
const MONOTONIC_AT_ZERO = Number(process.hrtime.bigint()) / 1e6 - performance.now();
const monotonic = (t: number) => t + MONOTONIC_AT_ZERO;

// KIOSK_BENCH_NO_YOUNG_COLLECTION=1: the daemon leaves V8 to collect its young generation whenever it fills, as
// before core/young-collection.ts, to measure what collecting it when the card leaves buys.
if (process.env.KIOSK_BENCH_NO_YOUNG_COLLECTION === '1') globalThis.gc = undefined;

// The app's simulated reader, taken when the driver connects to it.
let sim: IdCardSimulator | undefined;
const connect = IdCardSimulator.prototype.connect;
IdCardSimulator.prototype.connect = function (this: IdCardSimulator, reply) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the simulator the app built, for the bench's commands
  sim = this;
  connect.call(this, reply);
};

const raw = JSON.parse(process.env.KIOSK_BENCH_CONFIG ?? '{}') as Record<string, unknown>;
const app = buildApp({ config: await benchConfig(raw, process.env.KIOSK_BENCH_DATA_DIR ?? process.cwd()) }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });

let stamps: { lastByteAt?: number; published?: number; idle?: number; bare: number[] } = { bare: [] };
app.devices.idReader!.cards.on('card', (read) => (stamps.lastByteAt = monotonic(read.lastByteAt)));
// When the clients last had an event (every event but the heartbeat reaches them).
let lastEventAt = 0;
const bus = app.events;
const publish = bus.publish;
bus.publish = function (type, payload) {
  if (type === 'card.read') {
    const now = performance.now();
    stamps.published = monotonic(now);
    stamps.idle = now - lastEventAt;
  }
  publish.call(this, type, payload);
  if (type !== 'ui.heartbeat') lastEventAt = performance.now();
};

serveCommands(app, (line) => {
  if (line === 'put') sim!.putCard(CARD_PROFILES.resident!);
  if (line === 'remove') sim!.removeCard();
  if (line === 'bare') {
    stamps.bare.push(monotonic(performance.now()));
    bus.publish('device.state', { device: 'bench', state: 'idle', previous: 'idle' });
  }
  if (line === 'report') {
    console.log(`report ${JSON.stringify(stamps)}`);
    stamps = { bare: [] };
  }
});
