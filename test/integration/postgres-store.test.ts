import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { act, issue, startHallApp, type HallApp } from '../support/hall';
import { PostgresDb } from '../../device-daemon/src/store/postgres';
import { SqliteDb } from '../../device-daemon/src/store/sqlite';
import type { Db, Migration } from '../../device-daemon/src/store/db';

let pg: TestPostgres;
const apps: HallApp[] = [];

beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  for (const h of apps.splice(0)) await h.close().catch(() => undefined);
  await pg?.stop();
});

/** Every `*migrations.ts` under device-daemon/src, so a namespace added later is checked too. */
function migrationFiles(dir = path.resolve(import.meta.dirname, '../../device-daemon/src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return migrationFiles(full);
    return /migrations\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

async function allMigrations(): Promise<{ namespace: string; list: Migration[] }[]> {
  const found: { namespace: string; list: Migration[] }[] = [];
  for (const file of migrationFiles()) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (Array.isArray(value) && value.every((m) => typeof m?.id === 'string' && typeof m?.sql === 'string')) {
        found.push({ namespace: `${path.basename(path.dirname(file))}:${name}`, list: value as Migration[] });
      }
    }
  }
  // The queue's tickets come first: other namespaces reference them.
  return found.sort((a, b) => Number(b.namespace.startsWith('queue:queue')) - Number(a.namespace.startsWith('queue:queue')));
}

describe('PostgreSQL store', () => {
  it('runs every namespace migration on both PostgreSQL and SQLite, twice without harm', async () => {
    const namespaces = await allMigrations();
    expect(namespaces.map((n) => n.namespace)).toEqual(expect.arrayContaining(['queue:queueMigrations', 'counters:counterMigrations']));
    const dir = mkdtempSync(path.join(tmpdir(), 'mig-'));
    await pg.up();
    const dbs: Db[] = [await PostgresDb.connect(pg.url.replace(/kiosk_test$/, 'postgres')), new SqliteDb(path.join(dir, 'm.db'))];
    const failures: string[] = [];
    try {
      for (const db of dbs) {
        for (const { namespace, list } of namespaces) {
          for (let round = 0; round < 2; round++) {
            await db.migrate(namespace, list).catch((err: Error) => failures.push(`${db.dialect} ${namespace}: ${err.message}`));
          }
        }
        expect(await db.integrityCheck()).toEqual([]);
      }
    } finally {
      for (const db of dbs) await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(failures).toEqual([]);
  });

  it('three daemons issuing at once never hand out a number twice', async () => {
    const hall = await Promise.all([0, 1, 2].map(() => startHallApp({ pgUrl: pg.url })));
    apps.push(...hall);
    const perApp = 100;
    const numbers = (
      await Promise.all(
        hall.map(async (h) => {
          const mine: string[] = [];
          // Ten requests in flight per daemon: real contention on the counter row.
          for (let i = 0; i < perApp; i += 10) {
            mine.push(...(await Promise.all(Array.from({ length: 10 }, (_v, k) => issue(h.app, (i + k) % 3 === 0 ? 'B' : 'A')))));
          }
          return mine;
        }),
      )
    ).flat();
    expect(numbers).toHaveLength(300);
    expect(new Set(numbers).size).toBe(300);
    const a = numbers.filter((n) => n.startsWith('A')).sort();
    const b = numbers.filter((n) => n.startsWith('B')).sort();
    // Contiguous series: no number skipped either.
    expect(a).toEqual(a.map((_n, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(b).toEqual(b.map((_n, i) => `B${String(i + 1).padStart(3, '0')}`));

    // Counters on different daemons calling at once never call the same ticket.
    const calls: string[] = [];
    await Promise.all(
      [[hall[0]!, 1], [hall[1]!, 2]].map(async ([h, counter]) => {
        for (let i = 0; i < 25; i++) {
          const r = await act((h as HallApp).app, counter as number, 'call-next');
          expect(r.status).toBe(200);
          calls.push(r.body.counter.current.number);
          expect((await act((h as HallApp).app, counter as number, 'no-show')).status).toBe(200);
        }
      }),
    );
    expect(new Set(calls).size).toBe(50);
  });

  it('answers 503 STORE_UNAVAILABLE quickly while the database is down, and works again once it is back', async () => {
    const h = await startHallApp({ pgUrl: pg.url });
    apps.push(h);
    expect(await issue(h.app, 'A')).toMatch(/^A\d{3}$/);
    await pg.down();
    try {
      for (const request of [
        { method: 'POST' as const, url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } },
        { method: 'GET' as const, url: '/api/queue/categories' },
        { method: 'GET' as const, url: '/api/counters/1' },
      ]) {
        const started = Date.now();
        const res = await h.app.inject(request);
        expect(res.statusCode, request.url).toBe(503);
        expect(res.json().error.code).toBe('STORE_UNAVAILABLE');
        expect(Date.now() - started).toBeLessThan(5000);
      }
    } finally {
      await pg.up();
    }
    // The very next request after the server is back succeeds: dead pooled connections were dropped.
    const again = await h.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } });
    expect(again.statusCode).toBe(201);
    const counter = await act(h.app, 1, 'call-next');
    expect(counter.status).toBe(200);
  });
});
