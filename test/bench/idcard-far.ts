/**
 * The bench's ID-card reader in a process of its own, as the real module is a device of its own: the
 * simulator on the device end of a pty, paced at the line speed, so its timers and writes do not share the
 * daemon's event loop and thread pool. Commands on stdin, one a line: `put <profile>`, `remove`. Reports on
 * stdout, one JSON object a line, times in ms of CLOCK_MONOTONIC (process.hrtime, the same clock in
 * every process): `{ ready }`, `{ find, found, queued }` when a find command arrives (found: a card lies in the field;
 * queued: this process's run-queue wait so far, ms),
 * `{ turnaround, command }` for each select ('S') or read ('R') command (ms since the reply before it was
 * written), `{ written, queued }` when the last byte of a read reply was written.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { attachToTransport } from '../../device-daemon/src/devices/core/attach-transport';
import { IdCardSimulator } from '../../device-daemon/src/devices/idcard/sim/simulator';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { READ_REPLY_BYTES } from '../../device-daemon/src/devices/idcard/card-cycle';

const [devicePath, baud] = [process.argv[2]!, Number(process.argv[3])];
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** This process's main thread's time runnable but waiting for a core, ms (schedstat's second field). */
const queued = () => Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
const say = (o: Record<string, number | string>) => process.stdout.write(`${JSON.stringify(o)}\n`);
/** Command frames as the simulator receives them, from LEN on (the preamble may come in another chunk). */
const FIND = Buffer.from([0x00, 0x03, 0x20, 0x01, 0x22]);
const SELECT = Buffer.from([0x00, 0x03, 0x20, 0x02, 0x21]);
const READ = Buffer.from([0x00, 0x03, 0x30, 0x01, 0x32]);

const sim = new IdCardSimulator();
const receive = sim.receive.bind(sim);
let lastWrittenAt = 0;
let readReplyLeft = 0;
sim.receive = (bytes) => {
  const at = now();
  if (bytes.includes(FIND)) say({ find: at, found: sim.hasCard ? 1 : 0, queued: queued() });
  else if (bytes.includes(SELECT)) say({ turnaround: at - lastWrittenAt, command: 'S' });
  else if (bytes.includes(READ)) say({ turnaround: at - lastWrittenAt, command: 'R' });
  if (bytes.includes(READ)) readReplyLeft = READ_REPLY_BYTES;
  receive(bytes);
};
// A reader is a device of its own: its writes are not held back by a drain on the thread pool, only paced.
const port = new SerialTransport(devicePath, baud, { settle: 'written' });
const write = port.write.bind(port);
port.write = (bytes) => {
  const written = write(bytes);
  // The transport has written the bytes to the tty when write returns (from the loop); it resolves later,
  // after a drain on the thread pool. Stamped after that drain, a command that arrived before the drain's
  // callback was measured from the reply before it, a no-card find's a poll interval earlier: the 50-56 ms
  // "turnarounds" of earlier runs, which the host never took (docs/PERFORMANCE.md, the card read path).
  lastWrittenAt = now();
  if (readReplyLeft > 0 && (readReplyLeft -= bytes.length) <= 0) say({ written: lastWrittenAt, queued: queued() });
  return written;
};
const far = await attachToTransport(sim, port, { paceBaud: baud });
createInterface({ input: process.stdin }).on('line', (line) => {
  const [what, profile] = line.split(' ');
  if (what === 'put') sim.putCard(CARD_PROFILES[profile!]!);
  if (what === 'remove') sim.removeCard();
});
process.stdin.on('end', () => void far.detach().finally(() => process.exit(0)));
say({ ready: now() });
