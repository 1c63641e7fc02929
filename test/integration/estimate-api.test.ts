import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { seededRandom } from '../../device-daemon/src/estimate/simulate';
import { hallConfig } from '../support/hall';
import { generateDay, HALL } from '../replay/day';
import { removeDir, testPinHash, TEST_PIN } from './maintenance-helpers';
import { startPostgres, type TestPostgres } from '../support/postgres';

/** 10:00 on 2026-12-01 in the hall (Asia/Shanghai); 11-30 is a generated busy day, the history. */
const START = new Date('2026-12-01T02:00:00Z');
let now = START;
const clock = { now: () => now };
const NAMES = { A: '社会民生', B: '注册登记', C: '经营许可', D: '投资建设', E: '综合服务', F: '企业绿色通道' } as const;
// The replay's hall: six windows shared by six categories, F the priority lane.
const categories = Object.entries(NAMES).map(([id, name]) => ({
  id, name, priority: id === 'F', windows: HALL.windows.filter((w) => w.categories.includes(id)).map((w) => w.counter),
}));

let app: FastifyInstance;
let dataDir: string;
let headers: Record<string, string>;

/** A generated day of the busy hall written as the queue writes tickets (seconds since local midnight → UTC). */
async function insertDay(date: string) {
  const midnight = Date.parse(`${date}T00:00:00+08:00`);
  const iso = (s: number | null) => (s === null ? null : new Date(midnight + s * 1000).toISOString());
  const day = generateDay(seededRandom(3));
  for (const [i, r] of day.entries()) {
    await app.store.execute(
      `INSERT INTO tickets (id, number, category_id, service_date, seq, state, priority, delivery, printed, counter, recalls,
        issued_at, called_at, serving_at, done_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'print', 1, $8, 0, $9, $10, $10, $11)`,
      [`h${i}`, `${r.category}${i}`, r.category, date, i + 1, r.done === null ? 'issued' : 'done', r.category === 'F' ? 1 : 0,
        r.counter, iso(r.issued), iso(r.called), iso(r.done)],
    );
  }
  return day.length;
}

// The model's SQL (the hall now, the served history, the what-if day) runs on both stores: one kiosk and a hall.
describe.each(['sqlite', 'postgres'] as const)('on %s', (driver) => {
  let pg: TestPostgres | undefined;

  beforeAll(async () => {
    now = START;
    dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-estimate-'));
    const pinHash = await testPinHash();
    if (driver === 'postgres') pg = await startPostgres();
    const store = pg ? { driver: 'postgres' as const, url: pg.url } : { driver: 'sqlite' as const, path: path.join(dataDir, 'kiosk.db') };
    const config = hallConfig(store, {
      hall: { name: '测试大厅', timezone: 'Asia/Shanghai' },
      queue: { priorityRatio: 2, categories },
      staff: [{ id: 'M001', name: '王芳', roles: ['manager'], pinHash }],
    });
    app = buildApp({ config: parseConfig(config, dataDir), clock }, { logger: false });
    await app.ready();
    const token = (await app.inject({ method: 'POST', url: '/api/manage/session', payload: { staffId: 'M001', pin: TEST_PIN } })).json().token as string;
    headers = { authorization: `Bearer ${token}` };
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await pg?.stop();
    removeDir(dataDir);
  });

  const whatIf = (payload: Record<string, unknown>, h = headers) => app.inject({ method: 'POST', url: '/api/manage/estimate/what-if', payload, headers: h });

  describe('the wait estimate, wired', () => {
    it('without history the categories keep the naive estimate (none before service times are known)', async () => {
      const res = await app.inject({ url: '/api/queue/categories' });
      expect(res.json().categories.find((c: { id: string }) => c.id === 'A')).toMatchObject({ estimatedWaitMinutes: null, estimatedWait: null });
    });

    it('with a served day behind it, categories and the issued ticket show a range in citizen words', async () => {
      await insertDay('2026-11-30');
      now = new Date('2026-12-01T02:11:00Z'); // the model reads its history again every ten minutes
      for (let i = 0; i < 12; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'D', delivery: 'screen' } });
        expect(res.statusCode).toBe(201);
      }
      const d = (await app.inject({ url: '/api/queue/categories' })).json().categories.find((c: { id: string }) => c.id === 'D');
      expect(d.estimatedWait).toMatchObject({ basis: 'simulation' });
      expect(d.estimatedWait.text).toMatch(/^约 \d+(–\d+)? 分钟$/);
      expect(d.estimatedWaitMinutes).toBe(d.estimatedWait.medianMinutes);
      // Twelve ahead at two windows of about 11 minutes each: most of an hour, not minutes.
      expect(d.estimatedWait.medianMinutes).toBeGreaterThan(30);
      const issued = (await app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'D', delivery: 'screen' } })).json().ticket;
      expect(issued.waitingAhead).toBe(12);
      expect(issued.estimatedWait).toMatchObject({ basis: 'simulation' });
      const first = (await app.inject({ url: '/api/queue/tickets/by-number/D001' })).json().ticket;
      expect(first.estimatedWait.text).toBe('即将轮到您');
    });
  });

  describe('what-if (hall twin) under /api/manage', () => {
    it('needs the manager', async () => {
      expect((await whatIf({ date: '2026-11-30', windows: [] }, {})).statusCode).toBe(401);
      expect((await app.inject({ url: '/api/manage/estimate/what-if' })).statusCode).toBe(401);
    });

    it('starts from the configured windows; the same plan replays to the same waits', async () => {
      const plan = (await app.inject({ url: '/api/manage/estimate/what-if', headers })).json();
      expect(plan.windows).toEqual(HALL.windows.map((w) => ({ counter: w.counter, categories: [...w.categories].sort() })));
      const res = await whatIf({ date: '2026-11-30', windows: plan.windows });
      expect(res.statusCode).toBe(200);
      for (const c of res.json().categories) expect(c.after).toEqual(c.before);
    });

    it('fewer windows open: longer waits for the categories they served', async () => {
      const windows = HALL.windows.filter((w) => w.counter !== 4 && w.counter !== 5).map((w) => ({ counter: w.counter, categories: [...w.categories] }));
      const res = await whatIf({ date: '2026-11-30', windows });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.tickets).toBeGreaterThan(300);
      const d = body.categories.find((c: { categoryId: string }) => c.categoryId === 'D');
      // D was served by windows 4 and 5 only: nobody serves it now.
      expect(d.after).toMatchObject({ meanMinutes: null, unserved: d.tickets });
      const c = body.categories.find((x: { categoryId: string }) => x.categoryId === 'C');
      expect(c.after.meanMinutes).toBeGreaterThan(c.before.meanMinutes);
      expect(c.recordedMeanMinutes).toBeGreaterThan(0);
    });

    it('clear errors: an unknown category, a day without tickets, a bad date', async () => {
      const unknown = await whatIf({ date: '2026-11-30', windows: [{ counter: 1, categories: ['Z'] }] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.code).toBe('CATEGORY_NOT_FOUND');
      const empty = await whatIf({ date: '2026-10-01', windows: [] });
      expect(empty.statusCode).toBe(404);
      expect(empty.json().error.code).toBe('DAY_NOT_FOUND');
      expect((await whatIf({ date: 'yesterday', windows: [] })).statusCode).toBe(400);
    });
  });
});
