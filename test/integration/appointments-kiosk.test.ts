import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { startAppointmentHall, type AppointmentHall } from './appointments-helpers';

/**
 * 预约 at the kiosk after a card read (`POST /api/appointments/by-card`): name and ID number from the card,
 * the phone typed; the 预约凭条 with code and QR from the ticket printer, or the screen alone when it fails.
 */
let h: AppointmentHall;
beforeAll(async () => {
  h = await startAppointmentHall({ devices: { printer: { driver: 'simulated' } } });
});
afterAll(async () => {
  await h?.close();
});

/** Lifts any card and places the resident card: each placement is a new read and session. */
async function readCard(): Promise<string> {
  await h.app.inject({ method: 'DELETE', url: '/api/sim/idReader/card' });
  await new Promise((r) => setTimeout(r, 150));
  const from = h.events.length;
  await h.app.inject({ method: 'POST', url: '/api/sim/idReader/card', payload: { profile: 'resident' } });
  for (let i = 0; i < 150; i++) {
    const e = h.events.slice(from).find((x) => x.type === 'card.read') as { sessionId: string } | undefined;
    if (e) return e.sessionId;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no card.read');
}

const bookByCard = async (payload: Record<string, unknown>) => {
  const r = await h.app.inject({ method: 'POST', url: '/api/appointments/by-card', payload });
  return { status: r.statusCode, body: r.json() as Record<string, any> };
};
const receipts = async () => (await h.app.inject('/api/sim/printer/receipts')).json().receipts as { lines: string[]; qr: string[] }[];

describe('booking at the kiosk by ID card', () => {
  it('books with the card\'s person and the typed phone, prints the 预约凭条, shows only masked data', async () => {
    const card = CARD_PROFILES.resident!;
    const sessionId = await readCard();
    const r = await bookByCard({ slotId: 'B-20261202-0930', identitySessionId: sessionId, phone: '139 0013 9000' });
    expect(r.status).toBe(201);
    expect(r.body.printed).toBe(true);
    const a = r.body.appointment;
    expect(a).toMatchObject({ categoryId: 'B', date: '2026-12-02', start: '09:30', source: 'kiosk', phoneMasked: '139****9000' });
    expect(a.idNumberMasked).toBe(`${card.idNumber.slice(0, 4)}**********${card.idNumber.slice(-4)}`);
    expect(JSON.stringify(r.body)).not.toContain(card.idNumber);
    expect(JSON.stringify(r.body)).not.toContain(card.name);
    const slip = (await receipts()).at(-1)!;
    expect(slip.lines.join('\n')).toContain(a.code);
    expect(slip.lines.join('\n')).toContain('12月2日 周三 09:30-10:00');
    expect(slip.qr).toEqual([a.qrText]);
    // The slip may be left behind: no name, ID or phone on it.
    expect(slip.lines.join('\n')).not.toMatch(new RegExp(`${card.name}|${card.idNumber}|13900139000|${a.nameMasked.replace('*', '\\*')}`));
    // The same person is found by card at check-in on the day: the typed booking's person hash is the card's.
    const [row] = await h.app.store.query<{ person_hash: string }>('SELECT person_hash FROM appointments WHERE code = $1', [a.code]);
    expect(row!.person_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the booking when the printer has no paper, and says so for the screen', async () => {
    await h.app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { paper: 'out' } });
    const sessionId = await readCard();
    const before = (await receipts()).length;
    const r = await bookByCard({ slotId: 'A-20261203-0900', identitySessionId: sessionId, phone: '13900139000' });
    expect(r.status).toBe(201);
    expect(r.body.printed).toBe(false);
    expect(r.body.printError.message).toContain('请记下预约码');
    expect(r.body.appointment.state).toBe('booked');
    expect((await receipts()).length).toBe(before);
    await h.app.inject({ method: 'POST', url: '/api/sim/printer/state', payload: { paper: 'ok' } });
  });

  it('refuses a bad phone by name, an unknown card session, and the person past the limit', async () => {
    const sessionId = await readCard();
    expect((await bookByCard({ slotId: 'A-20261203-0930', identitySessionId: sessionId, phone: '12345' })).body.error).toMatchObject({ code: 'INVALID_PHONE', field: 'phone' });
    expect((await bookByCard({ slotId: 'A-20261203-0930', identitySessionId: 'no-such-session', phone: '13900139000' })).status).toBe(410);
    // Two open bookings already (the tests above): the default limit is 2.
    const third = await bookByCard({ slotId: 'A-20261203-0930', identitySessionId: sessionId, phone: '13900139000', delivery: 'screen' });
    expect(third.body.error.code).toBe('PERSON_LIMIT_REACHED');
  });
});
