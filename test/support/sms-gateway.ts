import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seeded } from './upstream';

/**
 * A local stand-in for an SMS gateway on 127.0.0.1, as `appointments.notify.gateway` calls one: a JSON
 * `{ id, phone, text }` per POST, signed `X-Signature = HMAC-SHA256(secret, "<X-Timestamp>.<body>")`, and
 * `Idempotency-Key`. It refuses a bad signature (401), keeps one message per key, counts every attempt, and
 * fails at random from a seeded generator: `reset` (connection destroyed), `stall` (no answer), `error` (500),
 * `ackLost` (kept, then the connection destroyed: the sender must retry and the key dedupes it).
 */
export interface SmsFaults {
  reset?: number;
  stall?: number;
  error?: number;
  ackLost?: number;
}

export interface SmsMessage {
  key: string;
  phone: string;
  text: string;
  attempts: number;
  /** Times a 2xx (or a lost ack) kept it: above 1 means the key deduped a repeat. */
  accepted: number;
  sameBody: boolean;
}

export interface SmsGateway {
  url: string;
  secret: string;
  messages: Map<string, SmsMessage>;
  stats: { requests: number; badSignature: number; reset: number; stall: number; error: number; ackLost: number; ok: number };
  setFaults(f: SmsFaults): void;
  close(): Promise<void>;
}

export async function startSmsGateway(opts: { seed?: number; faults?: SmsFaults; secret?: string } = {}): Promise<SmsGateway> {
  const random = seeded(opts.seed ?? 7);
  const secret = opts.secret ?? 'test-gateway-secret-0123456789';
  let faults = opts.faults ?? {};
  const messages = new Map<string, SmsMessage>();
  const bodies = new Map<string, string>();
  const stats = { requests: 0, badSignature: 0, reset: 0, stall: 0, error: 0, ackLost: 0, ok: 0 };
  const sockets = new Set<Socket>();
  const pick = (): keyof SmsFaults | 'ok' => {
    let r = random();
    for (const k of ['reset', 'stall', 'error', 'ackLost'] as const) {
      if (r < (faults[k] ?? 0)) return k;
      r -= faults[k] ?? 0;
    }
    return 'ok';
  };
  const signedOk = (req: http.IncomingMessage, body: string) => {
    const sig = String(req.headers['x-signature'] ?? '');
    const want = createHmac('sha256', secret).update(`${req.headers['x-timestamp']}.${body}`).digest('hex');
    return sig.length === want.length && timingSafeEqual(Buffer.from(sig), Buffer.from(want));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.requests += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !signedOk(req, body)) {
        stats.badSignature += 1;
        return void res.writeHead(401).end('{"error":"bad signature"}');
      }
      const { phone, text } = JSON.parse(body) as { phone: string; text: string };
      const m = messages.get(key) ?? { key, phone, text, attempts: 0, accepted: 0, sameBody: true };
      messages.set(key, m);
      m.attempts += 1;
      if (bodies.has(key) && bodies.get(key) !== JSON.stringify({ phone, text })) m.sameBody = false;
      bodies.set(key, JSON.stringify({ phone, text }));
      const fate = pick();
      stats[fate] += 1;
      if (fate === 'reset') return void req.socket.destroy();
      if (fate === 'stall') return;
      if (fate === 'error') return void res.writeHead(500).end('{"error":"gateway fault"}');
      m.accepted += 1;
      if (fate === 'ackLost') return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    secret,
    messages,
    stats,
    setFaults: (f) => void (faults = f),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
