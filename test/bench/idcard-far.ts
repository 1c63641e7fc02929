/**
 * The bench's ID-card reader in a process of its own, as the real module is a device of its own: the
 * simulator on the device end of a pty, paced at the line speed, so its timers and writes do not share the
 * daemon's event loop and thread pool. Commands on stdin, one a line: `put <profile>`, `remove`. Reports on
 * stdout, one JSON object a line, times in ms of CLOCK_MONOTONIC (process.hrtime, the same clock in
 * every process): `{ ready }`, `{ find }` when a find command arrives, `{ turnaround }` for each select or read
 * command (ms since the reply before it was written), `{ written }` after the last write of a read reply.
 */
import { createInterface } from 'node:readline';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { attachToTransport } from '../../device-daemon/src/devices/core/attach-transport';
import { IdCardSimulator } from '../../device-daemon/src/devices/idcard/sim/simulator';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { READ_REPLY_BYTES } from '../../device-daemon/src/devices/idcard/card-cycle';

const [devicePath, baud] = [process.argv[2]!, Number(process.argv[3])];
const now = () => Number(process.hrtime.bigint()) / 1e6;
const say = (o: Record<string, number>) => process.stdout.write(`${JSON.stringify(o)}\n`);
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
  if (bytes.includes(FIND)) say({ find: at });
  else if (bytes.includes(SELECT) || bytes.includes(READ)) say({ turnaround: at - lastWrittenAt });
  if (bytes.includes(READ)) readReplyLeft = READ_REPLY_BYTES;
  receive(bytes);
};
const port = new SerialTransport(devicePath, baud);
const write = port.write.bind(port);
port.write = async (bytes) => {
  await write(bytes);
  lastWrittenAt = now();
  if (readReplyLeft > 0 && (readReplyLeft -= bytes.length) <= 0) say({ written: lastWrittenAt });
};
const far = await attachToTransport(sim, port, { paceBaud: baud });
createInterface({ input: process.stdin }).on('line', (line) => {
  const [what, profile] = line.split(' ');
  if (what === 'put') sim.putCard(CARD_PROFILES[profile!]!);
  if (what === 'remove') sim.removeCard();
});
process.stdin.on('end', () => void far.detach().finally(() => process.exit(0)));
say({ ready: now() });
