import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { book, idNumberOf, startAppointmentHall, type AppointmentHall } from './appointments-helpers';

/**
 * The per-person limit under concurrent bookings: one person books many different slots at the same moment
 * (so no slot fills), from one daemon on SQLite and from two daemons on one PostgreSQL. Counting the person's
 * open bookings and inserting one are two statements; at READ COMMITTED two bookings would both count below
 * the limit without the person's lock row (store.ts `lockPerson`), which makes them take turns.
 */
const LIMIT = 3;
const PERSON = 7001;
/** The daemons of one hall share the person-hash secret (identity.secret). */
const HALL_SECRET = 'person-limit-test-hall-secret-0123456789';
/** Tuesday 1 to Friday 4 December, categories A and B, three slots a day: 24 different slots. */
const SLOTS = ['20261201', '20261202', '20261203', '20261204'].flatMap((d) =>
  ['A', 'B'].flatMap((c) => ['0900', '0930', '1400'].map((t) => `${c}-${d}-${t}`)),
);

let pg: TestPostgres;
const halls: AppointmentHall[] = [];

beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const h of halls.splice(0)) await h.close().catch(() => undefined);
  await pg?.stop();
});

async function bookAllAtOnce(daemons: AppointmentHall[]) {
  const results = await Promise.all(SLOTS.map((slot, i) => book(daemons[i % daemons.length]!.app, PERSON, slot)));
  const open = await daemons[0]!.app.store.query<{ n: number }>(
    "SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointments WHERE state = 'booked' AND person_hash = (SELECT person_hash FROM appointments LIMIT 1)",
  );
  return { results, open: Number(open[0]!.n) };
}

describe('one person booking many slots at once never holds more than the limit', () => {
  it('on SQLite', async () => {
    const h = await startAppointmentHall({ appointments: { perPersonLimit: LIMIT } });
    halls.push(h);
    const { results, open } = await bookAllAtOnce([h]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(LIMIT);
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error.code))).toEqual(new Set(['PERSON_LIMIT_REACHED']));
    expect(open).toBe(LIMIT);
  });

  it('on PostgreSQL from two daemons', async () => {
    const a = await startAppointmentHall({ pgUrl: pg.url, identitySecret: HALL_SECRET, appointments: { perPersonLimit: LIMIT } });
    halls.push(a);
    const b = await startAppointmentHall({ pgUrl: pg.url, identitySecret: HALL_SECRET, appointments: { perPersonLimit: LIMIT } });
    halls.push(b);
    for (let round = 0; round < 3; round++) {
      await a.app.store.execute('DELETE FROM appointments');
      await a.app.store.execute('UPDATE appointment_slots SET booked = 0');
      const { results, open } = await bookAllAtOnce([a, b]);
      expect(results.filter((r) => r.status === 201)).toHaveLength(LIMIT);
      expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error.code))).toEqual(new Set(['PERSON_LIMIT_REACHED']));
      expect(open).toBe(LIMIT);
    }
    // Another person is not held up by the first one's lock.
    expect((await book(a.app, PERSON + 1, SLOTS[0])).status).toBe(201);
    expect(idNumberOf(PERSON)).not.toBe(idNumberOf(PERSON + 1));
  }, 60_000);
});
