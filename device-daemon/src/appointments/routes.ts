import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DomainError } from '../core/errors';
import { tokenHash } from '../core/guards';
import * as outbox from './outbox-store';
import * as s from './schemas';

/** Appointment routes (docs/API.md «Appointments»): thin, one service call each. */
export default async function appointmentRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const cfg = app.config.appointments;

  app.get('/api/appointments/calendar', { schema: s.calendarRoute }, async () => ({
    categories: cfg.categories.map((c) => ({ id: c.categoryId, name: app.queue.categoryName(c.categoryId) })),
    dates: app.appointments.bookableDates(),
    checkInEarlyMinutes: cfg.checkInEarlyMinutes,
    checkInLateMinutes: cfg.checkInLateMinutes,
  }));
  app.get('/api/appointments/slots', { schema: s.slotsRoute }, async (req) => ({ slots: await app.appointments.slots(req.query.categoryId, req.query.date) }));

  app.post('/api/appointments', { schema: s.bookRoute }, async (req, reply) => {
    const { slotId, ...person } = req.body;
    const { appointment } = await app.appointments.bookTyped(slotId, person, 'phone');
    return reply.code(201).send({ appointment });
  });
  app.post('/api/appointments/by-card', { schema: s.bookByCardRoute }, async (req, reply) => {
    const { slotId, identitySessionId, phone, delivery } = req.body;
    return reply.code(201).send(await app.appointments.bookByCard(slotId, identitySessionId, phone, delivery));
  });
  app.post('/api/appointments/check-in', { schema: s.checkInRoute }, async (req, reply) => {
    const { delivery = 'print', ...by } = req.body;
    const { ticket, appointment, printError } = await app.appointmentCheckIn.checkIn(by as { code: string } | { identitySessionId: string }, delivery);
    return reply.code(201).send({ ticket, appointment, ...(printError ? { printError } : {}) });
  });
  app.get('/api/appointments/:code', { schema: s.getRoute }, async (req) => ({ appointment: await app.appointments.get(req.params.code) }));
  app.post('/api/appointments/mine', { schema: s.openByCardRoute }, async (req) => ({
    appointments: await app.appointments.openByCard(req.body.identitySessionId),
  }));
  app.post('/api/appointments/:code/cancel', { schema: s.cancelRoute }, async (req) => ({
    appointment: await app.appointments.cancel(req.params.code, req.body),
  }));
  app.post('/api/appointments/:code/change', { schema: s.changeRoute }, async (req) => {
    const { slotId, ...proof } = req.body;
    return { appointment: await app.appointments.change(req.params.code, proof, slotId) };
  });

  // A provincial or city booking system: Bearer token (its SHA-256 in appointments.integrationTokens), idempotent on externalId.
  const integrationGuard = async (req: FastifyRequest) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const hash = token ? Buffer.from(tokenHash(token), 'hex') : undefined;
    if (!hash || !cfg.integrationTokens.some((t) => timingSafeEqual(Buffer.from(t, 'hex'), hash))) {
      throw new DomainError('INTEGRATION_TOKEN_INVALID', '预约系统接入令牌无效', 401);
    }
  };
  app.post('/api/integration/appointments', { schema: s.integrationRoute, onRequest: integrationGuard }, async (req, reply) => {
    const { externalId, slotId, ...person } = req.body;
    const { appointment, created } = await app.appointments.bookTyped(slotId, person, 'integration', externalId);
    return reply.code(created ? 201 : 200).send({ appointment });
  });

  // The technician: the SMS outbox and its dead letters, behind the maintenance login.
  app.get('/api/appointments/notifications', { schema: s.outboxRoute, onRequest: app.technicianGuard }, async () => {
    const dead = await outbox.deadLetters(app.store, 100);
    return {
      ...(await outbox.counts(app.store)),
      deadLetters: dead.map((d) => ({ id: d.id, kind: d.kind, attempts: Number(d.attempts), lastError: d.last_error, createdAt: d.created_at })),
    };
  });
  app.post('/api/appointments/notifications/:id/retry', { schema: s.retryRoute, onRequest: app.technicianGuard }, async (req) => {
    const ok = await outbox.revive(app.store, req.params.id, app.clock.now().toISOString());
    if (ok) app.smsSender?.kick();
    return { ok };
  });
}
