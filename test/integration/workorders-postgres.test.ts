import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { issue, startHallApp, type HallApp } from '../support/hall';

let pg: TestPostgres;
const apps: HallApp[] = [];

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  for (const h of apps.splice(0)) await h.close().catch(() => undefined);
  await pg?.stop();
});

describe('差评工单 on the hall-wide PostgreSQL store', () => {
  it('opens with the rating, lets only one of two managers on two daemons record a step, and queues every step upstream once', async () => {
    const [a, b] = await Promise.all([0, 1].map(() => startHallApp({ pgUrl: pg.url })));
    apps.push(a!, b!);
    const number = await issue(a!.app, 'A');
    await a!.app.counters.callNumber(1, number);
    await a!.app.counters.onCurrent(1, 'start');
    await a!.app.counters.finish(1, null, { source: 'counter', caseNumber: 'PG-0001' });
    const ticket = await a!.app.queue.findByNumber(number);
    const rated = await a!.app.inject({ method: 'POST', url: '/api/evaluations', payload: { ticketId: ticket.id, level: 2, reasons: ['多次跑动'], channel: 'kiosk' } });
    expect(rated.statusCode).toBe(201);

    // The other daemon sees the 工单 the first one opened.
    const [w] = await b!.app.workorders.list('open');
    expect(w).toMatchObject({ ticketNumber: number, caseNumber: 'PG-0001', reasons: ['多次跑动'], state: 'open' });
    const managers = [{ id: 'M001', name: '王芳' }, { id: 'M002', name: '张强' }];
    const results = await Promise.allSettled([a!, b!].map((h, i) => h.app.workorders.step(w!.id, 'verify', managers[i]!, '核实属实')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'WORKORDER_STEP_NOT_ALLOWED' } });
    await b!.app.workorders.step(w!.id, 'rectify', managers[1]!, '一次告知材料清单');
    await a!.app.workorders.step(w!.id, 'close', managers[0]!, '匿名差评，整改后办结');

    const messages = await a!.app.store.query<{ message_id: string; kind: string }>(
      "SELECT message_id, kind FROM upstream_outbox WHERE kind = 'workorder' ORDER BY message_id",
    );
    expect(messages.map((m) => m.message_id).sort()).toEqual(['closed', 'opened', 'rectified', 'verified'].map((s) => `${w!.id}:${s}`));
    const [followUp] = await a!.app.store.query<{ state: string }>('SELECT state FROM evaluation_follow_ups WHERE id = $1', [w!.id]);
    expect(followUp!.state).toBe('closed');
  });
});
