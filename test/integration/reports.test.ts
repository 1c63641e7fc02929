import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { hallConfig } from '../support/hall';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { removeDir, testPinHash, TEST_PIN } from './maintenance-helpers';
import { insertHandDay } from './reports-day';

/** Noon on 2026-12-01 in the hall (Asia/Shanghai): 11-30 is a closed day (rolled up), 12-01 is today (live). */
const NOON = '2026-12-01T04:00:00Z';
let nowIso = NOON;
const clock = { now: () => new Date(nowIso) };

async function startReportsApp(store: 'sqlite' | string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-reports-'));
  const pinHash = await testPinHash();
  const storeConfig = store === 'sqlite' ? { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') } : { driver: 'postgres', url: store };
  const config = hallConfig(storeConfig, {
    hall: { name: '测试大厅', timezone: 'Asia/Shanghai' },
    staff: [
      { id: 'S001', name: '李明', roles: ['window'], pinHash },
      { id: 'S002', name: '陈静', roles: ['window'], pinHash },
      { id: 'M001', name: '王芳', roles: ['manager'], pinHash },
    ],
  });
  const app = buildApp({ config: parseConfig(config, dataDir), clock }, { logger: false });
  await app.ready();
  const token = (await app.inject({ method: 'POST', url: '/api/manage/session', payload: { staffId: 'M001', pin: TEST_PIN } })).json().token as string;
  return { app, dataDir, headers: { authorization: `Bearer ${token}` } };
}

let pg: TestPostgres;
beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.stop();
});

