import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, testPinHash, TEST_PIN } from './maintenance-helpers';
import { issueTicket, rate, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { servedTicket } from './rating-helpers';
import { startUpstream, type Upstream } from '../support/upstream';

const SECRET = 'workorder-upstream-secret-0123456789';
let d: EvalDaemon;
let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
  const pinHash = await testPinHash();
  d = await startEvalDaemon(undefined, {
    hall: { name: '测试大厅', regionCode: '445102' },
    devices: { keypad: { driver: 'simulated', windowSeconds: 5, debounceMs: 10, counter: 1 } },
    staff: [
      { id: 'S001', name: '李明', roles: ['window'], pinHash },
      { id: 'M001', name: '王芳', roles: ['window', 'manager'], pinHash },
    ],
    evaluation: {
      upstream: { url: upstream.url, timeoutMs: 10_000, initialRetryMs: 20, maxRetryMs: 200, raterData: true, signing: { hmac: { secret: SECRET } } },
      followUp: { deadlineWorkingDays: 5 },
    },
  });
  await until(() => d.app.devices.keypad?.state === 'idle', 3000, 'keypad open');
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
  await upstream.close();
});

const signIn = (staffId: string, pin = TEST_PIN) => d.app.inject({ method: 'POST', url: '/api/manage/session', payload: { staffId, pin } });
const asManager = (token: string) => ({ authorization: `Bearer ${token}` });
const step = (token: string, id: string, name: string, payload: Record<string, unknown> = {}) =>
  d.app.inject({ method: 'POST', url: `/api/manage/workorders/${id}/${name}`, headers: asManager(token), payload });
const list = async (token: string, filter: string) =>
  (await d.app.inject({ url: `/api/manage/workorders?filter=${filter}`, headers: asManager(token) })).json().workorders as Record<string, unknown>[];

