import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { act, issue, startHallApp, until, type HallApp } from '../support/hall';

let pg: TestPostgres;
let a: HallApp; // serves the hall display
let b: HallApp; // a counter's daemon

beforeAll(async () => {
  pg = await startPostgres();
  a = await startHallApp({ pgUrl: pg.url });
  b = await startHallApp({ pgUrl: pg.url });
  await until(() => [a, b].every((h) => h.events.some((e) => e.type === 'hall.link' && e.state === 'up')), 10_000, 'relays listening');
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await pg?.stop();
});

const calledOn = (h: HallApp) => h.events.filter((e) => e.type === 'queue.called');

describe('hall-wide events over LISTEN/NOTIFY', () => {
  it('a call on daemon B reaches the WebSocket of daemon A, once, without personal data', async () => {
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = a.app.server.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`);
    const messages: Record<string, unknown>[] = [];
    ws.on('message', (d) => messages.push(JSON.parse(String(d))));
    await new Promise((r, j) => ws.once('open', r).once('error', j));
    try {
      await issue(a.app, 'A'); // issued on A ...
      await until(() => b.events.some((e) => e.type === 'queue.ticket.issued'), 3000, 'issue relayed to B');
      expect((await act(b.app, 1, 'call-next')).status).toBe(200); // ... called on B
      await until(() => messages.some((m) => m.type === 'queue.called'), 3000, 'call on A socket');
      const call = messages.find((m) => m.type === 'queue.called');
      expect(call).toEqual({ type: 'queue.called', number: 'A001', counter: 1, categoryId: 'A', recall: false });

      await act(b.app, 1, 'recall');
      await until(() => calledOn(a).length === 2, 3000, 'recall relayed');
      expect(calledOn(a)[1]).toMatchObject({ number: 'A001', recall: true });
      // Each daemon sees each event once: its own are not echoed back, relayed ones are not sent out again.
      await new Promise((r) => setTimeout(r, 300));
      expect(calledOn(a)).toHaveLength(2);
      expect(calledOn(b)).toHaveLength(2);
      expect(a.events.filter((e) => e.type === 'queue.ticket.issued')).toHaveLength(1);
    } finally {
      ws.close();
    }
  });

  it('does not relay device events', async () => {
    b.app.events.publish('device.state', { device: 'printer', state: 'error', previous: 'idle', reason: 'paper out' });
    await act(b.app, 1, 'no-show'); // a queue event after it, to know the channel has been drained
    await until(() => a.events.some((e) => e.type === 'queue.counter' && e.ticketState === null), 3000, 'counter relayed');
    expect(a.events.some((e) => e.type === 'device.state')).toBe(false);
  });

  it('reconnects after the database restarts and relays again', async () => {
    const ups = () => a.events.filter((e) => e.type === 'hall.link' && e.state === 'up').length;
    const before = ups();
    await pg.down();
    await until(() => a.events.some((e) => e.type === 'hall.link' && e.state === 'down'), 5000, 'link down seen');
    await pg.up();
    await until(() => ups() > before, 15_000, 'relay reconnected');
    await until(() => b.events.filter((e) => e.type === 'hall.link' && e.state === 'up').length >= 2, 15_000, 'B reconnected');
    await issue(b.app, 'A');
    expect((await act(b.app, 2, 'call-next')).status).toBe(200);
    await until(() => calledOn(a).some((e) => e.number === 'A002' && e.counter === 2), 3000, 'call after restart');
  });
});
