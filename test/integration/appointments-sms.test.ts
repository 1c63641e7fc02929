import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, until } from '../support/hall';
import { startSmsGateway, type SmsGateway } from '../support/sms-gateway';
import { book, checkIn, startAppointmentHall, type AppointmentHall } from './appointments-helpers';

let gw: SmsGateway;
let h: AppointmentHall;
beforeEach(async () => {
  gw = await startSmsGateway({ seed: 11, faults: { reset: 0.15, stall: 0.05, error: 0.25, ackLost: 0.15 } });
  h = await startAppointmentHall({
    appointments: {
      notify: {
        gateway: { url: gw.url, secret: gw.secret, signName: '【测试大厅】', timeoutMs: 300, initialRetryMs: 20, maxRetryMs: 200 },
        nearTurnAhead: 3,
      },
    },
  });
});
afterEach(async () => {
  await h?.close();
  await gw.close();
});

const delivered = (suffix: string) => [...gw.messages.values()].filter((m) => m.key.endsWith(suffix) && m.accepted > 0);

describe('SMS notifications through a gateway that fails at random', () => {
  it('sends the confirmation, «还有 3 位轮到您» and 过号 once each, signed, to the right phone', async () => {
    const appointments = [];
    for (let i = 0; i < 6; i++) appointments.push((await book(h.app, 200 + i)).body.appointment);
    await until(() => delivered(':confirmed').length === 6, 15_000, 'six confirmations');
    const first = gw.messages.get(`${appointments[0].id}:confirmed`)!;
    expect(first.phone).toBe('13800130200');
    expect(first.text).toContain(`【测试大厅】您已预约2026-12-01 09:00-09:30的社会民生业务，预约码${appointments[0].code}`);

    for (const a of appointments) expect((await checkIn(h.app, { code: a.code })).status).toBe(201);
    // The first four are at most 3 appointments from the front as soon as they check in.
    await until(() => delivered(':near').length === 4, 15_000, 'four «轮到您»');
    for (let i = 0; i < 6; i++) {
      expect((await act(h.app, 1, 'call-next')).status).toBe(200);
      expect((await act(h.app, 1, 'no-show')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    await until(() => delivered(':near').length === 6 && delivered(':missed').length === 6, 20_000, 'every «轮到您» and 过号');
    expect(gw.messages.get(`${appointments[5].id}:near`)!.text).toMatch(/还有 \d 位轮到您/);
    expect(gw.messages.get(`${appointments[0].id}:missed`)!.text).toContain('已过号');
    for (const m of gw.messages.values()) expect(m.sameBody, m.key).toBe(true);
    expect(gw.stats.badSignature).toBe(0);
    expect(gw.stats.reset + gw.stats.error + gw.stats.ackLost).toBeGreaterThan(0);
    await until(async () => (await h.app.store.query("SELECT id FROM appointment_notifications WHERE state <> 'delivered'")).length === 0, 10_000, 'outbox drained');
    const kept = await h.app.store.query<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM appointment_notifications WHERE phone_sealed IS NOT NULL');
    expect(Number(kept[0]!.n)).toBe(0); // a delivered text keeps no phone
  }, 60_000);

  it('reminds the day before at the configured time, once however often the sweep runs', async () => {
    const a = (await book(h.app, 300, 'A-20261202-0930')).body.appointment;
    await h.app.appointmentSweeps.everyMinute();
    expect(gw.messages.has(`${a.id}:reminder`)).toBe(false);
    h.clock.set('2026-12-01T10:05:00Z'); // 18:05
    await h.app.appointmentSweeps.everyMinute();
    await h.app.appointmentSweeps.everyMinute();
    await until(() => (gw.messages.get(`${a.id}:reminder`)?.accepted ?? 0) > 0, 10_000, 'reminder');
    expect(gw.messages.get(`${a.id}:reminder`)!.text).toContain('明天（2026-12-02）09:30-10:00');
  }, 30_000);
});
