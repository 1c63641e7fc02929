import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, issue, startHallApp, staff, type HallApp } from '../support/hall';

let hall: HallApp;
beforeEach(async () => {
  hall = await startHallApp();
});
afterEach(async () => {
  await hall.close();
});

const current = (r: { body: Record<string, any> }) => r.body.counter?.current;
const called = () => hall.events.filter((e) => e.type === 'queue.called');

describe('counters (SQLite)', () => {
  it('calls priority tickets interleaved with normal ones by priorityRatio, oldest first', async () => {
    for (const c of ['A', 'A', 'F', 'A', 'F', 'A', 'A', 'F']) await issue(hall.app, c);
    const order: string[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await act(hall.app, 1, 'call-next');
      expect(r.status).toBe(200);
      order.push(current(r).number);
      expect((await act(hall.app, 1, 'no-show')).status).toBe(200);
    }
    // ratio 2: two normal, one priority; when the normal lane is empty the priority lane is served.
    expect(order).toEqual(['A001', 'A002', 'F001', 'A003', 'A004', 'F002', 'A005', 'F003']);
    const r = await act(hall.app, 1, 'call-next');
    expect(r).toMatchObject({ status: 404, body: { error: { code: 'QUEUE_EMPTY' } } });
  });

  it('walks a ticket through call, recall, start and done, and refuses steps out of order', async () => {
    await issue(hall.app, 'A');
    await issue(hall.app, 'A');
    expect((await act(hall.app, 1, 'done')).body.error.code).toBe('INVALID_TRANSITION');
    const call = await act(hall.app, 1, 'call-next');
    expect(current(call)).toMatchObject({ number: 'A001', state: 'called', recalls: 0 });

    const again = await act(hall.app, 1, 'call-next');
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'INVALID_TRANSITION' } } });
    expect(again.body.error.message).toMatch(/A001/);
    expect((await act(hall.app, 1, 'done')).status).toBe(409);

    expect(current(await act(hall.app, 1, 'recall')).recalls).toBe(1);
    expect(current(await act(hall.app, 1, 'recall')).recalls).toBe(2);
    expect(current(await act(hall.app, 1, 'start')).state).toBe('serving');
    expect((await act(hall.app, 1, 'recall')).status).toBe(409);
    expect((await act(hall.app, 1, 'no-show')).status).toBe(409);
    const done = await act(hall.app, 1, 'done');
    expect(done.body.counter.current).toBeNull();

    const ticket = await hall.app.inject({ url: '/api/queue/tickets/by-number/A001' });
    expect(ticket.json().ticket).toMatchObject({ state: 'done', counter: 1 });
    expect(called().map((e) => [e.number, e.counter, e.recall])).toEqual([['A001', 1, false], ['A001', 1, true], ['A001', 1, true]]);
    // The event names the number and the counter, nothing else.
    expect(Object.keys(called()[0]!).sort()).toEqual(['categoryId', 'counter', 'number', 'recall', 'type']);
  });

  it('calls a given number only where its category is served and only while it waits', async () => {
    await issue(hall.app, 'A');
    await issue(hall.app, 'B');
    expect((await act(hall.app, 1, 'call', { number: 'B001' })).body.error.code).toBe('NOT_SERVED_HERE');
    expect(current(await act(hall.app, 2, 'call', { number: 'b001' })).number).toBe('B001');
    await act(hall.app, 2, 'no-show');
    expect((await act(hall.app, 2, 'call', { number: 'B001' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await act(hall.app, 2, 'call', { number: 'Z9' })).status).toBe(400);
    expect((await act(hall.app, 2, 'call', { number: 'A404' })).body.error.code).toBe('TICKET_NOT_FOUND');
  });

  it('two counters never call the same ticket', async () => {
    for (let i = 0; i < 6; i++) await issue(hall.app, 'A');
    const calls = await Promise.all([1, 2, 1, 2].map(async (n, i) => {
      if (i >= 2) await act(hall.app, n, 'no-show');
      return act(hall.app, n, 'call-next');
    }));
    const numbers = calls.filter((c) => c.status === 200).map((c) => current(c).number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('transfers the current ticket to another category under the same number', async () => {
    await issue(hall.app, 'B');
    await issue(hall.app, 'A');
    await act(hall.app, 1, 'call-next'); // A001 at counter 1
    await act(hall.app, 1, 'start');
    expect((await act(hall.app, 1, 'transfer', { categoryId: 'A' })).body.error.code).toBe('INVALID_TRANSITION');
    expect((await act(hall.app, 1, 'transfer', { categoryId: 'Q' })).body.error.code).toBe('CATEGORY_NOT_FOUND');
    const moved = await act(hall.app, 1, 'transfer', { categoryId: 'B' });
    expect(moved.body.counter.current).toBeNull();
    const ticket = (await hall.app.inject({ url: '/api/queue/tickets/by-number/A001' })).json().ticket;
    expect(ticket).toMatchObject({ categoryId: 'B', state: 'issued' });
    // It keeps its time of issue: B001 was issued before it, so counter 2 calls B001 first, then A001.
    expect(current(await act(hall.app, 2, 'call-next')).number).toBe('B001');
    await act(hall.app, 2, 'no-show');
    expect(current(await act(hall.app, 2, 'call-next'))).toMatchObject({ number: 'A001', categoryId: 'B', state: 'called' });
  });

  it('holds a ticket, serves others, resumes it; a paused window calls nobody', async () => {
    await issue(hall.app, 'A');
    await issue(hall.app, 'A');
    await act(hall.app, 1, 'call-next');
    expect((await act(hall.app, 1, 'hold')).status).toBe(409); // only a ticket in service can be held
    await act(hall.app, 1, 'start');
    const held = await act(hall.app, 1, 'hold');
    expect(held.body.counter).toMatchObject({ current: null, held: [{ number: 'A001', state: 'held' }] });
    await act(hall.app, 1, 'call-next'); // A002
    expect((await act(hall.app, 1, 'resume', { number: 'A001' })).body.error.code).toBe('INVALID_TRANSITION');
    await act(hall.app, 1, 'start');
    await act(hall.app, 1, 'done');
    expect((await act(hall.app, 2, 'resume', { number: 'A001' })).status).toBe(409); // held by counter 1, not 2
    const resumed = await act(hall.app, 1, 'resume', { number: 'A001' });
    expect(resumed.body.counter).toMatchObject({ current: { number: 'A001', state: 'serving' }, held: [] });
    expect((await act(hall.app, 1, 'pause')).status).toBe(409); // someone is at the window
    await act(hall.app, 1, 'done');

    await issue(hall.app, 'A');
    expect((await act(hall.app, 1, 'pause')).body.counter.state).toBe('paused');
    const refused = await act(hall.app, 1, 'call-next');
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'INVALID_TRANSITION' } } });
    expect(refused.body.error.message).toMatch(/暂停/);
    expect((await act(hall.app, 1, 'open')).body.counter.state).toBe('open');
    expect(current(await act(hall.app, 1, 'call-next')).number).toBe('A003');
  });

  it('needs the counter token; a counter without one is locked; unknown counters are 404', async () => {
    await issue(hall.app, 'A');
    const none = await hall.app.inject({ method: 'POST', url: '/api/counters/1/call-next' });
    expect(none.statusCode).toBe(401);
    const other = await hall.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: staff(2) });
    expect(other.json().error.code).toBe('STAFF_TOKEN_INVALID');
    const locked = await hall.app.inject({ method: 'POST', url: '/api/counters/3/call-next', headers: staff(3) });
    expect(locked).toMatchObject({ statusCode: 403 });
    expect(locked.json().error.code).toBe('COUNTER_LOCKED');
    // Said in the staff's words, and knowable before any token is typed (the counter page says it at once).
    expect(locked.json().error.message).not.toMatch(/counters|tokens|windows/);
    expect((await hall.app.inject({ url: '/api/counters/3/token' })).json()).toEqual({ configured: false });
    expect((await hall.app.inject({ url: '/api/counters/1/token' })).json()).toEqual({ configured: true });
    expect((await hall.app.inject({ url: '/api/counters/9/token' })).statusCode).toBe(404);
    const unknown = (await hall.app.inject({ url: '/api/counters/9' })).json().error;
    expect(unknown.code).toBe('COUNTER_NOT_FOUND');
    expect(unknown.message).not.toMatch(/windows/);
    const list = (await hall.app.inject({ url: '/api/counters' })).json().counters;
    expect(list.map((c: { counter: number; categories: string[] }) => [c.counter, c.categories])).toEqual([[1, ['A', 'F']], [2, ['A', 'B', 'F']], [3, ['B']]]);
  });

  it('lists the last calls, newest first, recalls included', async () => {
    await issue(hall.app, 'A');
    await issue(hall.app, 'B');
    await act(hall.app, 1, 'call-next');
    await act(hall.app, 2, 'call', { number: 'B001' });
    await act(hall.app, 1, 'recall');
    const { calls } = (await hall.app.inject({ url: '/api/counters/calls/recent?limit=5' })).json();
    expect(calls.map((c: { number: string; counter: number; recall: boolean }) => `${c.number}@${c.counter}${c.recall ? '!' : ''}`)).toEqual([
      'A001@1!', 'B001@2', 'A001@1',
    ]);
  });
});
