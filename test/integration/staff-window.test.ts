import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../device-daemon/src/maintenance/pin';
import { removeDir } from './maintenance-helpers';
import { issueTicket, rate, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { startUpstream, type Upstream } from '../support/upstream';

/**
 * Issue 10, the window side: staff sign in at windows (AB岗), finish services with their 事项 and 办件编号, the
 * window's keypad is invited at 办结 and its press is a rating naming the window, the staff member, 事项 and 办件.
 */
let d: EvalDaemon;
let upstream: Upstream;

export const PIN = '135790';
export const HALL_MATTER = { code: '11440500MB2C-001', name: '个体工商户设立登记', department: '市场监督管理局', categoryId: 'A' };

beforeAll(async () => {
  upstream = await startUpstream();
  const pinHash = await hashPin(PIN);
  d = await startEvalDaemon(upstream.url, {
    devices: { keypad: { driver: 'simulated', windowSeconds: 5, debounceMs: 10, counter: 3 } },
    queue: { categories: [{ id: 'A', name: '社会民生', windows: [1, 2, 3] }] },
    staff: [
      { id: 'S001', name: '李明', department: '市场监督管理局', roles: ['window', 'manager'], pinHash },
      { id: 'S002', name: '王芳', roles: ['window'], pinHash },
      { id: 'S003', name: '陈静', roles: ['window'], pinHash },
    ],
    matters: [HALL_MATTER, { code: 'M-B', name: '另一事项', department: '人社局', categoryId: 'A' }],
    counters: { sessionIdleMinutes: 10 },
  });
  await until(() => d.app.devices.keypad?.state === 'idle', 3000, 'keypad open');
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
  await upstream.close();
});

const signIn = (counter: number, staffId: string, pin = PIN, post?: 'A' | 'B') =>
  d.app.inject({ method: 'POST', url: `/api/counters/${counter}/session`, payload: { staffId, pin, ...(post ? { post } : {}) } });
const act = (counter: number, token: string, action: string, payload?: Record<string, unknown>) =>
  d.app.inject({ method: 'POST', url: `/api/counters/${counter}/${action}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
const duty = async (counter: number) => (await d.app.inject({ url: `/api/counters/${counter}/duty` })).json().duty;
const ratingOf = async (ticketId: string) => (await d.app.inject({ url: `/api/evaluations/by-ticket/${ticketId}` })).json().evaluation;
const press = (key: number) => d.app.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key, holdMs: 5 } });

async function serveAt(counter: number, token: string, done?: Record<string, unknown>) {
  const t = await issueTicket(d.app, 'A', { served: false });
  expect((await act(counter, token, 'call', { number: t.number })).statusCode).toBe(200);
  expect((await act(counter, token, 'start')).statusCode).toBe(200);
  const r = await act(counter, token, 'done', done);
  expect(r.statusCode, r.body).toBe(200);
  return { ticket: t, service: r.json().service };
}

describe('staff at the windows (AB岗)', () => {
  it('signs in with 工号 + PIN, shows who is on duty, switches B in, signs out', async () => {
    expect((await signIn(2, 'S002', '000000')).json().error.code).toBe('STAFF_PIN_WRONG');
    expect((await signIn(2, 'S999')).statusCode).toBe(401);
    const a = await signIn(2, 'S002');
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ staff: { id: 'S002', name: '王芳' }, post: 'A' });
    expect(await duty(2)).toMatchObject({ counter: 2, onDuty: { id: 'S002', name: '王芳', post: 'A' } });
    expect(d.events).toContainEqual(expect.objectContaining({ type: 'counter.duty', counter: 2, onDuty: expect.objectContaining({ id: 'S002' }) }));

    expect((await signIn(2, 'S003', PIN, 'A')).json().error.code).toBe('POST_TAKEN');
    const b = (await signIn(2, 'S003', PIN, 'B')).json();
    expect((await duty(2)).onDuty.id).toBe('S002');
    const switched = await d.app.inject({ method: 'POST', url: '/api/counters/2/duty/switch', headers: { authorization: `Bearer ${b.token}` }, payload: { post: 'B' } });
    expect(switched.json().duty.onDuty).toEqual({ id: 'S003', name: '陈静', post: 'B' });
    // The display's list of every window.
    const all = (await d.app.inject({ url: '/api/counters/duty' })).json().duties;
    expect(all.find((x: { counter: number }) => x.counter === 2).onDuty.id).toBe('S003');

    const out = await d.app.inject({ method: 'DELETE', url: '/api/counters/2/session', headers: { authorization: `Bearer ${b.token}` } });
    expect(out.json().duty.onDuty.id).toBe('S002'); // A takes duty again
    expect((await act(2, b.token, 'call-next')).json().error.code).toBe('COUNTER_SESSION_ENDED');
    await d.app.inject({ method: 'DELETE', url: '/api/counters/2/session', headers: { authorization: `Bearer ${a.json().token}` } });
    expect((await duty(2)).onDuty).toBeNull();
  });

  it('ends a session after the configured idle time; a token of another window is refused', async () => {
    const { token } = (await signIn(1, 'S003')).json();
    expect((await act(2, token, 'call-next')).json().error.code).toBe('STAFF_TOKEN_INVALID');
    d.clock.advance(11 * 60_000);
    expect((await duty(1)).onDuty).toBeNull();
    const r = await act(1, token, 'call-next');
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatchObject({ code: 'COUNTER_SESSION_ENDED', reason: 'idle' });
  });

  it('refuses to rate a ticket that was not served (waiting, called, 过号, held) with NOT_SERVED', async () => {
    const { token } = (await signIn(1, 'S002')).json();
    const t = await issueTicket(d.app, 'A', { served: false });
    const refused = async () => {
      const r = await rate(d.app, { ticketId: t.id, level: 5, channel: 'qr' });
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({ code: 'NOT_SERVED', message: expect.stringContaining('办理完成后即可评价') });
    };
    await refused(); // waiting
    await act(1, token, 'call', { number: t.number });
    await refused(); // called
    await act(1, token, 'start');
    await act(1, token, 'hold');
    await refused(); // held
    await act(1, token, 'resume', { number: t.number });
    const keypadInvite = await d.app.inject({ method: 'POST', url: '/api/evaluations/invitations', payload: { ticketId: t.id } });
    expect(keypadInvite.json().error.code).toBe('NOT_SERVED');
    await act(1, token, 'done');
    expect((await rate(d.app, { ticketId: t.id, level: 5, channel: 'qr' })).statusCode).toBe(201);

    const gone = await issueTicket(d.app, 'A', { served: false });
    await act(1, token, 'call', { number: gone.number });
    await act(1, token, 'no-show');
    expect((await rate(d.app, { ticketId: gone.id, level: 5, channel: 'qr' })).json().error.code).toBe('NOT_SERVED');
  });

  it('S finishes at window 3 with 事项 M and 办件 X; the keypad press there names window, S, M and X upstream', async () => {
    const { token } = (await signIn(3, 'S001')).json();
    const before = d.events.length;
    const { ticket, service } = await serveAt(3, token, { matterCode: HALL_MATTER.code, caseNumber: 'GD2026-0001' });
    expect(service).toMatchObject({ counter: 3, staffId: 'S001', matterCode: HALL_MATTER.code, caseNumber: 'GD2026-0001', source: 'counter' });
    await until(() => d.events.slice(before).some((e) => e.type === 'evaluation.invited'), 2000, 'keypad invited');
    const invited = d.events.slice(before).find((e) => e.type === 'evaluation.invited')!;
    expect(invited).toMatchObject({ invitation: { ticketId: ticket.id, keypad: 'invited', window: { counter: 3, staffId: 'S001', caseNumber: 'GD2026-0001' } } });

    await press(5);
    await until(async () => (await ratingOf(ticket.id)) !== null, 2000, 'keypad rating');
    const ev = await ratingOf(ticket.id);
    expect(ev).toMatchObject({
      level: 5, channel: 'keypad', window: 3, staffId: 'S001', staffName: '李明',
      matterCode: HALL_MATTER.code, matterName: HALL_MATTER.name, caseNumber: 'GD2026-0001', reasonsGiven: true,
    });
    await until(() => upstream.deliveries.get(ev.id)?.accepted === 1, 5000, 'delivered');
    expect(upstream.deliveries.get(ev.id)!.body).toMatchObject({ window: 3, staffId: 'S001', matterCode: HALL_MATTER.code, caseNumber: 'GD2026-0001' });
    // The ticket records who served it; the action log who did each step.
    const [row] = await d.app.store.query<{ served_by: string }>('SELECT served_by FROM tickets WHERE id = $1', [ticket.id]);
    expect(row!.served_by).toBe('S001');
    const actions = await d.app.store.query<{ action: string; staff_id: string }>('SELECT action, staff_id FROM counter_actions WHERE ticket_id = $1 ORDER BY at', [ticket.id]);
    expect(actions.map((a) => [a.action, a.staff_id])).toEqual([['call', 'S001'], ['start', 'S001'], ['done', 'S001']]);
    // One 办件编号, one service.
    const again = await serveAt(3, token).catch(() => undefined);
    expect(again?.service.caseNumber).toBeNull();
    const t2 = await issueTicket(d.app, 'A', { served: false });
    await act(3, token, 'call', { number: t2.number });
    await act(3, token, 'start');
    expect((await act(3, token, 'done', { caseNumber: 'GD2026-0001' })).json().error.code).toBe('CASE_NUMBER_USED');
    expect((await act(3, token, 'done', { matterCode: 'NOPE' })).json().error.code).toBe('MATTER_NOT_FOUND');
    expect((await act(3, token, 'done')).statusCode).toBe(200);
  });

  it('records a 差评 from the keypad alone with its reasons not given; the phone page adds them afterwards', async () => {
    const { token } = (await signIn(3, 'S001')).json();
    const { ticket } = await serveAt(3, token, { matterCode: HALL_MATTER.code, caseNumber: 'GD2026-0002' });
    await until(() => d.app.evaluationInvitations.openFor(ticket.id) !== undefined, 2000, 'keypad invited');
    await press(1);
    await until(async () => (await ratingOf(ticket.id)) !== null, 2000, 'keypad rating');
    const ev = await ratingOf(ticket.id);
    expect(ev).toMatchObject({ level: 1, reasons: [], reasonsGiven: false, caseNumber: 'GD2026-0002', followUp: { id: expect.any(String) } });
    const recorded = d.events.find((e) => e.type === 'evaluation.recorded' && e.evaluation.id === ev.id);
    expect(recorded).toMatchObject({ evaluation: { level: 1, reasonsGiven: false, window: 3, staffId: 'S001', caseNumber: 'GD2026-0002' } });

    const add = (reasons: string[]) => d.app.inject({ method: 'POST', url: `/api/evaluations/${ev.id}/reasons`, payload: { reasons } });
    const added = await add(['等候时间过长']);
    expect(added.statusCode).toBe(200);
    expect(added.json().evaluation).toMatchObject({ reasons: ['等候时间过长'], reasonsGiven: true });
    expect((await add(['其他'])).json().error.code).toBe('REASONS_ALREADY_GIVEN');
  });

  it('two windows finishing at once each get their own 办件; the same 办件编号 at both counts once', async () => {
    const s1 = (await signIn(1, 'S002')).json().token;
    const s2 = (await signIn(2, 'S003')).json().token;
    const prepare = async (counter: number, token: string) => {
      const t = await issueTicket(d.app, 'A', { served: false });
      await act(counter, token, 'call', { number: t.number });
      await act(counter, token, 'start');
      return t;
    };
    await Promise.all([prepare(1, s1), prepare(2, s2)]);
    const both = await Promise.all([act(1, s1, 'done', { caseNumber: 'SAME-1' }), act(2, s2, 'done', { caseNumber: 'SAME-1' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = both.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('CASE_NUMBER_USED');
    const [a, b] = await Promise.all([prepare(1, s1), prepare(2, s2)]);
    void a; void b;
    const pair = await Promise.all([act(1, s1, 'done', { caseNumber: 'PAIR-1' }), act(2, s2, 'done', { caseNumber: 'PAIR-2' })]);
    expect(pair.map((r) => [r.statusCode, r.json().service.staffId])).toEqual([[200, 'S002'], [200, 'S003']]);
  });
});
