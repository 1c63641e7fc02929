import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, issue, startHallApp, type HallApp } from '../support/hall';

/** The phone page's live stream: server-sent events of its ticket, on every queue change, no polling. */
let hall: HallApp;
let base: string;
beforeEach(async () => {
  hall = await startHallApp();
  await hall.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(hall.app.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await hall.close();
});

function follow(path: string): { tickets: Record<string, any>[]; status: Promise<number>; close(): void } {
  const tickets: Record<string, any>[] = [];
  let req: http.ClientRequest;
  const status = new Promise<number>((resolve) => {
    req = http.get(`${base}${path}`, (res) => {
      resolve(res.statusCode ?? 0);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, i))?.[1];
          if (data) tickets.push(JSON.parse(data));
          buffer = buffer.slice(i + 2);
        }
      });
    });
    req.on('error', () => undefined);
  });
  return { tickets, status, close: () => req.destroy() };
}

const until = async (check: () => boolean) => {
  const end = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('GET /api/queue/tickets/:id/live', () => {
  it('sends the ticket at once and again as the queue moves, until it is called', async () => {
    await issue(hall.app, 'A');
    const mine = (await hall.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } })).json().ticket;
    const live = follow(`/api/queue/tickets/${mine.id}/live`);
    expect(await live.status).toBe(200);
    await until(() => live.tickets.length === 1);
    expect(live.tickets[0]).toMatchObject({ number: 'A002', state: 'issued', waitingAhead: 1 });
    await act(hall.app, 1, 'call-next');
    await until(() => live.tickets.at(-1)?.waitingAhead === 0);
    await act(hall.app, 1, 'no-show');
    await act(hall.app, 1, 'call-next');
    await until(() => live.tickets.at(-1)?.state === 'called');
    expect(live.tickets.at(-1)).toMatchObject({ number: 'A002', counter: 1 });
    live.close();
  });

  it('answers an unknown ticket with a plain 404, no stream', async () => {
    const res = await hall.app.inject({ url: '/api/queue/tickets/no-such-ticket/live' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TICKET_NOT_FOUND');
  });
});
