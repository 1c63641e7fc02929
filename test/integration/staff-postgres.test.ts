import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { issue, startHallApp, type HallApp } from '../support/hall';
import { hashPin } from '../../device-daemon/src/maintenance/pin';

/**
 * Hall-wide (PostgreSQL, READ COMMITTED): two daemons share the windows' duty and the 办件 records. A person
 * signed in through one daemon who signs in elsewhere through the other is moved; two windows finishing at
 * once on two daemons never record one 办件编号 twice.
 */
let pg: TestPostgres;
let a: HallApp;
let b: HallApp;
const PIN = '135790';

beforeAll(async () => {
  pg = await startPostgres();
  const pinHash = await hashPin(PIN);
  const config = {
    staff: ['S001', 'S002', 'S003'].map((id) => ({ id, name: `员工${id}`, roles: ['window'], pinHash })),
    matters: [{ code: 'M-1', name: '事项一', department: '部门', categoryId: 'A' }],
  };
  a = await startHallApp({ pgUrl: pg.url, config });
  b = await startHallApp({ pgUrl: pg.url, config });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await pg?.stop();
});

const signIn = async (h: HallApp, counter: number, staffId: string) =>
  (await h.app.inject({ method: 'POST', url: `/api/counters/${counter}/session`, payload: { staffId, pin: PIN } })).json().token as string;
const act = (h: HallApp, counter: number, token: string, action: string, payload?: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: `/api/counters/${counter}/${action}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

describe('staff and 办件 hall-wide (PostgreSQL)', () => {
  it('one duty roster for the hall: signing in at another window through another daemon ends the first session', async () => {
    const first = await signIn(a, 1, 'S001');
    expect((await b.app.inject({ url: '/api/counters/1/duty' })).json().duty.onDuty.id).toBe('S001');
    const second = await signIn(b, 2, 'S001');
    expect((await act(a, 1, first, 'call-next')).json().error).toMatchObject({ code: 'COUNTER_SESSION_ENDED', reason: 'moved' });
    expect((await a.app.inject({ url: '/api/counters/1/duty' })).json().duty.onDuty).toBeNull();
    expect((await a.app.inject({ url: '/api/counters/2/duty' })).json().duty.onDuty.id).toBe('S001');
    await b.app.inject({ method: 'DELETE', url: '/api/counters/2/session', headers: { authorization: `Bearer ${second}` } });
  });

  it('two windows on two daemons finishing with the same 办件编号 at once: one is recorded, the other is 409', async () => {
    const t1 = await signIn(a, 1, 'S002');
    const t2 = await signIn(b, 2, 'S003');
    for (let round = 0; round < 5; round++) {
      await issue(a.app, 'A');
      await issue(b.app, 'A');
      const [c1, c2] = await Promise.all([act(a, 1, t1, 'call-next'), act(b, 2, t2, 'call-next')]);
      expect([c1.statusCode, c2.statusCode]).toEqual([200, 200]);
      await Promise.all([act(a, 1, t1, 'start'), act(b, 2, t2, 'start')]);
      const done = await Promise.all([
        act(a, 1, t1, 'done', { matterCode: 'M-1', caseNumber: `SAME-${round}` }),
        act(b, 2, t2, 'done', { matterCode: 'M-1', caseNumber: `SAME-${round}` }),
      ]);
      expect(done.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      // The loser's ticket is still being served: it finishes with a 办件编号 of its own.
      const loser = done[0]!.statusCode === 409 ? { h: a, n: 1, t: t1 } : { h: b, n: 2, t: t2 };
      expect((await act(loser.h, loser.n, loser.t, 'done', { caseNumber: `OWN-${round}` })).statusCode).toBe(200);
    }
    const rows = await a.app.store.query<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM service_cases WHERE case_number LIKE 'SAME-%'");
    expect(rows[0]!.n).toBe(5);
  });
});