describe('差评工单 from the keypad to closure', () => {
  let token: string;

  it('signs a manager in by 工号 and PIN, and refuses wrong PINs, window-only staff and missing tokens', async () => {
    expect((await signIn('M001', '000000')).json().error.code).toBe('STAFF_PIN_WRONG');
    const windowOnly = await signIn('S001');
    expect(windowOnly.statusCode).toBe(403);
    expect(windowOnly.json().error.code).toBe('STAFF_ROLE_MISSING');
    const res = await signIn('M001');
    expect(res.statusCode).toBe(200);
    token = res.json().token;
    expect(res.json().staff).toEqual({ id: 'M001', name: '王芳' });
    const none = await d.app.inject({ url: '/api/manage/workorders' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('MANAGER_SESSION_REQUIRED');
    expect((await d.app.inject({ url: '/api/manage/workorders', headers: asManager('x'.repeat(43)) })).statusCode).toBe(401);
  });

  it('opens a 工单 for a 非常不满意 pressed on the window keypad alone, closes it with 核实, 整改 and 回复, and the closure goes upstream signed', async () => {
    const t = await issueTicket(d.app, 'A', { served: false });
    await d.app.store.execute('UPDATE tickets SET person_hash = $1 WHERE id = $2', ['keyed-hash-rater', t.id]);
    await d.app.counters.callNumber(1, t.number);
    await d.app.counters.onCurrent(1, 'start');
    await d.app.counters.finish(1, 'S001', { source: 'counter', caseNumber: 'BJ-2026-0001' });
    // The window's keypad was invited by 办结; the person presses 非常不满意 and leaves: no screen, no reason.
    await until(() => d.events.some((e) => e.type === 'evaluation.invited'), 2000, 'keypad invited');
    expect((await d.app.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key: 1, holdMs: 5 } })).statusCode).toBe(200);
    await until(async () => (await list(token, 'open')).length === 1, 3000, '工单 opened');
    const [w] = await list(token, 'open');
    expect(w).toMatchObject({
      ticketNumber: t.number, level: 1, levelName: '非常不满意', reasons: [], channel: 'keypad', realName: true, window: 1,
      staffId: 'S001', caseNumber: 'BJ-2026-0001', state: 'open', overdue: false,
    });
    const id = w!.id as string;
    // The person adds the reasons later on the phone page: the 工单 shows them and its next steps report them.
    const added = await d.app.inject({ method: 'POST', url: `/api/evaluations/${w!.evaluationId}/reasons`, payload: { reasons: ['要求材料过多'] } });
    expect(added.statusCode).toBe(200);
    expect((await list(token, 'open'))[0]!.reasons).toEqual(['要求材料过多']);

    // The rater leaves a phone number with consent on the phone page: kept sealed, shown masked.
    expect((await d.app.inject({ method: 'POST', url: '/api/workorders/contact', payload: { ticketId: t.id, phone: '13812341234', consent: false } })).json().error.code).toBe('CONSENT_REQUIRED');
    const contact = await d.app.inject({ method: 'POST', url: '/api/workorders/contact', payload: { ticketId: t.id, phone: '13812341234', consent: true } });
    expect(contact.statusCode).toBe(201);
    expect(contact.json().contact.phoneMasked).toBe('138****1234');
    const stored = await d.app.store.query('SELECT * FROM workorders WHERE id = $1', [id]);
    expect(JSON.stringify(stored)).not.toContain('13812341234');

    // Steps in order only; a 实名 差评 is answered to a named rater before it closes.
    expect((await step(token, id, 'close')).json().error.code).toBe('WORKORDER_STEP_NOT_ALLOWED');
    expect((await step(token, id, 'verify')).json().error.code).toBe('STEP_TEXT_REQUIRED');
    expect((await step(token, id, 'verify', { text: '核实：窗口要求重复提交材料属实' })).statusCode).toBe(200);
    expect((await step(token, id, 'rectify', { text: '整改：材料清单一次告知' })).statusCode).toBe(200);
    expect((await step(token, id, 'close')).json().error.code).toBe('WORKORDER_STEP_NOT_ALLOWED');
    expect((await step(token, id, 'reply', { text: '已电话致歉并说明整改' })).json().error.code).toBe('REPLY_TO_REQUIRED');
    expect((await step(token, id, 'reply', { text: '已电话致歉并说明整改', to: '评价人 138****1234' })).statusCode).toBe(200);
    const closed = await step(token, id, 'close', { text: '办结' });
    expect(closed.statusCode).toBe(200);
    const detail = (await d.app.inject({ url: `/api/manage/workorders/${id}`, headers: asManager(token) })).json().workorder;
    expect(detail).toMatchObject({ state: 'closed', repliedTo: '评价人 138****1234', rater: { phoneMasked: '138****1234', consent: true } });
    for (const s of ['verified', 'rectified', 'replied', 'closed']) expect(detail.steps[s]).toMatchObject({ staffId: 'M001', staffName: '王芳' });
    expect((await list(token, 'closed')).map((x) => x.id)).toContain(id);
    const [followUp] = await d.app.store.query<{ state: string }>('SELECT state FROM evaluation_follow_ups WHERE id = $1', [id]);
    expect(followUp!.state).toBe('closed');

    // Upstream: the rating (with window, staff and 办件) and every step, each under its own key, signed.
    await until(() => upstream.deliveries.get(`${id}:closed`)?.accepted === 1, 5000, 'closure delivered');
    const rating = upstream.deliveries.get(w!.evaluationId as string)!.body as Record<string, unknown>;
    expect(rating).toMatchObject({ messageType: 'rating', level: 1, window: 1, staffId: 'S001', staffName: '李明', caseNumber: 'BJ-2026-0001', regionCode: '445102' });
    for (const s of ['opened', 'verified', 'rectified', 'replied']) expect(upstream.deliveries.get(`${id}:${s}`)?.accepted).toBe(1);
    const closure = upstream.deliveries.get(`${id}:closed`)!;
    expect(closure.body).toMatchObject({
      messageType: 'workorder', workorderId: id, ratingId: w!.evaluationId, step: 'closed', staffId: 'M001', caseNumber: 'BJ-2026-0001',
      reasons: ['要求材料过多'],
      regionCode: '445102', rater: { phone: '13812341234' }, // consented and evaluation.upstream.raterData: true
    });
    const h = closure.headers!;
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${h['x-timestamp']}\n${h['x-nonce']}\n${closure.raw}`).digest('hex')}`;
    expect(h['x-signature']).toBe(expected);
  });

  it('marks a 工单 overdue after its working-day deadline, and erases the rater phone with its retention', async () => {
    const t = await servedTicket(d.app);
    expect((await rate(d.app, { ticketId: t.id, level: 2, reasons: ['等候时间过长'], channel: 'kiosk' })).statusCode).toBe(201);
    expect((await list(token, 'overdue')).map((w) => w.ticketNumber)).not.toContain(t.number);
    d.clock.advance(20 * 86_400_000); // beyond 5 working days
    token = (await signIn('M001')).json().token; // the old session ended with the idle time
    const overdue = await list(token, 'overdue');
    expect(overdue.map((w) => w.ticketNumber)).toContain(t.number);
    expect(overdue.find((w) => w.ticketNumber === t.number)).toMatchObject({ overdue: true, state: 'open' });

    d.clock.advance(181 * 86_400_000); // beyond evaluation.followUp.retentionDays (180) after the first one closed
    expect(await d.app.workorders.applyRetention()).toBe(1);
    token = (await signIn('M001')).json().token;
    const [closed] = await list(token, 'closed');
    expect(closed!.rater).toEqual({ nameMasked: null, phoneMasked: null, consent: false });
    const rows = await d.app.store.query<{ phone_sealed: string | null }>("SELECT phone_sealed FROM workorders WHERE state = 'closed'");
    expect(rows.every((r) => r.phone_sealed === null)).toBe(true);
  });
});
