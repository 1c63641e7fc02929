import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, removeDir } from './maintenance-helpers';
import { issueTicket, rate, startEvalDaemon, type EvalDaemon } from './evaluation-helpers';

let d: EvalDaemon;

beforeAll(async () => {
  d = await startEvalDaemon(undefined);
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

describe('POST /api/evaluations', () => {
  it('records a rating (201) and refuses a second one for the ticket (409 ALREADY_RATED)', async () => {
    const t = await issueTicket(d.app);
    const res = await rate(d.app, { ticketId: t.id, level: 5, channel: 'kiosk', comment: '  很好  ' });
    expect(res.statusCode).toBe(201);
    const { evaluation } = res.json();
    expect(evaluation).toMatchObject({ ticketId: t.id, ticketNumber: t.number, level: 5, levelName: '非常满意', channel: 'kiosk', comment: '很好', realName: false, source: 'person', followUp: null, categoryName: '社会民生' });
    expect(evaluation.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.events).toContainEqual(expect.objectContaining({ type: 'evaluation.recorded', evaluation: expect.objectContaining({ id: evaluation.id, level: 5 }) }));

    const again = await rate(d.app, { ticketId: t.id, level: 1, reasons: ['多次跑动'], channel: 'qr' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');
    const byTicket = await d.app.inject({ url: `/api/evaluations/by-ticket/${t.id}` });
    expect(byTicket.json().evaluation).toMatchObject({ id: evaluation.id, level: 5 });
  });

  it('refuses 不满意 / 非常不满意 without a reason (400 REASON_REQUIRED) and keeps nothing', async () => {
    const t = await issueTicket(d.app);
    for (const payload of [
      { ticketId: t.id, level: 2, channel: 'kiosk' },
      { ticketId: t.id, level: 1, channel: 'qr', reasons: ['   ', ''] },
      { ticketId: t.id, level: 1, channel: 'kiosk', reasons: [], comment: '一条意见不是原因' },
    ]) {
      const res = await rate(d.app, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('REASON_REQUIRED');
    }
    expect((await d.app.inject({ url: `/api/evaluations/by-ticket/${t.id}` })).json().evaluation).toBeNull();
  });

  it('opens a follow-up for a bad rating, due in working days (weekend and configured holiday skipped)', async () => {
    d.clock.t = Date.parse('2025-06-04T02:00:00Z') - Date.now(); // Wednesday 10:00 in the hall
    const t = await issueTicket(d.app);
    const res = await rate(d.app, { ticketId: t.id, level: 1, channel: 'kiosk', reasons: ['等候时间过长', '等候时间过长', '窗口只开了一个'] });
    expect(res.statusCode).toBe(201);
    const { evaluation } = res.json();
    expect(evaluation.reasons).toEqual(['等候时间过长', '窗口只开了一个']);
    // Thu 06-05 is a holiday: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
    expect(evaluation.followUp.dueDate).toBe('2025-06-12');
    d.clock.t = 0;
  });

  it('answers 404 for an unknown ticket and 400 naming the field for malformed input', async () => {
    const missing = await rate(d.app, { ticketId: 'no-such-ticket', level: 4, channel: 'kiosk' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('TICKET_NOT_FOUND');
    const t = await issueTicket(d.app);
    const cases: [Record<string, unknown>, string][] = [
      [{ ticketId: t.id, level: 7, channel: 'kiosk' }, 'level'],
      [{ ticketId: t.id, level: 4, channel: 'fax' }, 'channel'],
      [{ ticketId: t.id, channel: 'kiosk' }, 'level'],
      [{ ticketId: t.id, level: 4, channel: 'kiosk', reasons: 'slow' }, 'reasons'],
      [{ ticketId: t.id, level: '4', channel: 'kiosk' }, 'level'],
      [{ ticketId: t.id, level: 4, channel: 'kiosk', comment: '长'.repeat(501) }, 'comment'],
      [{ ticketId: t.id, level: 4, channel: 'kiosk', stars: 4 }, 'stars'],
    ];
    for (const [payload, field] of cases) {
      const res = await rate(d.app, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toContain(field);
    }
  });

  it('marks a rating real-name when the ticket was issued with an ID card, without exposing the hash', async () => {
    const t = await issueTicket(d.app);
    await d.app.store.execute('UPDATE tickets SET person_hash = $1 WHERE id = $2', ['hmac-of-someone', t.id]);
    const res = await rate(d.app, { ticketId: t.id, level: 4, channel: 'qr' });
    expect(res.json().evaluation.realName).toBe(true);
    expect(res.body).not.toContain('hmac-of-someone');
  });

  it('lists the configured reasons and the five levels', async () => {
    const res = await d.app.inject({ url: '/api/evaluations/reasons' });
    expect(res.json().reasons).toContain('多次跑动');
    expect(res.json().levels.map((l: { name: string }) => l.name)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  });
});

describe('the 7-day default rule', () => {
  it('records a served ticket left unrated for more than 7 days as 基本满意, and nothing else', async () => {
    const old = await issueTicket(d.app);
    const recent = await issueTicket(d.app);
    const now = d.clock.now().getTime();
    const done = (id: string, daysAgo: number) =>
      d.app.store.execute("UPDATE tickets SET state = 'done', done_at = $1 WHERE id = $2", [new Date(now - daysAgo * 86_400_000).toISOString(), id]);
    await done(old.id, 8);
    await done(recent.id, 2);
    expect(await d.app.evaluations.applyDefaultRule()).toBe(1);
    const ev = (await d.app.inject({ url: `/api/evaluations/by-ticket/${old.id}` })).json().evaluation;
    expect(ev).toMatchObject({ level: 3, levelName: '基本满意', channel: 'system', source: 'default', reasons: ['超过7日未评价，默认基本满意'] });
    expect((await d.app.inject({ url: `/api/evaluations/by-ticket/${recent.id}` })).json().evaluation).toBeNull();
    expect(await d.app.evaluations.applyDefaultRule()).toBe(0);
  });
});

describe('technician views', () => {
  it('exports a date range as CSV with a UTF-8 BOM, behind the maintenance login', async () => {
    const today = d.app.queue.today();
    expect((await d.app.inject({ url: `/api/evaluations/export.csv?from=${today}&to=${today}` })).statusCode).toBe(401);
    const auth = await login(d.app);
    const res = await d.app.inject({ url: `/api/evaluations/export.csv?from=${today}&to=${today}`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^评价编号,票号,/);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => l.includes(',非常满意,'))).toBe(true);
    const empty = await d.app.inject({ url: '/api/evaluations/export.csv?from=2001-01-01&to=2001-01-02', headers: auth });
    expect(empty.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(1);
    const bad = await d.app.inject({ url: `/api/evaluations/export.csv?from=${today}&to=2001-01-01`, headers: auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('from');
    const malformed = await d.app.inject({ url: '/api/evaluations/export.csv?from=yesterday&to=2001-01-01', headers: auth });
    expect(malformed.statusCode).toBe(400);
  });

  it('lists open follow-ups and the outbox (pending while no upstream is configured)', async () => {
    const auth = await login(d.app);
    const fu = await d.app.inject({ url: '/api/evaluations/follow-ups', headers: auth });
    expect(fu.json().followUps).toContainEqual(expect.objectContaining({ level: 1, dueDate: '2025-06-12', state: 'open' }));
    const delivery = await d.app.inject({ url: '/api/evaluations/delivery', headers: auth });
    expect(delivery.json()).toMatchObject({ upstream: null, outbox: { delivered: 0, dead: 0 } });
    expect(delivery.json().outbox.pending).toBeGreaterThanOrEqual(4);
  });
});
