import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { SLOT_0900, book, checkIn, startAppointmentHall, type AppointmentHall } from './appointments-helpers';

/**
 * Hall-wide: two daemons on one PostgreSQL book the last places of one slot at once from many clients. The
 * conditional UPDATE runs at READ COMMITTED: a waiting writer re-checks `booked < capacity` after the other
 * commits, so the slot never holds more than its capacity.
 */
let pg: TestPostgres;
const halls: AppointmentHall[] = [];

beforeAll(async () => {
  pg = await startPostgres();
  halls.push(await startAppointmentHall({ pgUrl: pg.url }));
  halls.push(await startAppointmentHall({ pgUrl: pg.url }));
}, 60_000);
afterAll(async () => {
  for (const h of halls.splice(0)) await h.close().catch(() => undefined);
  await pg?.stop();
});

describe('appointments on PostgreSQL (two daemons)', () => {
  it('never oversells a slot booked concurrently from both daemons', async () => {
    const [a, b] = halls as [AppointmentHall, AppointmentHall];
    const results = await Promise.all(Array.from({ length: 40 }, (_v, i) => book((i % 2 ? a : b).app, 500 + i)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(6);
    expect(results.filter((r) => r.status !== 201).map((r) => r.body.error.code)).toEqual(Array(34).fill('SLOT_FULL'));
    const [slot] = await a.app.store.query<{ booked: number }>('SELECT booked FROM appointment_slots WHERE id = $1', [SLOT_0900]);
    expect(Number(slot!.booked)).toBe(6);
  });

  it('checks a booking in once when two kiosks scan it at the same moment', async () => {
    const [a, b] = halls as [AppointmentHall, AppointmentHall];
    const code = (await book(a.app, 600, 'B-20261201-0900')).body.appointment.code;
    const both = await Promise.all([checkIn(a.app, { code }), checkIn(b.app, { code })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('ALREADY_CHECKED_IN');
  });
});
