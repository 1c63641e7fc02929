import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../device-daemon/src/maintenance/pin';
import { keyHash } from '../../device-daemon/src/integration/auth';
import { removeDir } from './maintenance-helpers';
import { issueTicket, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { startUpstream, type Upstream } from '../support/upstream';
import { BusinessSystem } from '../support/business-system';

/** The integration API driven by a script playing the window's business system, over real HTTP. */
let d: EvalDaemon;
let upstream: Upstream;
let system: BusinessSystem;
let base: string;
let token: string;
const KEY = 'yichuang-key-0123456789abcdef0123456789';
const MATTER = { code: '11440500MB2C-001', name: '个体工商户设立登记', department: '市场监督管理局', categoryId: 'A' };

beforeAll(async () => {
  upstream = await startUpstream();
  d = await startEvalDaemon(upstream.url, {
    devices: { keypad: { driver: 'simulated', windowSeconds: 5, debounceMs: 10, counter: 3 } },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2, 3] }] },
    staff: [{ id: 'S001', name: '李明', roles: ['window'], pinHash: await hashPin('135790') }],
    matters: [MATTER],
    integration: { systems: [{ id: 'yichuang', name: '一窗受理系统', keyHash: keyHash(KEY) }] },
  });
  base = await d.app.listen({ port: 0, host: '127.0.0.1' });
  system = new BusinessSystem(base, KEY);
  token = (await d.app.inject({ method: 'POST', url: '/api/counters/3/session', payload: { staffId: 'S001', pin: '135790' } })).json().token;
  await until(() => d.app.devices.keypad?.state === 'idle', 3000, 'keypad open');
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
  await upstream.close();
});

const act = (action: string, payload?: Record<string, unknown>) =>
  d.app.inject({ method: 'POST', url: `/api/counters/3/${action}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const press = (key: number) => d.app.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key, holdMs: 5 } });

async function atWindow3(state: 'called' | 'serving') {
  const t = await issueTicket(d.app, 'A', { served: false });
  await act('call', { number: t.number });
  if (state === 'serving') await act('start');
  return t;
}

describe('integration API for the window business system', () => {
  it('authenticates before it validates: no key, a wrong key and a malformed body without a key are all 401', async () => {
    expect((await system.send('GET', '/cases/X/evaluation', undefined, '')).status).toBe(401);
    const wrong = await system.send('POST', '/cases', { nonsense: true }, 'not-the-key');
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'INTEGRATION_KEY_INVALID' } } });
    expect((await system.send('POST', '/cases', '{not json', 'not-the-key')).status).toBe(401);
    expect((await system.send('POST', '/cases', { nonsense: true })).status).toBe(400);
  });

  it('finishes 办件 X of 事项 Y for ticket N, idempotently; the keypad press names the window, staff, 事项 and 办件', async () => {
    const t = await atWindow3('called');
    const body = { caseNumber: 'YC-2026-0001', matterCode: MATTER.code, window: 3, ticketNumber: t.number };
    const first = await system.finished(body);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.case).toMatchObject({ ticketId: t.id, counter: 3, staffId: 'S001', matterCode: MATTER.code, caseNumber: 'YC-2026-0001', source: 'integration:yichuang' });
    const again = await system.finished(body);
    expect(again).toEqual(first);
    const conflicting = await system.finished({ ...body, window: 2 });
    expect(conflicting).toMatchObject({ status: 409, body: { error: { code: 'CASE_CONFLICT' } } });

    // 办结 invited the window's keypad already; asking again returns the same open invitation.
    await until(() => d.app.evaluationInvitations.openFor(t.id) !== undefined, 2000, 'keypad invited');
    const inv1 = await system.inviteRating('YC-2026-0001', 3);
    const inv2 = await system.inviteRating('YC-2026-0001', 3);
    expect(inv1.status).toBe(200);
    expect(inv2.body.invitation.id).toBe(inv1.body.invitation.id);
    expect((await system.inviteRating('YC-2026-0001', 2)).body.error.code).toBe('CASE_CONFLICT');
    expect((await system.ratingOf('YC-2026-0001')).body).toMatchObject({ evaluation: null });

    await press(4);
    await until(async () => (await system.ratingOf('YC-2026-0001')).body.evaluation !== null, 2000, 'rated');
    const { body: rated } = await system.ratingOf('YC-2026-0001');
    expect(rated.evaluation).toMatchObject({ level: 4, channel: 'keypad', window: 3, staffId: 'S001', matterCode: MATTER.code, caseNumber: 'YC-2026-0001' });
    expect((await system.inviteRating('YC-2026-0001', 3)).body.error.code).toBe('ALREADY_RATED');
    expect((await system.ratingOf('NO-SUCH')).status).toBe(404);
  });

  it('adds the 办件 to a service the counter page finished first; refuses one finished elsewhere or a ticket not at the window', async () => {
    const t = await atWindow3('serving');
    await act('done');
    const r = await system.finished({ caseNumber: 'YC-2026-0002', matterCode: MATTER.code, window: 3, ticketId: t.id });
    expect(r.body.case).toMatchObject({ ticketId: t.id, caseNumber: 'YC-2026-0002', source: 'counter' });
    const waiting = await issueTicket(d.app, 'A', { served: false });
    expect((await system.finished({ caseNumber: 'YC-2026-0003', matterCode: MATTER.code, window: 3, ticketId: waiting.id })).body.error.code).toBe('TICKET_NOT_AT_WINDOW');
    expect((await system.finished({ caseNumber: 'YC-2026-0004', matterCode: 'UNKNOWN', window: 3, ticketId: waiting.id })).body.error.code).toBe('MATTER_NOT_FOUND');
  });

  it('the same 办件 sent twice at once is recorded once and both get the same answer', async () => {
    const t = await atWindow3('serving');
    const body = { caseNumber: 'YC-2026-0005', matterCode: MATTER.code, window: 3, ticketNumber: t.number };
    const [a, b] = await Promise.all([system.finished(body), system.finished(body)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body).toEqual(b.body);
    const rows = await d.app.store.query('SELECT id FROM service_cases WHERE case_number = $1', ['YC-2026-0005']);
    expect(rows).toHaveLength(1);
  });
});