describe.each(['sqlite', 'postgres'] as const)('manager statistics on %s match a hand count', (engine) => {
  let app: FastifyInstance;
  let dataDir: string;
  let headers: Record<string, string>;
  const stats = async (query: string) => (await app.inject({ url: `/api/manage/reports/statistics?${query}`, headers })).json();

  beforeAll(async () => {
    ({ app, dataDir, headers } = await startReportsApp(engine === 'sqlite' ? 'sqlite' : pg.url));
    await insertHandDay(app.store, '2026-11-30', 0);
    await insertHandDay(app.store, '2026-12-01', 1);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    removeDir(dataDir);
  });

  it('counts a closed day from its rollup: tickets, waits, service times, by category, window, staff, hour and weekday', async () => {
    const s = await stats('from=2026-11-30&to=2026-11-30');
    expect(s.totals).toMatchObject({ issued: 6, served: 3, noShow: 1, transferred: 1, waitMedian: 4, waitP90: 10, serviceMedian: 5, serviceP90: 10 });
    expect(s.byCategory).toEqual([
      { key: 'A', label: 'A 社会民生', issued: 4, served: 2, noShow: 1, transferred: 1, waitMedian: 2, waitP90: 10, serviceMedian: 3, serviceP90: 5 },
      { key: 'B', label: 'B 注册登记', issued: 2, served: 1, noShow: 0, transferred: 0, waitMedian: 4, waitP90: 4, serviceMedian: 10, serviceP90: 10 },
    ]);
    expect(s.byWindow.map((w: Record<string, unknown>) => [w.label, w.issued, w.served, w.noShow, w.waitMedian])).toEqual([
      ['1号窗口', 2, 1, 1, 2], ['2号窗口', 3, 2, 0, 4],
    ]);
    expect(s.byStaff.map((w: Record<string, unknown>) => [w.label, w.served, w.serviceMedian])).toEqual([['S001 李明', 1, 5], ['S002 陈静', 2, 3]]);
    expect(s.byHour.map((h: Record<string, unknown>) => [h.key, h.issued])).toEqual([['09', 2], ['10', 3], ['14', 1]]);
    expect(s.byWeekday[0]).toEqual({ key: '1', label: '周一', issued: 6, days: 1 });
    const rolled = await app.store.query<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM report_periods WHERE period = '2026-11-30'");
    expect(rolled[0]!.n).toBe(1);
  });

  it('counts 好差评 as the provincial report does: 满意率 with default ratings, levels, 差评 reasons ranked, 工单', async () => {
    const s = await stats('from=2026-11-30&to=2026-11-30');
    expect(s.ratings).toEqual({ count: 6, satisfactionRate: 66.7, levels: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 2 }, defaults: 1 });
    expect(s.badReasons).toEqual([{ reason: '等候时间长', count: 2 }, { reason: '窗口态度差', count: 1 }]);
    expect(s.workorders).toEqual({ open: 1, closed: 1, overdue: 1 });
    expect(s.ratingsByStaff.map((r: Record<string, unknown>) => [r.key, r.count, r.satisfactionRate])).toEqual([['S001', 3, 100], ['S002', 3, 33.3]]);
  });

  it('adds today live to the rolled-up days, and the same day counts the same either way', async () => {
    const today = await stats('');
    expect(today.from).toBe('2026-12-01');
    expect(today.totals).toMatchObject({ issued: 6, served: 3, waitMedian: 4, serviceP90: 10 });
    const both = await stats('from=2026-11-24&to=2026-12-01');
    expect(both.totals).toMatchObject({ issued: 12, served: 6, noShow: 2, transferred: 2, waitMedian: 4, waitP90: 10 });
    expect(both.days).toBe(8);
    expect(both.byWeekday.map((w: Record<string, unknown>) => w.issued)).toEqual([6, 6, 0, 0, 0, 0, 0]);
  });

  it('shows the live hall as counted by hand: the longest wait now, devices in fault on every kiosk, help taken by the manager', async () => {
    try {
      // 14:30 in the hall: today's B002 (issued 14:00) is the only ticket still waiting.
      nowIso = '2026-12-01T06:30:00Z';
      // The manager signs in again: the noon session has been idle for over 30 minutes.
      const token = (await app.inject({ method: 'POST', url: '/api/manage/session', payload: { staffId: 'M001', pin: TEST_PIN } })).json().token as string;
      const headers = { authorization: `Bearer ${token}` };
      const stats = async (query: string) => (await app.inject({ url: `/api/manage/reports/statistics?${query}`, headers })).json();
      const seen: string[] = [];
      const off = app.events.subscribe((e) => { if (e.type === 'device.fault') seen.push(`${e.kioskId}:${e.device}:${e.state}`); });
      app.events.publish('device.state', { device: 'printer', state: 'error', previous: 'idle', reason: '缺纸' });
      await app.deviceFaults.flush();
      // Another daemon of the hall wrote its fault into the same store.
      await app.store.execute(`INSERT INTO device_faults (id, kiosk_id, device, state, reason, service_date, started_at)
        VALUES ('f-2', 'kiosk-2', 'idReader', 'offline', NULL, '2026-12-01', '2026-12-01T06:10:00.000Z')`);
      const live = (await app.inject({ url: '/api/manage/live', headers })).json();
      expect(live.longestWaits).toEqual([{ categoryId: 'B', number: 'B002', issuedAt: '2026-12-01T06:00:00.000Z', minutes: 30 }]);
      expect(live.deviceFaults.map((f: Record<string, unknown>) => [f.kioskId, f.label, f.state, f.reason])).toEqual([
        ['kiosk-2', '身份证阅读器', 'offline', null], [app.config.hall.kioskId, '票据打印机', 'error', '缺纸'],
      ]);
      nowIso = '2026-12-01T06:45:00Z';
      app.events.publish('device.state', { device: 'printer', state: 'idle', previous: 'error' });
      await app.deviceFaults.flush();
      off();
      expect(seen).toEqual([`${app.config.hall.kioskId}:printer:error`, `${app.config.hall.kioskId}:printer:ready`]);
      expect((await app.inject({ url: '/api/manage/live', headers })).json().deviceFaults).toHaveLength(1);
      // Statistics by device: the printer's 15 minutes, kiosk-2's reader still out (35 minutes to now).
      const s = await stats('from=2026-12-01&to=2026-12-01');
      expect(s.deviceFaults.map((f: Record<string, unknown>) => [f.kioskId, f.device, f.faults, f.minutes, f.open])).toEqual([
        [app.config.hall.kioskId, 'printer', 1, 15, 0], ['kiosk-2', 'idReader', 1, 35, 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
      // A help request rings the manager too, who may take it and close it.
      const raised = (await app.inject({ method: 'POST', url: '/api/help-requests', payload: { screen: 'home' } })).json().request;
      const taken = await app.inject({ method: 'POST', url: `/api/help-requests/${raised.id}/take`, headers });
      expect(taken.json().request).toMatchObject({ state: 'taken', takenBy: { id: 'M001' } });
      expect((await app.inject({ method: 'POST', url: `/api/help-requests/${raised.id}/close`, headers })).json().request.state).toBe('closed');
    } finally {
      nowIso = NOON;
      // Signing in at 14:30 ended the noon session (idle over 30 minutes): the next tests sign in afresh.
      const again = await app.inject({ method: 'POST', url: '/api/manage/session', payload: { staffId: 'M001', pin: TEST_PIN } });
      headers = { authorization: `Bearer ${again.json().token as string}` };
    }
  });

  it('refuses a backwards range and a session-less request in the documented shape', async () => {
    const bad = await app.inject({ url: '/api/manage/reports/statistics?from=2026-12-02&to=2026-12-01', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_RANGE');
    expect((await app.inject({ url: '/api/manage/reports/statistics' })).json().error.code).toBe('MANAGER_SESSION_REQUIRED');
  });

  it('exports CSV (UTF-8, BOM) and XLSX that LibreOffice opens with the Chinese intact', async () => {
    const csv = await app.inject({ url: '/api/manage/reports/export?format=csv&from=2026-11-30&to=2026-11-30', headers });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('事项分类,取号数,办结数,过号数,转移数');
    expect(csv.body).toContain('A 社会民生,4,2,1,1,2,10,3,5\r\n');
    const xlsx = await app.inject({ url: '/api/manage/reports/export?format=xlsx&from=2026-11-30&to=2026-11-30', headers });
    expect(xlsx.statusCode).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-xlsx-'));
    try {
      writeFileSync(path.join(dir, 'report.xlsx'), xlsx.rawPayload);
      // Sheet -1: LibreOffice writes every sheet to report-<sheet name>.csv (UTF-8, comma): one file per table.
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, path.join(dir, 'report.xlsx')],
      { timeout: 150_000, stdio: 'ignore' });
      const sheet = (name: string) => readFileSync(path.join(dir, `report-${name}.csv`), 'utf8');
      expect(sheet('按事项分类')).toContain('事项分类,取号数,办结数,过号数,转移数');
      expect(sheet('按事项分类')).toContain('A 社会民生,4,2,1,1,2,10,3,5');
      expect(sheet('好差评')).toContain('S002 陈静,3,33.3,1,0,0,1,1,0');
      expect(sheet('差评原因')).toContain('等候时间长,2');
      expect(sheet('差评工单')).toContain('1,1,1');
    } finally {
      removeDir(dir);
    }
  }, 200_000);
});
