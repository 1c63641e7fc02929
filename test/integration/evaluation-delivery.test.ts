import { afterEach, describe, expect, it } from 'vitest';
import { login, removeDir } from './maintenance-helpers';
import { issueTicket, rate, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { startUpstream, type Upstream } from '../support/upstream';

let d: EvalDaemon | undefined;
let upstream: Upstream | undefined;

afterEach(async () => {
  await d?.app.close();
  if (d) removeDir(d.dataDir);
  await upstream?.close();
  d = undefined;
  upstream = undefined;
});

const outboxState = async (app: EvalDaemon['app'], id: string) =>
  (await app.store.query<{ state: string; attempts: number }>('SELECT state, attempts FROM upstream_outbox WHERE message_id = $1', [id]))[0];

describe('delivery to the provincial system', () => {
  it('posts each rating once with Idempotency-Key = rating id and no personal data', async () => {
    upstream = await startUpstream();
    d = await startEvalDaemon(upstream.url);
    const t = await issueTicket(d.app);
    await d.app.store.execute('UPDATE tickets SET person_hash = $1 WHERE id = $2', ['keyed-hash-1', t.id]);
    const { evaluation } = (await rate(d.app, { ticketId: t.id, level: 2, reasons: ['指引不清楚'], channel: 'kiosk' })).json();
    await until(() => upstream!.deliveries.get(evaluation.id)?.accepted === 1, 5000, 'delivery');
    const body = upstream.deliveries.get(evaluation.id)!.body as Record<string, unknown>;
    expect(body).toMatchObject({ id: evaluation.id, ticketNumber: t.number, level: 2, levelName: '不满意', channel: 'kiosk', reasons: ['指引不清楚'], realName: true, hallName: '测试大厅' });
    expect(JSON.stringify(body)).not.toContain('keyed-hash-1');
    await until(async () => (await outboxState(d!.app, evaluation.id))?.state === 'delivered', 2000, 'marked delivered');
  });

  it('gets every rating through an upstream that resets, stalls, answers 500 and loses acks at random', async () => {
    upstream = await startUpstream({ seed: 7, faults: { reset: 0.15, stall: 0.1, error: 0.2, ackLost: 0.1 } });
    d = await startEvalDaemon(upstream.url);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const t = await issueTicket(d.app, i % 2 ? 'A' : 'B');
      const res = await rate(d.app, { ticketId: t.id, level: 1 + (i % 5), reasons: ['多次跑动'], channel: i % 3 ? 'kiosk' : 'qr' });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().evaluation.id);
    }
    await until(() => ids.every((id) => (upstream!.deliveries.get(id)?.accepted ?? 0) >= 1), 30_000, 'all delivered');
    await until(async () => (await d!.app.store.query("SELECT 1 FROM upstream_outbox WHERE state <> 'delivered'")).length === 0, 5000, 'outbox drained');
    for (const id of ids) expect(upstream.deliveries.get(id)!.sameBody).toBe(true);
    // The faults really happened: some ratings needed more than one attempt.
    expect(upstream.stats.reset + upstream.stats.stall + upstream.stats.error + upstream.stats.ackLost).toBeGreaterThan(5);
    expect([...upstream.deliveries.values()].some((x) => x.attempts > 1)).toBe(true);
  });

  it('moves a rating it could not deliver for the configured time to the dead letter, and a technician sends it again', async () => {
    upstream = await startUpstream({ faults: { error: 1 } });
    d = await startEvalDaemon(upstream.url);
    const t = await issueTicket(d.app);
    const { evaluation } = (await rate(d.app, { ticketId: t.id, level: 4, channel: 'kiosk' })).json();
    await until(async () => ((await outboxState(d!.app, evaluation.id))?.attempts ?? 0) >= 2, 5000, 'retried');
    expect((await outboxState(d.app, evaluation.id))!.state).toBe('pending');
    d.clock.advance(73 * 3_600_000); // beyond deadLetterAfterHours: 72
    await until(async () => (await outboxState(d!.app, evaluation.id))?.state === 'dead', 5000, 'dead letter');
    expect(d.events).toContainEqual(expect.objectContaining({ type: 'evaluation.dead-letter', evaluationId: evaluation.id }));
    const attemptsWhenDead = upstream.deliveries.get(evaluation.id)!.attempts;
    await new Promise((r) => setTimeout(r, 300));
    expect(upstream.deliveries.get(evaluation.id)!.attempts).toBe(attemptsWhenDead); // no more tries

    const auth = await login(d.app);
    const view = (await d.app.inject({ url: '/api/evaluations/delivery', headers: auth })).json();
    expect(view.outbox.dead).toBe(1);
    expect(view.deadLetters[0]).toMatchObject({ evaluationId: evaluation.id, ticketNumber: t.number, lastError: 'HTTP 500' });
    upstream.setFaults({});
    const retry = await d.app.inject({ method: 'POST', url: `/api/evaluations/dead-letters/${evaluation.id}/retry`, headers: auth });
    expect(retry.statusCode).toBe(202);
    await until(() => upstream!.deliveries.get(evaluation.id)?.accepted === 1, 5000, 'delivered after retry');
    expect((await d.app.inject({ method: 'POST', url: `/api/evaluations/dead-letters/${evaluation.id}/retry`, headers: auth })).statusCode).toBe(404);
  });

  it('keeps ratings made while no upstream was reachable and delivers them after a restart', async () => {
    upstream = await startUpstream({ faults: { reset: 1 } });
    d = await startEvalDaemon(upstream.url);
    const t = await issueTicket(d.app);
    const { evaluation } = (await rate(d.app, { ticketId: t.id, level: 5, channel: 'qr' })).json();
    await until(async () => ((await outboxState(d!.app, evaluation.id))?.attempts ?? 0) >= 1, 5000, 'tried');
    const dataDir = d.dataDir;
    await d.app.close();
    upstream.setFaults({});
    // The same data folder, a new daemon: the outbox resumes.
    d = await startEvalDaemon(upstream.url, { store: { driver: 'sqlite', path: `${dataDir}/kiosk.db` } });
    await until(() => upstream!.deliveries.get(evaluation.id)?.accepted === 1, 5000, 'delivered after restart');
    removeDir(dataDir);
  });
});
