import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FastifyInstance } from 'fastify';
import { removeDir, startDaemon } from './maintenance-helpers';
import { until } from '../support/hall';

let app: FastifyInstance;
let dir: string;
let base: string;

beforeAll(async () => {
  // No devices fitted: the queue still works with screen delivery.
  ({ app, dataDir: dir } = await startDaemon({ hall: { name: '测试大厅' }, devices: {} }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const a = app.server.address();
  base = `127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(async () => {
  await app?.close();
  if (dir) removeDir(dir);
});

function openSocket(headers: Record<string, string> = {}): Promise<{ ws: WebSocket; messages: Record<string, unknown>[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${base}/api/events`, { headers });
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('HTTP API basics', () => {
  it('reports health and kiosk facts', async () => {
    const health = await fetch(`http://${base}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', devices: {} });
    const kiosk = await fetch(`http://${base}/api/kiosk`).then((r) => r.json());
    expect(kiosk.hall.name).toBe('测试大厅');
    expect(kiosk.ui.pageTimeoutSeconds).toBe(60);
  });

  it('lists the six default categories and issues screen tickets over HTTP', async () => {
    const { categories } = await fetch(`http://${base}/api/queue/categories`).then((r) => r.json());
    expect(categories.map((c: { name: string }) => c.name)).toEqual(['社会民生', '注册登记', '经营许可', '投资建设', '综合服务', '企业绿色通道']);
    const res = await fetch(`http://${base}/api/queue/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ categoryId: 'D', delivery: 'screen' }),
    });
    expect(res.status).toBe(201);
    const { ticket } = await res.json();
    expect(ticket).toMatchObject({ number: 'D001', categoryId: 'D', printed: false, state: 'issued', waitingAhead: 0 });
    const again = await fetch(`http://${base}/api/queue/tickets/${ticket.id}`).then((r) => r.json());
    expect(again.ticket.state).toBe('issued');
  });

  it('without a printer refuses printed tickets with 503 PRINTER_NOT_READY and uses no number', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'E' } });
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe('PRINTER_NOT_READY');
    const ok = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'E', delivery: 'screen' } });
    expect(ok.json().ticket.number).toBe('E001');
  });

  it.each([
    [{}, 'categoryId'],
    [{ categoryId: 5 }, 'categoryId'],
    [{ categoryId: 'A', delivery: 'fax' }, 'delivery'],
    [{ categoryId: 'A', extra: 1 }, 'extra'],
  ])('answers malformed body %j with 400 naming the field', async (payload, field) => {
    const r = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('INVALID_REQUEST');
    expect(r.json().error.message).toContain(field);
  });

  it('answers unknown tickets, categories and routes with typed 404s', async () => {
    expect((await app.inject('/api/queue/tickets/nope')).json().error.code).toBe('TICKET_NOT_FOUND');
    const r = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'Q', delivery: 'screen' } });
    expect(r.json().error.code).toBe('CATEGORY_NOT_FOUND');
    expect((await app.inject('/api/nothing')).statusCode).toBe(404);
    expect((await app.inject('/api/sim/printer/state')).statusCode).toBe(404);
  });

  it('pushes queue events over the WebSocket and refuses foreign origins', async () => {
    const { ws, messages } = await openSocket({ origin: `http://${base}` });
    await until(() => messages.some((m) => m.type === 'hello'));
    await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } });
    await until(() => messages.some((m) => m.type === 'queue.ticket.issued'));
    expect(messages.find((m) => m.type === 'queue.ticket.issued')).toMatchObject({ ticket: { categoryId: 'A' } });
    ws.close();
    await expect(openSocket({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });
});

describe('malformed bodies', () => {
  it('names the body when it is missing or not JSON', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/queue/tickets' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('INVALID_REQUEST');
    expect(missing.json().error.message).toMatch(/^body: /);
    const broken = await app.inject({ method: 'POST', url: '/api/queue/tickets', headers: { 'content-type': 'application/json' }, payload: '{"categoryId": ' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('INVALID_REQUEST');
  });
});
