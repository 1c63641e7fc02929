import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from './maintenance-helpers';
import { issueTicket, rate, startEvalDaemon, until, type EvalDaemon } from './evaluation-helpers';
import { startUpstream, type Upstream } from '../support/upstream';

let d: EvalDaemon;
let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
  d = await startEvalDaemon(upstream.url);
  await until(() => d.app.devices.keypad?.state === 'idle', 3000, 'keypad open');
});
afterAll(async () => {
  await d.app.close();
  removeDir(d.dataDir);
  await upstream.close();
});

const press = (key: number) => d.app.inject({ method: 'POST', url: '/api/sim/keypad/press', payload: { key, holdMs: 5 } });
const invite = (ticketId: string) => d.app.inject({ method: 'POST', url: '/api/evaluations/invitations', payload: { ticketId } });
const ratingOf = async (ticketId: string) => (await d.app.inject({ url: `/api/evaluations/by-ticket/${ticketId}` })).json().evaluation;
const settle = () => new Promise((r) => setTimeout(r, 40)); // beyond the 10 ms debounce

describe('keypad invitations', () => {
  it('records a keypad press inside the window as a keypad rating that reaches the upstream', async () => {
    const t = await issueTicket(d.app);
    const res = await invite(t.id);
    expect(res.statusCode).toBe(201);
    const { invitation } = res.json();
    expect(invitation).toMatchObject({ ticketId: t.id, ticketNumber: t.number, keypad: 'invited' });
    expect(d.events).toContainEqual(expect.objectContaining({ type: 'evaluation.invited', invitation: expect.objectContaining({ id: invitation.id }) }));
    expect((await press(4)).statusCode).toBe(200);
    await until(async () => (await ratingOf(t.id)) !== null, 2000, 'keypad rating');
    const ev = await ratingOf(t.id);
    expect(ev).toMatchObject({ level: 4, channel: 'keypad' });
    await until(() => upstream.deliveries.get(ev.id)?.accepted === 1, 5000, 'delivered');
    await settle();
    // One press per invitation: the next one is ignored.
    await press(1);
    await settle();
    expect((await ratingOf(t.id)).level).toBe(4);
  });

  it('ignores presses without an invitation', async () => {
    const before = d.app.devices.keypad!.status().statistics.KeyIgnoredCount ?? 0;
    await press(5);
    await settle();
    expect(d.app.devices.keypad!.status().statistics.KeyIgnoredCount).toBe(before + 1);
  });

  it('announces a bad keypad answer so the screen asks for the reason, then records it as a keypad rating', async () => {
    const t = await issueTicket(d.app);
    const { invitation } = (await invite(t.id)).json();
    await press(2);
    await until(() => d.events.some((e) => e.type === 'evaluation.answered' && e.invitationId === invitation.id), 2000, 'answered');
    expect(d.events.find((e) => e.type === 'evaluation.answered' && e.invitationId === invitation.id)).toMatchObject({ level: 2, needsReason: true });
    expect(await ratingOf(t.id)).toBeNull();
    const res = await rate(d.app, { ticketId: t.id, level: 2, reasons: ['等候时间过长'], channel: 'keypad' });
    expect(res.statusCode).toBe(201);
    expect(res.json().evaluation.followUp).not.toBeNull();
  });

  it('whichever answers first counts: a touch rating closes the keypad window', async () => {
    await settle();
    const t = await issueTicket(d.app);
    const { invitation } = (await invite(t.id)).json();
    expect((await rate(d.app, { ticketId: t.id, level: 5, channel: 'kiosk' })).statusCode).toBe(201);
    expect(d.events).toContainEqual(expect.objectContaining({ type: 'evaluation.invitation.ended', invitationId: invitation.id, reason: 'answered' }));
    await press(3);
    await settle();
    expect(await ratingOf(t.id)).toMatchObject({ level: 5, channel: 'kiosk' });
    expect((await invite(t.id)).json().error.code).toBe('ALREADY_RATED');
  });

  it('falls back to touch when the keypad is unplugged, and uses it again once it is back', async () => {
    await d.app.inject({ method: 'POST', url: '/api/sim/keypad/state', payload: { plugged: false } });
    const t = await issueTicket(d.app);
    expect((await invite(t.id)).json().invitation.keypad).toBe('offline');
    expect((await press(3)).json().error.code).toBe('SIM_UNPLUGGED');
    await d.app.inject({ method: 'POST', url: '/api/sim/keypad/state', payload: { plugged: true } });
    await until(() => d.app.devices.keypad?.state === 'idle', 3000, 'keypad back');
    expect((await invite(t.id)).json().invitation.keypad).toBe('invited');
    const state = (await d.app.inject({ url: '/api/sim/keypad/state' })).json();
    expect(state).toMatchObject({ plugged: true, connected: true, model: 'boot-keyboard' });
    await press(3);
    await until(async () => (await ratingOf(t.id)) !== null, 2000, 'rating after reconnect');
  });
});
