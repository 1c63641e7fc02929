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

describe('我的预约 at the kiosk: the person\'s bookings by card, cancelled by card', () => {
  const mine = async (identitySessionId: string) => {
    const r = await h.app.inject({ method: 'POST', url: '/api/appointments/mine', payload: { identitySessionId } });
    return { status: r.statusCode, body: r.json() as Record<string, any> };
  };
  const cancel = async (code: string, payload: Record<string, unknown>) => {
    const r = await h.app.inject({ method: 'POST', url: `/api/appointments/${code}/cancel`, payload });
    return { status: r.statusCode, body: r.json() as Record<string, any> };
  };

  it('lists the bookings still ahead, soonest first, masked; cancelling one by card frees a place for a new booking', async () => {
    const sessionId = await readCard();
    const list = await mine(sessionId);
    expect(list.status).toBe(200);
    // The two the tests above made for the resident card.
    expect(list.body.appointments.map((a: { date: string; start: string }) => `${a.date} ${a.start}`)).toEqual(['2026-12-02 09:30', '2026-12-03 09:00']);
    expect(JSON.stringify(list.body)).not.toContain(CARD_PROFILES.resident!.idNumber);
    const [first] = list.body.appointments;
    const slotBefore = (await h.app.inject('/api/appointments/slots?categoryId=B&date=2026-12-02')).json().slots.find((s: { id: string }) => s.id === 'B-20261202-0930');

    const done = await cancel(first.code, { identitySessionId: sessionId });
    expect(done.status).toBe(200);
    expect(done.body.appointment).toMatchObject({ code: first.code, state: 'cancelled' });
    expect((await mine(sessionId)).body.appointments).toHaveLength(1);
    const slotAfter = (await h.app.inject('/api/appointments/slots?categoryId=B&date=2026-12-02')).json().slots.find((s: { id: string }) => s.id === 'B-20261202-0930');
    expect(slotAfter.booked).toBe(slotBefore.booked - 1);
    // Under the limit again: the person can book.
    expect((await bookByCard({ slotId: 'A-20261203-0930', identitySessionId: sessionId, phone: '13900139000', delivery: 'screen' })).status).toBe(201);
    // Cancelled once is cancelled: a second try says so.
    expect((await cancel(first.code, { identitySessionId: sessionId })).body.error.code).toBe('APPOINTMENT_NOT_CANCELLABLE');
  });

  it('another person\'s card cannot cancel, a lapsed card session is refused, and the body is one proof or the other', async () => {
    const resident = await readCard();
    const [a] = (await mine(resident)).body.appointments;
    await h.app.inject({ method: 'DELETE', url: '/api/sim/idReader/card' });
    await new Promise((r) => setTimeout(r, 150));
    const from = h.events.length;
    await h.app.inject({ method: 'POST', url: '/api/sim/idReader/card', payload: { profile: 'resident-elder' } });
    let other: string | undefined;
    for (let i = 0; i < 150 && !other; i++) {
      other = (h.events.slice(from).find((x) => x.type === 'card.read') as { sessionId: string } | undefined)?.sessionId;
      if (!other) await new Promise((r) => setTimeout(r, 20));
    }
    expect((await mine(other!)).body.appointments).toEqual([]);
    const wrong = await cancel(a.code, { identitySessionId: other });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error).toMatchObject({ code: 'APPOINTMENT_NOT_FOUND', message: '这个预约不是用这张身份证办理的' });
    expect((await cancel(a.code, { identitySessionId: 'no-such-session' })).status).toBe(410);
    expect((await mine('no-such-session')).status).toBe(410);
    expect((await cancel(a.code, { identitySessionId: other, idNumber: CARD_PROFILES.resident!.idNumber })).status).toBe(400);
    // Still booked: nothing above touched it.
    expect((await h.app.inject(`/api/appointments/${a.code}`)).json().appointment.state).toBe('booked');
  });
});
