import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { appointmentMigrations } from './migrations';
import { AppointmentService } from './service';
import { CheckIn } from './check-in';
import { AppointmentSweeps } from './sweeps';
import { SmsSender } from './sms-sender';
import { Sealer } from '../core/crypto/sealed';
import { PHONE_SEAL, resealLegacyPhones } from './reseal';
import { scanMeaning, type ScanMeaning } from './scan-text';
import type { AppointmentContext } from './context';
import appointmentRoutes from './routes';
import type { QrScan } from '../devices/qrReader';
import { printWithFallback } from '../devices/printer';

declare module 'fastify' {
  interface FastifyInstance {
    appointments: AppointmentService;
    appointmentCheckIn: CheckIn;
    appointmentSweeps: AppointmentSweeps;
    /** Absent without `appointments.notify.gateway`: texts then wait in the outbox. */
    smsSender: SmsSender | undefined;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** The kiosk's QR reader read a code: what it means here (never the raw text, which may be anything). */
    'qr.scanned': ScanMeaning;
    /** The QR reader got something unusable: a plain message for the screen. */
    'qr.bad': { code: string; message: string };
    'appointments.dead-letter': { id: string; kind: string; error: string };
  }
}

/** 预约: bookable slots, booking, check-in (card, QR, code), the SMS outbox and its sweeps. See README.md. */
export default fp(
  async function appointmentsPlugin(app: FastifyInstance) {
    await app.store.migrate('appointments', appointmentMigrations);
    const cfg = app.config.appointments;
    const log = app.log.child({ area: 'appointments' });
    // Phones at rest are sealed like every contact datum (core/crypto/sealed.ts: key ring in the data folder).
    const sealer = Sealer.open(app.config.dataDir);
    const sealPhone = (phone: string) => sealer.seal(phone, PHONE_SEAL);
    const legacy = await resealLegacyPhones(app.store, app.identity.derivedKey('appointments.phone'), sealPhone);
    if (legacy.resealed > 0) log.info({ count: legacy.resealed }, 'appointment phones re-sealed in the core format');
    if (legacy.unreadable > 0) log.warn({ count: legacy.unreadable }, 'appointment phones sealed under another identity secret: not re-sealed');
    let sender: SmsSender | undefined;
    const ctx: AppointmentContext = {
      db: app.store,
      config: cfg,
      clock: app.clock,
      timeZone: app.config.hall.timezone,
      hallName: app.config.hall.name,
      publicBaseUrl: app.ticketLayout.publicBaseUrl,
      categoryName: (id) => app.queue.categoryName(id),
      hashIdNumber: (id) => app.identity.personHashOf(id),
      cardSession: (id) => {
        const v = app.identity.resolve(id);
        return { personHash: v.personHash, nameMasked: v.card.nameMasked, idNumberMasked: v.card.idNumberMasked };
      },
      sealPhone,
      issueTicket: (req) => app.tickets.issue(req),
      ticket: (id) => app.queue.get(id),
      print: (doc) => printWithFallback(app.devices.printer, doc),
      notified: () => sender?.kick(),
      checkedIn: () => void sweeps.queueMoved(),
    };
    if (cfg.notify.gateway) {
      sender = new SmsSender(app.store, cfg.notify.gateway, (s) => sealer.unseal(s, PHONE_SEAL), app.clock, log, (row, error) =>
        app.events.publish('appointments.dead-letter', { id: row.id, kind: row.kind, error }),
      );
    } else {
      log.warn('appointments.notify.gateway is not configured: SMS texts are kept in the outbox until it is');
    }
    const sweeps = new AppointmentSweeps(ctx, log);
    app.decorate('appointments', new AppointmentService(ctx));
    app.decorate('appointmentCheckIn', new CheckIn(ctx));
    app.decorate('appointmentSweeps', sweeps);
    app.decorate('smsSender', sender);

    // Only what moves a waiting ticket forward: a new ticket takes the next number, behind every checked-in one, so
    // `queue.ticket.issued` (hall-wide, every daemon hears every ticket) would only re-read the same answer; a
    // check-in looks once itself (checkedIn). docs/PERFORMANCE.md: this was 0.6 statements per ticket per hall.
    const unsubscribe = app.events.subscribe((e) => {
      if (e.type === 'queue.called' || e.type === 'queue.counter') void sweeps.queueMoved();
    });
    const qr = app.devices.qrReader;
    const onScan = (scan: QrScan) => app.events.publish('qr.scanned', scanMeaning(scan.text));
    const onBad = (bad: { code: string; message: string }) => app.events.publish('qr.bad', bad);
    qr?.scans.on('scan', onScan);
    qr?.scans.on('badScan', onBad);

    let timer: NodeJS.Timeout | undefined;
    const sweep = () => void sweeps.everyMinute().catch((err: Error) => log.warn({ err: err.message }, 'appointments sweep failed'));
    app.addHook('onReady', async () => {
      sender?.kick();
      sweep();
      timer = setInterval(sweep, 60_000);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      unsubscribe();
      qr?.scans.off('scan', onScan);
      qr?.scans.off('badScan', onBad);
      await sender?.stop();
    });
    await app.register(appointmentRoutes);
  },
  { name: 'appointments', dependencies: ['config', 'store', 'events', 'devices', 'identity', 'queue', 'maintenance'] },
);
