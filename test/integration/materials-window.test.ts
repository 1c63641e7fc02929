import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../device-daemon/src/app';
import { parseConfig } from '../../device-daemon/src/config/load';
import { hashPin } from '../../device-daemon/src/core/auth/pin';
import { testPinHash } from './maintenance-helpers';
import { scanPage } from './scan-support';
import { HUKOU_MIGRATION } from '../support/matters';

/**
 * Issue 13 on the daemon: a scanned submission linked to a ticket reaches the window (PDF for signed-in staff only,
 * every opening logged), the 一次性告知单 holds every material, and a help request goes open → taken → closed.
 */
const PIN = '135790';
const MATTER = HUKOU_MIGRATION;
let app: FastifyInstance;
let dataDir: string;
let token: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-materials-'));
  const pinHash = await hashPin(PIN);
  const raw = {
    hall: { name: '潮安区政务服务中心', publicBaseUrl: 'https://hall.example' },
    devices: { scanner: { driver: 'simulated' }, printer: { driver: 'simulated' } },
    store: { driver: 'sqlite', path: path.join(dataDir, 'kiosk.db') },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2] }] },
    staff: [{ id: 'S001', name: '李明', roles: ['window'], pinHash }, { id: 'S002', name: '王芳', roles: ['window'], pinHash }],
    matters: [MATTER],
    scan: { resolution: 100 },
    maintenance: { pinHash: await testPinHash() },
    log: { level: 'silent' },
  };
  app = buildApp({ config: parseConfig(raw, dataDir) }, { logger: false });
  await app.ready();
  const signed = await app.inject({ method: 'POST', url: '/api/counters/2/session', payload: { staffId: 'S001', pin: PIN } });
  token = signed.json().token;
});
afterAll(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bearer = (t = token) => ({ authorization: `Bearer ${t}` });
const post = (url: string, payload?: object, headers = {}) => app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });

describe('materials to the window', () => {
  it('links a submission to its ticket; the calling window opens the PDF, logged; without sign-in 401 and no PDF byte', async () => {
    const ticket = (await post('/api/queue/tickets', { categoryId: 'A', delivery: 'screen' })).json().ticket;
    const sub = (await post('/api/scan/submissions', { matterId: MATTER.code, ticketId: ticket.id })).json().submission;
    expect((await scanPage(app, sub.id, 'id-card')).state).toBe('done');
    expect((await post(`/api/scan/submissions/${sub.id}/finish`)).statusCode).toBe(200);
    // 容缺: the receipt names the required materials left out
    const receipt = (await app.inject('/api/sim/printer/receipts')).json().receipts.at(-1).lines.join('\n');
    expect(receipt).toContain('尚缺材料');
    expect(receipt).toContain('居民户口簿');
    expect(receipt).toContain('准予迁入证明');
    expect(receipt).not.toContain('近期免冠照片');

    for (const headers of [{}, bearer('not-a-token-at-all-000000000')]) {
      const refused = await app.inject({ url: `/api/scan/submissions/${sub.id}/pdf`, headers });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['content-type']).toContain('application/json');
      expect(refused.body).not.toContain('%PDF');
      expect(refused.json().error.code).toBe('STAFF_SIGN_IN_REQUIRED');
    }
    expect((await app.inject({ url: `/api/scan/window/submissions?ticketId=${ticket.id}` })).statusCode).toBe(401);

    const found = (await app.inject({ url: `/api/scan/window/submissions?ticketId=${ticket.id}`, headers: bearer() })).json().submissions;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ number: sub.number, ticketId: ticket.id, missing: ['居民户口簿', '准予迁入证明'] });
    const byNumber = (await app.inject({ url: `/api/scan/window/submissions?number=${sub.number}`, headers: bearer() })).json().submissions;
    expect(byNumber[0].id).toBe(sub.id);

    const pdf = await app.inject({ url: `/api/scan/submissions/${sub.id}/pdf`, headers: bearer() });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const openings = (await app.inject({ url: `/api/scan/submissions/${sub.id}/openings`, headers: bearer() })).json().openings;
    expect(openings).toHaveLength(1);
    expect(openings[0]).toMatchObject({ staffId: 'S001', counter: 2, via: 'window' });

    const reviewed = await app.inject({ method: 'PUT', url: `/api/scan/submissions/${sub.id}/review`, headers: bearer(), payload: { received: ['id-card'], requested: ['household-book'] } });
    expect(reviewed.json().submission.review).toEqual({ received: ['id-card'], requested: ['household-book'] });
    const bad = await app.inject({ method: 'PUT', url: `/api/scan/submissions/${sub.id}/review`, headers: bearer(), payload: { received: ['nope'], requested: [] } });
    expect(bad.json().error.code).toBe('MATERIAL_NOT_FOUND');
  });

  it('links by the SM number after scanning, and refuses an unknown ticket', async () => {
    const sub = (await post('/api/scan/submissions', { matterId: MATTER.code })).json().submission;
    expect((await app.inject({ method: 'PUT', url: `/api/scan/submissions/${sub.id}/ticket`, payload: { ticketId: 'nope' } })).json().error.code).toBe('TICKET_NOT_FOUND');
    const ticket = (await post('/api/queue/tickets', { categoryId: 'A', delivery: 'screen' })).json().ticket;
    expect((await app.inject({ method: 'PUT', url: `/api/scan/submissions/${sub.id}/ticket`, payload: { ticketId: ticket.id } })).statusCode).toBe(204);
  });
});

