import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { badRequest } from '../core/errors';
import { errorResponses as errors } from '../core/schemas';
import { helpMigrations } from './migrations';
import { grantBody, grantReply, grantsQuery, grantsReply, helpParams, oneRequest, raiseBody, reasonsReply, requestList } from './schemas';
import { HelpDesk } from './service';
import type { HelpRequest } from './types';

declare module 'fastify' {
  interface FastifyInstance {
    help: HelpDesk;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** A person at a kiosk pressed «呼叫帮办»: counter pages and the manager ring. */
    'help.requested': { request: HelpRequest };
    /** A staff member is on the way («我来帮办»): the kiosk says «工作人员正在赶来». */
    'help.taken': { request: HelpRequest };
    'help.closed': { request: HelpRequest };
  }
}

/**
 * 帮办代办 (`/api/help-requests`): raising and following a request is the kiosk's (open, like the queue); taking
 * and closing it, and the list, are for signed-in staff (`app.staffGuard`).
 */
export default fp(
  async function helpPlugin(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    await app.store.migrate('help', helpMigrations);
    const desk = new HelpDesk(app.store, app.clock, app.events, app.config.hall.kioskId, (id) => app.staff.get(id)?.name ?? id);
    app.decorate('help', desk);
    const staff = { onRequest: app.staffGuard };

    app.post('/api/help-requests', { schema: { body: raiseBody, response: { 201: oneRequest, ...errors } } }, async (req, reply) =>
      reply.status(201).send({ request: await desk.raise(req.body.screen, req.body.elder ?? false) }));

    app.get('/api/help-requests', { ...staff, schema: { response: { 200: requestList, ...errors } } }, async () => ({ requests: await desk.active() }));

    app.get('/api/help-requests/:id', { schema: { params: helpParams, response: { 200: oneRequest, ...errors } } }, async (req) => ({
      request: await desk.get(req.params.id),
    }));

    app.post('/api/help-requests/:id/take', { ...staff, schema: { params: helpParams, response: { 200: oneRequest, ...errors } } }, async (req) => ({
      request: await desk.take(req.params.id, req.staffActor?.staffId ?? null, req.staffActor?.counter ?? null),
    }));

    app.post('/api/help-requests/:id/close', { ...staff, schema: { params: helpParams, response: { 200: oneRequest, ...errors } } }, async (req) => ({
      request: await desk.close(req.params.id, req.staffActor?.staffId ?? null, 'helped'),
    }));

    // 绿色通道 by decision: a window or 帮办 staff issues a priority ticket for a person the age rule does not cover.
    app.get('/api/help/priority-reasons', { ...staff, schema: { response: { 200: reasonsReply, ...errors } } }, async () => ({
      reasons: app.config.help.priorityReasons,
    }));
    app.post('/api/help/priority-tickets', { ...staff, schema: { body: grantBody, response: { 201: grantReply, ...errors } } }, async (req, reply) => {
      if (!app.config.help.priorityReasons.includes(req.body.reason)) {
        throw badRequest('PRIORITY_REASON_UNKNOWN', `理由须为：${app.config.help.priorityReasons.join('、')}`);
      }
      const actor = req.staffActor!;
      const issuedBy = actor.staffId ?? `window-${actor.counter}`;
      const issued = await app.tickets.issue({
        categoryId: req.body.categoryId, delivery: req.body.delivery ?? 'print', source: 'staff', priorityGrant: { issuedBy, reason: req.body.reason },
        record: (q, ticket) => desk.recordGrant(q, ticket.id, issuedBy, req.body.reason),
      });
      return reply.status(201).send({ ticket: { id: issued.ticket.id, number: issued.ticket.number, categoryId: issued.ticket.categoryId, printed: issued.ticket.printed }, grant: { issuedBy, reason: req.body.reason } });
    });

    // A keypad whose model has a «呼叫帮办» key raises the same request: the kiosk's own, or a window's (named so).
    const keypad = app.devices.keypad;
    if (keypad) {
      const counter = app.config.devices.keypad?.counter;
      const screen = counter === undefined ? 'keypad' : `keypad.counter-${counter}`;
      const onHelp = () => void desk.raise(screen, false).catch((err: unknown) => app.log.warn({ err }, 'help: keypad request not raised'));
      keypad.answers.on('help', onHelp);
      app.addHook('onClose', async () => void keypad.answers.off('help', onHelp));
    }

    // The manager's record of staff-issued 绿色通道 tickets: who granted priority to whom (ticket) and why.
    app.get('/api/manage/priority-grants', { onRequest: app.manage.guard, schema: { querystring: grantsQuery, response: { 200: grantsReply, ...errors } } }, async (req) => {
      if (req.query.from > req.query.to) throw badRequest('INVALID_REQUEST', 'querystring/from: 不能晚于 to');
      return { grants: await desk.grants(req.query.from, req.query.to) };
    });

    // The person left (the kiosk went home) before help came: closed as `left`, the wait still counted.
    app.post('/api/help-requests/:id/cancel', { schema: { params: helpParams, response: { 200: oneRequest, ...errors } } }, async (req) => ({
      request: await desk.close(req.params.id, null, 'left'),
    }));
  },
  { name: 'help', dependencies: ['config', 'store', 'events', 'devices', 'staff', 'staff-auth', 'manage', 'queue'] },
);
