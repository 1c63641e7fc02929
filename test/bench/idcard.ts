import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { buildApp } from '../../device-daemon/src/app';
import { benchConfig } from './config';
import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { IdCardSimulator } from '../../device-daemon/src/devices/idcard/sim/simulator';
import { attachToTransport } from '../../device-daemon/src/devices/core/attach-transport';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { openPtyPair } from '../support/pty';
import { percentile, verdict, type BenchRow } from './table';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const BAUD = 115200;
/** The 30 01 reply alone on the wire at 115200 baud, 8N1: 1295 bytes x 10 bits. */
const READ_REPLY_WIRE_MS = (1295 * 10 * 1000) / BAUD;
/** Every byte of one find/select/read cycle, both directions: 3 commands of 10 bytes, replies 15 + 19 + 1295. */
const CYCLE_WIRE_MS = ((30 + 15 + 19 + 1295) * 10 * 1000) / BAUD;

interface Rig {
  app: FastifyInstance;
  ws: WebSocket;
  /** performance.now() of the next WebSocket message of this type. */
  next(type: string): Promise<number>;
  close(): Promise<void>;
}

async function rig(idReader: Record<string, unknown>): Promise<Rig> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-id-'));
  const config = await benchConfig({ devices: { idReader }, store: { driver: 'sqlite', path: path.join(dataDir, 'k.db') }, log: { level: 'silent' } }, dataDir);
  const app = buildApp({ config }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`);
  const waiting = new Map<string, (t: number) => void>();
  ws.on('message', (d) => {
    const at = performance.now();
    const type = (JSON.parse(String(d)) as { type: string }).type;
    waiting.get(type)?.(at);
    waiting.delete(type);
  });
  await new Promise((r) => ws.once('open', r));
  return {
    app, ws,
    next: (type) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no ${type}`)), 10_000);
      waiting.set(type, (at) => (clearTimeout(t), resolve(at)));
    }),
    async close() {
      ws.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Last reply byte at the host -> card.read at a WebSocket client, beside a bare event's bus -> client time. */
async function latency(n: number): Promise<BenchRow[]> {
  const r = await rig({ driver: 'simulated', pollIntervalMs: 50 });
  try {
    const driver = r.app.devices.idReader!;
    let lastByteAt = 0;
    driver.cards.on('card', (read) => (lastByteAt = read.lastByteAt));
    const card: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < n; i++) {
      const got = r.next('card.read');
      await r.app.inject({ method: 'POST', url: '/api/sim/idReader/card', payload: { profile: 'resident' } });
      card.push((await got) - lastByteAt);
      const removed = r.next('card.removed');
      await r.app.inject({ method: 'DELETE', url: '/api/sim/idReader/card' });
      await removed;
      const ping = r.next('device.state');
      const t0 = performance.now();
      r.app.events.publish('device.state', { device: 'bench', state: 'idle', previous: 'idle' });
      bare.push((await ping) - t0);
    }
    card.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    return [50, 99].map((p) => ({
      area: 'idcard',
      metric: `last reply byte -> card.read at WS client, p${p} (n=${n})`,
      value: ms(percentile(card, p)),
      ratio: `${(percentile(card, p) / percentile(bare, p)).toFixed(1)}x bare event -> WS (${ms(percentile(bare, p))})`,
      ...(p === 99 ? { target: verdict('p99 ≤ 2 ms', percentile(card, p) <= 2) } : {}),
    }));
  } finally {
    await r.close();
  }
}

/** Over a pty with the simulator pacing its bytes at 115200 baud: find command -> card.read at the client. */
async function pacedRead(n: number): Promise<BenchRow[]> {
  const pair = await openPtyPair();
  const sim = new IdCardSimulator();
  let lastFindAt = 0;
  const receive = sim.receive.bind(sim);
  sim.receive = (bytes) => {
    if (bytes.includes(Buffer.from([0x00, 0x03, 0x20, 0x01, 0x22]))) lastFindAt = performance.now();
    receive(bytes);
  };
  const far = await attachToTransport(sim, new SerialTransport(pair.devicePath, BAUD), { paceBaud: BAUD });
  const r = await rig({ driver: 'sam-serial', path: pair.hostPath, baudRate: BAUD, pollIntervalMs: 50 });
  try {
    const whole: number[] = [];
    for (let i = 0; i < n; i++) {
      const got = r.next('card.read');
      sim.putCard(CARD_PROFILES['resident-elder']!);
      whole.push((await got) - lastFindAt);
      const removed = r.next('card.removed');
      sim.removeCard();
      await removed;
    }
    whole.sort((a, b) => a - b);
    return [50, 99].map((p) => ({
      area: 'idcard',
      metric: `whole read over pty at 115200 baud (find -> card.read), p${p} (n=${n})`,
      value: ms(percentile(whole, p)),
      ratio: `${(percentile(whole, p) / READ_REPLY_WIRE_MS).toFixed(2)} of 1295-byte reply wire time (${ms(READ_REPLY_WIRE_MS)}); ${(percentile(whole, p) / CYCLE_WIRE_MS).toFixed(3)} of whole cycle's (${ms(CYCLE_WIRE_MS)})`,
      target: verdict(`≤ ${p === 50 ? '1.02' : '1.04'}x cycle wire time`, percentile(whole, p) / CYCLE_WIRE_MS <= (p === 50 ? 1.02 : 1.04)),
    }));
  } finally {
    await r.close();
    await far.detach().catch(() => undefined);
    await pair.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  return [...(await latency(quick ? 10 : 60)), ...(await pacedRead(quick ? 3 : 15))];
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { printTable } = await import('./table');
  printTable(await bench());
  process.exit(0);
}
