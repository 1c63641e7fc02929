/**
 * docs/INTERFACE.md, `evaluation.upstream.url`: HTTP POST, one JSON rating per request, header
 * `Idempotency-Key: <rating id>`; a 2xx answer is delivery, anything else is retried. The upstream here answers
 * from a script, so each kind of answer is seen by the sender exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueTicket, rate, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { removeDir } from './maintenance-helpers';

interface Seen {
  method: string;
  path: string;
  key: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** Answers the n-th request with script[n] (the last entry repeats); `/elsewhere` always answers 200. */
async function scriptedUpstream(script: { status: number; headers?: Record<string, string> }[]) {
  const seen: Seen[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += String(d)));
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, key: req.headers['idempotency-key'] as string | undefined, contentType: req.headers['content-type'], body });
      if (req.url === '/elsewhere') return void res.writeHead(200).end('{}');
      const answer = script[Math.min(n++, script.length - 1)]!;
      res.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/ratings`,
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let d: EvalDaemon | undefined;
let up: Awaited<ReturnType<typeof scriptedUpstream>> | undefined;
afterEach(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  await up?.close();
  d = undefined;
  up = undefined;
});

const outbox = async (id: string) =>
  (await d!.app.store.query<{ state: string; attempts: number }>('SELECT state, attempts FROM upstream_outbox WHERE message_id = $1', [id]))[0]!;

async function rateOne(): Promise<string> {
  const t = await issueTicket(d!.app);
  const r = await rate(d!.app, { ticketId: t.id, level: 5, channel: 'kiosk' });
  expect(r.statusCode).toBe(201);
  return r.json().evaluation.id as string;
}

describe('delivery of ratings upstream', () => {
  it('POSTs one JSON rating per request with Idempotency-Key = rating id; 204 counts as delivery', async () => {
    up = await scriptedUpstream([{ status: 204 }]);
    d = await startEvalDaemon(up.url);
    const id = await rateOne();
    await until(async () => (await outbox(id)).state === 'delivered', 5000, 'delivered');
    expect(up.seen).toHaveLength(1);
    const [req] = up.seen;
    expect(req).toMatchObject({ method: 'POST', path: '/ratings', key: id });
    expect(req!.contentType).toMatch(/^application\/json/);
    const body = JSON.parse(req!.body);
    expect(Array.isArray(body)).toBe(false);
    expect(body).toMatchObject({ id, level: 5, channel: 'kiosk' });
  });

  it.each([
    ['400', { status: 400 }],
    ['409', { status: 409 }],
    ['503', { status: 503 }],
    ['a redirect (302 to a page that answers 200)', { status: 302, headers: { location: '/elsewhere' } }],
    ['a redirect (307 to a page that answers 200)', { status: 307, headers: { location: '/elsewhere' } }],
  ])('%s is not delivery: the same rating is POSTed again until a 2xx', async (_what, answer) => {
    up = await scriptedUpstream([answer, { status: 202 }]);
    d = await startEvalDaemon(up.url);
    const id = await rateOne();
    await until(async () => (await outbox(id)).state === 'delivered', 5000, 'delivered after a retry');
    const posts = up.seen.filter((s) => s.path === '/ratings');
    expect(posts).toHaveLength(2);
    expect(posts.every((p) => p.method === 'POST' && p.key === id && p.body === posts[0]!.body)).toBe(true);
    // A redirect is not followed: the rating goes only to the configured URL.
    expect(up.seen.filter((s) => s.path === '/elsewhere')).toHaveLength(0);
  });
});
