/**
 * The ID-card bench's WebSocket client in a process of its own, as the kiosk's Chromium is: in the daemon's
 * process its receive would wait for whatever else the daemon's loop does in the same turn, and its own work
 * would be counted as the daemon's CPU. Connects to the URL in argv[2]; reports each event on stdout, one JSON
 * line `{ type, at }`, `at` in ms of CLOCK_MONOTONIC (process.hrtime: one clock for every process of the machine,
 * where two processes' performance.timeOrigin were measured apart by up to a millisecond), taken before the
 * message is parsed, as a page would see it. `{ open }` first. Exits when stdin closes.
 */
import WebSocket from 'ws';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const ws = new WebSocket(process.argv[2]!);
ws.on('open', () => process.stdout.write(`${JSON.stringify({ open: now() })}\n`));
ws.on('message', (data) => {
  const at = now();
  const { type } = JSON.parse(String(data)) as { type: string };
  process.stdout.write(`${JSON.stringify({ type, at })}\n`);
});
ws.on('error', (err) => {
  process.stderr.write(`bench client: ${err.message}\n`);
  process.exit(1);
});
process.stdin.resume();
process.stdin.on('end', () => {
  ws.close();
  process.exit(0);
});