describe('一次性告知', () => {
  it('finds a 事项 by pinyin initials and prints a 一次性告知单 holding every material, with a QR to the guide', async () => {
    const byInitials = (await app.inject('/api/guides?q=hkqy')).json().guides;
    expect(byInitials.map((g: { code: string }) => g.code)).toEqual([MATTER.code]);
    expect((await app.inject(`/api/guides?q=${encodeURIComponent('迁移')}`)).json().guides).toHaveLength(1);
    expect((await app.inject('/api/guides?q=zzzz')).json().guides).toHaveLength(0);
    expect((await post(`/api/guides/${MATTER.code}/print`)).json()).toEqual({ printed: true });
    const leaflet = (await app.inject('/api/sim/printer/receipts')).json().receipts.at(-1);
    const text = leaflet.lines.join('\n');
    expect(text).toContain('一次性告知单');
    for (const m of MATTER.materials) expect(text).toContain(m.name);
    expect(text).toContain('原件及复印件');
    expect(text).toContain('可容缺');
    for (const fact of ['5个工作日', '不收费', '一楼综合窗口', '1号、2号', '0768-1234567']) expect(text).toContain(fact);
    expect(leaflet.qr).toContain(`https://hall.example/m/g/${MATTER.code}`);
    expect((await post('/api/guides/NOPE/print')).statusCode).toBe(404);
  });
});

describe('帮办代办', () => {
  it('a kiosk raises a request; staff see it, one takes it (a second is refused), closes it; times are kept', async () => {
    const events: string[] = [];
    const off = app.events.subscribe((e) => { if (e.type.startsWith('help.')) events.push(e.type); });
    const raised = await post('/api/help-requests', { screen: 'scan', elder: true });
    expect(raised.statusCode).toBe(201);
    const req = raised.json().request;
    expect(req).toMatchObject({ state: 'open', screen: 'scan', elder: true });
    // pressing again while waiting rings once
    expect((await post('/api/help-requests', { screen: 'scan' })).json().request.id).toBe(req.id);
    expect((await app.inject('/api/help-requests')).statusCode).toBe(401);
    expect((await post(`/api/help-requests/${req.id}/take`)).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/help-requests', headers: bearer() })).json().requests.map((r: { id: string }) => r.id)).toContain(req.id);

    const taken = (await post(`/api/help-requests/${req.id}/take`, undefined, bearer())).json().request;
    expect(taken).toMatchObject({ state: 'taken', takenBy: { id: 'S001', name: '李明' }, takenAtCounter: 2 });
    const other = (await post('/api/counters/1/session', { staffId: 'S002', pin: PIN })).json().token;
    const second = await post(`/api/help-requests/${req.id}/take`, undefined, bearer(other));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('李明');
    expect((await app.inject(`/api/help-requests/${req.id}`)).json().request.state).toBe('taken');

    const closed = (await post(`/api/help-requests/${req.id}/close`, undefined, bearer())).json().request;
    expect(closed.state).toBe('closed');
    expect(closed.outcome).toBe('helped');
    expect(Date.parse(closed.requestedAt)).toBeLessThanOrEqual(Date.parse(closed.takenAt));
    expect(Date.parse(closed.takenAt)).toBeLessThanOrEqual(Date.parse(closed.closedAt));
    expect(events).toEqual(['help.requested', 'help.taken', 'help.closed']);
    off();
  });

  it('the person leaving closes the request as left', async () => {
    const req = (await post('/api/help-requests', { screen: 'home' })).json().request;
    expect((await post(`/api/help-requests/${req.id}/cancel`)).json().request.outcome).toBe('left');
    expect((await post(`/api/help-requests/${req.id}/cancel`)).json().error.code).toBe('HELP_CLOSED');
  });
});

describe('staff-issued 绿色通道', () => {
  it('a window issues a priority ticket with a configured reason, on record with who issued it', async () => {
    expect((await post('/api/help/priority-tickets', { categoryId: 'A', reason: '孕妇', delivery: 'screen' })).statusCode).toBe(401);
    const bad = await post('/api/help/priority-tickets', { categoryId: 'A', reason: '熟人', delivery: 'screen' }, bearer());
    expect(bad.json().error.code).toBe('PRIORITY_REASON_UNKNOWN');
    const r = await post('/api/help/priority-tickets', { categoryId: 'A', reason: '孕妇', delivery: 'screen' }, bearer());
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().grant).toEqual({ issuedBy: 'S001', reason: '孕妇' });
    const ticket = (await app.inject(`/api/queue/tickets/${r.json().ticket.id}`)).json().ticket;
    expect(ticket.priority).toBe(true);
    const [grant] = await app.store.query<{ issued_by: string; reason: string }>('SELECT * FROM priority_grants WHERE ticket_id = $1', [ticket.id]);
    expect(grant).toMatchObject({ issued_by: 'S001', reason: '孕妇' });
  });
});
