import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from './maintenance-helpers';
import { rate, serveTicket, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';

let d: EvalDaemon;

beforeAll(async () => {
  d = await startEvalDaemon(undefined, { devices: { idReader: { driver: 'simulated' } } });
  await until(() => d.app.devices.idReader?.state === 'idle', 5000, 'reader open');
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
});

/** The person puts their card on the reader; a card still lying there from before is lifted first (a card that never left is not read again). */
async function readCard(profile: string): Promise<string> {
  const start = d.events.length;
  if ((await d.app.inject({ method: 'DELETE', url: '/api/sim/idReader/card' })).statusCode === 200 && d.events.some((e) => e.type === 'card.read')) {
    await until(() => d.events.slice(start).some((e) => e.type === 'card.removed'), 5000, 'card.removed');
  }
  const before = d.events.length;
  expect((await d.app.inject({ method: 'POST', url: '/api/sim/idReader/card', payload: { profile } })).statusCode).toBe(200);
  await until(() => d.events.slice(before).some((e) => e.type === 'card.read'), 5000, 'card.read');
  return String(d.events.slice(before).find((e) => e.type === 'card.read')!.sessionId);
}

describe('好差评 by ID card', () => {
  it("lists the person's tickets of today and makes their rating real-name by the keyed hash", async () => {
    const session = await readCard('resident-elder');
    const issued = await d.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen', identitySessionId: session } });
    expect(issued.statusCode).toBe(201);
    const ticket = issued.json().ticket;
    const early = await rate(d.app, { ticketId: ticket.id, level: 4, channel: 'kiosk' });
    expect(early.json().error).toMatchObject({ code: 'NOT_SERVED', message: expect.stringContaining('办理完成后即可评价') });
    await serveTicket(d.app, ticket.number);
    const again = await readCard('resident-elder'); // issuing ended the session; the person comes back to rate
    const list = await d.app.inject({ url: `/api/evaluations/identity/${again}/tickets` });
    expect(list.statusCode).toBe(200);
    expect(list.json().tickets).toEqual([{ id: ticket.id, number: ticket.number, categoryName: '社会民生', state: 'done', rated: false }]);

    const res = await rate(d.app, { ticketId: ticket.id, level: 4, channel: 'kiosk', identitySessionId: again });
    expect(res.statusCode).toBe(201);
    expect(res.json().evaluation.realName).toBe(true);
    const [row] = await d.app.store.query<{ person_hash: string }>('SELECT person_hash FROM evaluations WHERE ticket_id = $1', [ticket.id]);
    expect(row!.person_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await d.app.inject({ url: `/api/evaluations/identity/${again}/tickets` })).json().tickets[0].rated).toBe(true);
  });

  it('another person sees none of those tickets; an ended session is 410 for the list but never loses a rating', async () => {
    const other = await readCard('hk-macao-taiwan');
    expect((await d.app.inject({ url: `/api/evaluations/identity/${other}/tickets` })).json().tickets).toEqual([]);
    expect((await d.app.inject({ url: '/api/evaluations/identity/no-such-session/tickets' })).statusCode).toBe(410);
    const t = (await d.app.inject({ method: 'POST', url: '/api/queue/tickets', payload: { categoryId: 'A', delivery: 'screen' } })).json().ticket;
    await serveTicket(d.app, t.number);
    const res = await rate(d.app, { ticketId: t.id, level: 5, channel: 'kiosk', identitySessionId: 'no-such-session' });
    expect(res.statusCode).toBe(201);
    expect(res.json().evaluation.realName).toBe(false);
  });
});
