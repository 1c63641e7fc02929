import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '../../device-daemon/src/estimate/simulate';

/**
 * A local stand-in for the provincial 好差评 system on 127.0.0.1: it accepts one JSON rating per POST, keeps
 * one delivery per `Idempotency-Key` (as the contract asks of the real one) and counts every attempt, so a
 * test can tell "arrived once" from "sent twice". Faults are drawn from a seeded generator, so a failing run
 * can be replayed:
 * - `reset`: the connection is destroyed before an answer (nothing recorded);
 * - `stall`: no answer at all until the client gives up (nothing recorded);
 * - `error`: 500 (nothing recorded);
 * - `ackLost`: recorded, then the connection is destroyed: the sender must retry and the key dedupes it.
 */
export interface UpstreamFaults {
  reset?: number;
  stall?: number;
  error?: number;
  ackLost?: number;
}

export interface Delivery {
  key: string;
  body: unknown;
  /** Every POST carrying this key, including the failed ones. */
  attempts: number;
  /** How many times a 2xx (or a lost ack) recorded it: more than 1 means the key deduped a repeat. */
  accepted: number;
  /** Whether every attempt carried the same body (a repeat must be byte-identical). */
  sameBody: boolean;
  /** The raw body and headers of the first accepted attempt (a test checks signatures against them). */
  raw?: string;
  headers?: http.IncomingHttpHeaders;
}

export interface Upstream {
  url: string;
  deliveries: Map<string, Delivery>;
  stats: { requests: number; reset: number; stall: number; error: number; ackLost: number; ok: number; badRequests: number };
  setFaults(faults: UpstreamFaults): void;
  close(): Promise<void>;
}

/** mulberry32, the estimate's seeded generator: faults scheduled reproducibly. */
export const seeded = seededRandom;

export async function startUpstream(opts: { seed?: number; faults?: UpstreamFaults } = {}): Promise<Upstream> {
  const random = seeded(opts.seed ?? 1);
  let faults: UpstreamFaults = opts.faults ?? {};
  const deliveries = new Map<string, Delivery>();
  const bodies = new Map<string, string>();
  const stats = { requests: 0, reset: 0, stall: 0, error: 0, ackLost: 0, ok: 0, badRequests: 0 };
  const sockets = new Set<Socket>();

  const pick = (): keyof UpstreamFaults | 'ok' => {
    let r = random();
    for (const k of ['reset', 'stall', 'error', 'ackLost'] as const) {
      const p = faults[k] ?? 0;
      if (r < p) return k;
      r -= p;
    }
    return 'ok';
  };

  const record = (key: string, text: string, headers: http.IncomingHttpHeaders) => {
    const d = deliveries.get(key)!;
    if (d.accepted === 0) Object.assign(d, { body: JSON.parse(text), raw: text, headers });
    d.accepted += 1;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.requests += 1;
      const key = req.headers['idempotency-key'];
      const text = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || typeof key !== 'string' || !isJson(text)) {
        stats.badRequests += 1;
        return void res.writeHead(400).end('{"error":"bad request"}');
      }
      const d = deliveries.get(key) ?? { key, body: undefined, attempts: 0, accepted: 0, sameBody: true };
      deliveries.set(key, d);
      d.attempts += 1;
      if (bodies.has(key) && bodies.get(key) !== text) d.sameBody = false;
      bodies.set(key, text);
      const fate = pick();
      stats[fate] += 1;
      if (fate === 'reset') return void req.socket.destroy();
      if (fate === 'stall') return; // the socket stays open until the client aborts or close() destroys it
      if (fate === 'error') return void res.writeHead(500).end('{"error":"upstream fault"}');
      record(key, text, req.headers);
      if (fate === 'ackLost') return void req.socket.destroy();
      res.writeHead(d.accepted > 1 ? 200 : 201, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ratings`,
    deliveries,
    stats,
    setFaults(f) {
      faults = f;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
