import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import type { KioskEvent } from '../../device-daemon/src/events/bus';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { hallConfig, staff, until } from '../support/hall';
import { scanPage } from './scan-support';
import { hashPin } from '../../device-daemon/src/core/auth/pin';

/**
 * Issue 13 hall-wide (PostgreSQL): two daemons (kiosk K1 with the scanner, K2 a window's) over one database, one
 * 事项目录 file and one shared PDF folder. Materials scanned at K1 and linked to a ticket open at a window served by
 * K2, logged; retention counts from the service's end and only K1 deletes K1's PDF; help requests and staff-issued
 * 绿色通道 tickets (with their record) are one hall's; the guides come from the same catalogue file.
 */
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const PIN = '135790';
let now = new Date('2026-12-01T01:30:00Z'); // 09:30 in the hall
const clock = { now: () => now };
let pg: TestPostgres;
let dir: string;
let k1: FastifyInstance;
let k2: FastifyInstance;
const k2Events: KioskEvent[] = [];

async function daemon(kioskId: string, devices: object): Promise<FastifyInstance> {
  const dataDir = mkdtempSync(path.join(dir, `${kioskId}-`));
  const raw = hallConfig({ driver: 'postgres', url: pg.url }, {
    hall: { name: '测试大厅', kioskId },
    devices,
    matters: path.join(dir, '事项目录.csv'),
    scan: { resolution: 100, retentionDays: 7, pdfFolder: path.join(dir, 'shared-pdfs') },
    staff: [{ id: 'M001', name: '陈主任', roles: ['manager'], pinHash: await hashPin(PIN) }],
  });
  const app = buildApp({ config: parseConfig(raw, dataDir), clock }, { logger: false });
  await app.ready();
  return app;
}

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-materials-pg-'));
  writeFileSync(path.join(dir, '事项目录.csv'), [
    '事项编码,事项名称,实施部门,分类,办理时限,办理窗口,材料名称,原件/复印件,容缺',
    'HJ-001,户口迁移登记,公安局,A,5个工作日,1、2,居民身份证,原件,',
    ',,,,,,居民户口簿,原件及复印件,是',
  ].join('\n'));
  k1 = await daemon('K1', { scanner: { driver: 'simulated' }, printer: { driver: 'simulated' } });
  k2 = await daemon('K2', {});
  k2.events.subscribe((e) => k2Events.push(e));
}, 60_000);
afterAll(async () => {
  await k1?.close();
  await k2?.close();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const post = (app: FastifyInstance, url: string, payload?: object, headers = {}) => app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('materials to the window, hall-wide', () => {
  it('a PDF scanned at one kiosk opens at a window on another daemon, the opening logged; retention from 办结, by its own kiosk', async () => {
    const ticket = (await post(k1, '/api/queue/tickets', { categoryId: 'A', delivery: 'screen' })).json().ticket;
    const sub = (await post(k1, '/api/scan/submissions', { matterId: 'HJ-001', ticketId: ticket.id })).json().submission;
    expect((await scanPage(k1, sub.id, 'm1')).state).toBe('done');
    expect((await post(k1, `/api/scan/submissions/${sub.id}/finish`)).statusCode).toBe(200);

    const found = (await k2.inject({ url: `/api/scan/window/submissions?ticketId=${ticket.id}`, headers: staff(2) })).json().submissions;
    expect(found).toMatchObject([{ number: sub.number, ticketId: ticket.id, missing: ['居民户口簿'] }]);
    const pdf = await k2.inject({ url: `/api/scan/submissions/${sub.id}/pdf`, headers: staff(2) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const openings = (await k1.inject({ url: `/api/scan/submissions/${sub.id}/openings`, headers: staff(1) })).json().openings;
    expect(openings).toMatchObject([{ counter: 2, via: 'window-token' }]);

    // Served at window 2 (K2) at 17:00, 7½ hours after the scan: retention counts from then, not from the scan.
    const scannedAt = now.getTime();
    now = new Date(scannedAt + 7.5 * HOUR);
    const called = await post(k2, '/api/counters/2/call-next', undefined, staff(2));
    expect(called.json().counter?.current?.id, called.body).toBe(ticket.id);
    await post(k2, '/api/counters/2/start', undefined, staff(2));
    expect((await post(k2, '/api/counters/2/done', { matterCode: 'HJ-001' }, staff(2))).statusCode).toBe(200);
    await until(async () => (await k1.store.query<{ e: string | null }>('SELECT service_ended_at AS e FROM scan_submissions WHERE id = $1', [sub.id]))[0]!.e !== null);
    const file = path.join(dir, 'shared-pdfs', `${sub.number}.pdf`);
    expect(existsSync(file)).toBe(true);

    now = new Date(scannedAt + 7 * DAY + HOUR); // 7 days after the scan, not yet 7 after 办结
    expect(await k1.scan.sweep()).toMatchObject({ expired: 0 });
    now = new Date(scannedAt + 7 * DAY + 8 * HOUR); // 7 days after 办结
    expect(await k2.scan.sweep()).toMatchObject({ expired: 0 }); // not K2's PDF
    expect(existsSync(file)).toBe(true);
    expect(await k1.scan.sweep()).toMatchObject({ expired: 1 });
    expect(existsSync(file)).toBe(false);
    const gone = await k2.inject({ url: `/api/scan/submissions/${sub.id}/pdf`, headers: staff(2) });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).not.toContain('%PDF');
  });
});

describe('帮办, 绿色通道 and guides, hall-wide', () => {
  it('a help request raised at K1 rings at K2 and is taken once when two windows take it at once', async () => {
    const request = (await post(k1, '/api/help-requests', { screen: 'scan', elder: true })).json().request;
    await until(() => k2Events.some((e) => e.type === 'help.requested'), 5000, 'help.requested relayed to K2');
    expect((await k2.inject({ url: '/api/help-requests', headers: staff(2) })).json().requests.map((r: { id: string }) => r.id)).toContain(request.id);
    const both = await Promise.all([post(k1, `/api/help-requests/${request.id}/take`, undefined, staff(1)), post(k2, `/api/help-requests/${request.id}/take`, undefined, staff(2))]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('HELP_ALREADY_TAKEN');
    const closed = (await post(k2, `/api/help-requests/${request.id}/close`, undefined, staff(2))).json().request;
    expect(closed).toMatchObject({ state: 'closed', outcome: 'helped', elder: true });
    expect(closed.takenAt).not.toBeNull();
  });

  it('a staff-issued 绿色通道 ticket at K2 needs a configured reason, is a priority ticket and on record hall-wide', async () => {
    expect((await post(k2, '/api/help/priority-tickets', { categoryId: 'A', reason: '熟人', delivery: 'screen' }, staff(2))).json().error.code).toBe('PRIORITY_REASON_UNKNOWN');
    const r = await post(k2, '/api/help/priority-tickets', { categoryId: 'A', reason: '残疾人', delivery: 'screen' }, staff(2));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().grant).toEqual({ issuedBy: 'window-2', reason: '残疾人' });
    const [grant] = await k1.store.query<{ issued_by: string; reason: string }>('SELECT issued_by, reason FROM priority_grants WHERE ticket_id = $1', [r.json().ticket.id]);
    expect(grant).toEqual({ issued_by: 'window-2', reason: '残疾人' });
    // A priority ticket of its category (the hall's ratio decides when the priority lane is called), seen by K1.
    const ticket = (await k1.inject(`/api/queue/tickets/${r.json().ticket.id}`)).json().ticket;
    expect(ticket).toMatchObject({ priority: true, categoryId: 'A' });

    // The manager reads the record on the other daemon; a window cannot.
    const manager = (await post(k1, '/api/manage/session', { staffId: 'M001', pin: PIN })).json().token as string;
    const day = ticket.serviceDate as string;
    expect((await k1.inject({ url: `/api/manage/priority-grants?from=${day}&to=${day}`, headers: staff(1) })).statusCode).toBe(401);
    const record = await k1.inject({ url: `/api/manage/priority-grants?from=${day}&to=${day}`, headers: { authorization: `Bearer ${manager}` } });
    expect(record.json().grants).toEqual([expect.objectContaining({ ticketId: ticket.id, number: ticket.number, issuedBy: { id: 'window-2', name: null }, reason: '残疾人' })]);
    expect((await k1.inject({ url: '/api/manage/priority-grants?from=2026-12-02&to=2026-12-01', headers: { authorization: `Bearer ${manager}` } })).statusCode).toBe(400);
  });

  it('both daemons serve the 办事指南 of the one 事项目录 file', async () => {
    for (const app of [k1, k2]) {
      const guide = (await app.inject('/api/guides/HJ-001')).json().guide;
      expect(guide).toMatchObject({ name: '户口迁移登记', timeLimit: '5个工作日', windows: [1, 2] });
      expect(guide.materials).toMatchObject([{ name: '居民身份证', form: 'original' }, { name: '居民户口簿', form: 'original-and-copy', deferrable: true }]);
    }
  });
});
