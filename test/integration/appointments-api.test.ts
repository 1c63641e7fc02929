import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, issue } from '../support/hall';
import { CARD_PROFILES } from '../../device-daemon/src/devices/idcard/sim/profiles';
import { INTEGRATION_TOKEN, SLOT_0900, book, checkIn, idNumberOf, startAppointmentHall, type AppointmentHall } from './appointments-helpers';

let h: AppointmentHall;
beforeEach(async () => {
  h = await startAppointmentHall();
});
afterEach(async () => {
  await h.close();
});

const waitEvent = async (type: string, from = 0, ms = 3000) => {
  const end = Date.now() + ms;
  for (;;) {
    const e = h.events.slice(from).find((x) => x.type === type);
    if (e) return e as Record<string, any>;
    if (Date.now() > end) throw new Error(`no ${type} event`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('booking', () => {
  it('lists the day\'s slots, books one, and shows only masked data', async () => {
    const slots = await h.app.inject({ url: '/api/appointments/slots?categoryId=A&date=2026-12-01' });
    expect(slots.json().slots.map((s: { id: string }) => s.id)).toEqual([SLOT_0900, 'A-20261201-0930', 'A-20261201-1400']);
    const r = await book(h.app, 1);
    expect(r.status).toBe(201);
    expect(r.body.appointment).toMatchObject({ categoryId: 'A', date: '2026-12-01', start: '09:00', state: 'booked', nameMasked: '张*明', phoneMasked: '138****0001' });
    expect(r.body.appointment.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(r.body.appointment.qrText).toBe(`https://hall.example/m/a/${r.body.appointment.code}`);
    expect(JSON.stringify(r.body)).not.toContain(idNumberOf(1));
    const after = await h.app.inject({ url: '/api/appointments/slots?categoryId=A&date=2026-12-01' });
    expect(after.json().slots[0]).toMatchObject({ capacity: 6, booked: 1 });
    const [row] = await h.app.store.query<{ phone_sealed: string; person_hash: string }>('SELECT phone_sealed, person_hash FROM appointments');
    expect(row!.phone_sealed).not.toContain('13800130001');
    expect(row!.person_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong check digit, a bad phone, a holiday and a day too far, naming the field', async () => {
    const bad = idNumberOf(2).slice(0, 17) + (idNumberOf(2).endsWith('0') ? '1' : '0');
    const r = await h.app.inject({ method: 'POST', url: '/api/appointments', payload: { slotId: SLOT_0900, idNumber: bad, name: '张三', phone: '13800138000' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'INVALID_ID_NUMBER', field: 'idNumber' });
    const p = await h.app.inject({ method: 'POST', url: '/api/appointments', payload: { slotId: SLOT_0900, idNumber: idNumberOf(2), name: '张三', phone: '1380013' } });
    expect(p.json().error).toMatchObject({ code: 'INVALID_PHONE', field: 'phone' });
    expect((await book(h.app, 3, 'A-20261206-0900')).body.error.code).toBe('SLOT_NOT_FOUND'); // a Sunday
    expect((await book(h.app, 3, 'A-20261230-0900')).body.error.code).toBe('SLOT_NOT_FOUND'); // beyond 7 days
  });

  it('holds a person to the limit, cancels with the ID number and gives the place back', async () => {
    const a = await book(h.app, 4, SLOT_0900);
    await book(h.app, 4, 'A-20261202-0900');
    expect((await book(h.app, 4, 'A-20261203-0900')).body.error.code).toBe('PERSON_LIMIT_REACHED');
    const wrong = await h.app.inject({ method: 'POST', url: `/api/appointments/${a.body.appointment.code}/cancel`, payload: { idNumber: idNumberOf(5) } });
    expect(wrong.statusCode).toBe(404);
    const ok = await h.app.inject({ method: 'POST', url: `/api/appointments/${a.body.appointment.code}/cancel`, payload: { idNumber: idNumberOf(4) } });
    expect(ok.json().appointment.state).toBe('cancelled');
    expect((await h.app.inject({ url: '/api/appointments/slots?categoryId=A&date=2026-12-01' })).json().slots[0].booked).toBe(0);
    expect((await book(h.app, 4, 'A-20261203-0900')).status).toBe(201);
  });

  it('never oversells the last places under concurrent booking (SQLite)', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_v, i) => book(h.app, 100 + i)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(6);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SLOT_FULL')).toBe(true);
    const [slot] = await h.app.store.query<{ booked: number }>('SELECT booked FROM appointment_slots WHERE id = $1', [SLOT_0900]);
    expect(Number(slot!.booked)).toBe(6);
    const [n] = await h.app.store.query<{ n: number }>("SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointments WHERE state = 'booked'");
    expect(Number(n!.n)).toBe(6);
  });

  it('takes integration bookings once per external id, with a valid token only', async () => {
    const payload = { externalId: 'gd-2026-0001', slotId: SLOT_0900, idNumber: idNumberOf(7), name: '李四', phone: '13900139000' };
    expect((await h.app.inject({ method: 'POST', url: '/api/integration/appointments', payload })).statusCode).toBe(401);
    const headers = { authorization: `Bearer ${INTEGRATION_TOKEN}` };
    const both = await Promise.all([1, 2, 3].map(() => h.app.inject({ method: 'POST', url: '/api/integration/appointments', payload, headers })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(both.map((r) => r.json().appointment.code)).size).toBe(1);
    expect(both[0]!.json().appointment.source).toBe('integration');
    expect((await h.app.inject({ url: '/api/appointments/slots?categoryId=A&date=2026-12-01' })).json().slots[0].booked).toBe(1);
  });
});

describe('check-in', () => {
  it('by code: too early says when, inside the window gives an appointment ticket, once', async () => {
    const code = (await book(h.app, 10)).body.appointment.code;
    h.clock.set('2026-12-01T00:20:00Z'); // 08:20
    const early = await checkIn(h.app, { code });
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'CHECK_IN_TOO_EARLY', opensAt: '08:30' } } });
    h.clock.set('2026-12-01T00:50:00Z'); // 08:50
    const ok = await checkIn(h.app, { code });
    expect(ok.status).toBe(201);
    expect(ok.body.ticket).toMatchObject({ categoryId: 'A', appointment: true, realName: true });
    expect(ok.body.appointment).toMatchObject({ state: 'checked-in', ticketNumber: ok.body.ticket.number });
    expect((await checkIn(h.app, { code })).body.error.code).toBe('ALREADY_CHECKED_IN');
  });

  it('by code too late offers an ordinary ticket; an unknown code is 404', async () => {
    const code = (await book(h.app, 11)).body.appointment.code;
    h.clock.set('2026-12-01T01:20:00Z'); // 09:20, window closed at 09:15
    expect((await checkIn(h.app, { code })).body.error).toMatchObject({ code: 'CHECK_IN_TOO_LATE', categoryId: 'A' });
    expect((await checkIn(h.app, { code: 'ZZZZZZZZ' })).status).toBe(404);
  });

  it('by the ID card on the reader finds today\'s booking of that person', async () => {
    const card = CARD_PROFILES.resident!;
    const r = await h.app.inject({ method: 'POST', url: '/api/appointments', payload: { slotId: SLOT_0900, idNumber: card.idNumber, name: card.name, phone: '13700137000' } });
    expect(r.statusCode).toBe(201);
    const from = h.events.length;
    await h.app.inject({ method: 'POST', url: '/api/sim/idReader/card', payload: { profile: 'resident' } });
    const read = await waitEvent('card.read', from);
    const ok = await checkIn(h.app, { identitySessionId: read.sessionId });
    expect(ok.status).toBe(201);
    expect(ok.body.appointment.code).toBe(r.json().appointment.code);
  });

  it('by QR: the reader\'s scan of the booking QR becomes a check-in code; other codes a plain message', async () => {
    const appointment = (await book(h.app, 12)).body.appointment;
    let from = h.events.length;
    await h.app.inject({ method: 'POST', url: '/api/sim/qrReader/scan', payload: { text: appointment.qrText } });
    expect(await waitEvent('qr.scanned', from)).toMatchObject({ kind: 'appointment', code: appointment.code });
    expect((await checkIn(h.app, { code: appointment.code })).status).toBe(201);
    from = h.events.length;
    await h.app.inject({ method: 'POST', url: '/api/sim/qrReader/scan', payload: { text: 'weixin://wxpay/bizpayurl?pr=abc' } });
    expect(await waitEvent('qr.scanned', from)).toMatchObject({ kind: 'unknown' });
    from = h.events.length;
    await h.app.inject({ method: 'POST', url: '/api/sim/qrReader/raw', payload: { hex: '0001020d' } });
    expect(await waitEvent('qr.bad', from)).toMatchObject({ code: 'QR_NOISE' });
  });

  it('calls appointment tickets ahead of walk-ins, one walk-in after every two', async () => {
    for (let i = 0; i < 3; i++) await issue(h.app, 'A'); // A001..A003 walk-ins
    for (let i = 0; i < 3; i++) await checkIn(h.app, { code: (await book(h.app, 20 + i)).body.appointment.code }); // A004..A006
    await issue(h.app, 'A'); // A007
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await act(h.app, 1, 'call-next');
      order.push(r.body.counter.current.number);
      await act(h.app, 1, 'no-show');
    }
    expect(order).toEqual(['A004', 'A005', 'A001', 'A006', 'A002', 'A003', 'A007']);
  });
});
