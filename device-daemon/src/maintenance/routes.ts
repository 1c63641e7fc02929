import type { FastifyInstance } from 'fastify';
import { deviceCatalog } from '../devices/descriptors';
import { sessionCookie, tokenOf } from './sessions';
import * as s from './schemas';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A maintenance route reachable without a session (only login). */
    maintenancePublic?: boolean;
  }
}

/**
 * /api/maintenance/...: thin routes over MaintenanceService. Every route but login needs a live session,
 * checked in one hook, so no route can forget it.
 */
export default async function maintenanceRoutes(app: FastifyInstance) {
  const svc = app.maintenance;

  app.addHook('onRequest', app.technicianGuard);

  app.post<{ Body: s.LoginBody }>('/login', {
    config: { maintenancePublic: true },
    schema: {
      body: s.loginBody,
      response: { 200: { type: 'object', properties: { token: { type: 'string' }, expiresInSeconds: { type: 'integer' } } }, ...s.responses },
    },
  }, async (request, reply) => {
    const session = await svc.sessions.login(request.body.pin, { address: request.socket.remoteAddress }).catch((err: { code?: string }) => {
      request.log.warn({ code: err.code }, 'maintenance login refused');
      throw err;
    });
    request.log.info('maintenance login');
    return reply.header('set-cookie', sessionCookie(session.token)).send(session);
  });

  app.post('/logout', async (request, reply) => {
    svc.sessions.logout(tokenOf(request)!);
    return reply.header('set-cookie', sessionCookie('')).status(204).send();
  });

  app.get('/devices', {
    schema: { response: { 200: { type: 'object', properties: { devices: { type: 'array', items: s.deviceStatusSchema } } }, ...s.responses } },
  }, async () => ({ devices: svc.devices() }));

  app.get('/catalog', { schema: { response: { 200: s.catalogSchema, ...s.responses } } }, async () => ({ devices: deviceCatalog() }));

  app.get<{ Params: s.DeviceParams }>('/devices/:name', {
    schema: { params: s.deviceParams, response: { 200: { type: 'object', properties: { device: s.deviceStatusSchema } }, ...s.responses } },
  }, async (request) => ({ device: svc.device(request.params.name).status() }));

  app.post<{ Params: s.DeviceParams; Body: s.HealthBody }>('/devices/:name/health', {
    schema: {
      params: s.deviceParams,
      body: s.healthBody,
      response: {
        200: { type: 'object', properties: { result: s.deviceStatusSchema.properties.lastHealth, device: s.deviceStatusSchema } },
        ...s.responses,
      },
    },
  }, async (request) => svc.checkHealth(request.params.name, request.body.level));

  app.get<{ Querystring: s.LogQuery }>('/log', {
    schema: { querystring: s.logQuery, response: { 200: { type: 'object', properties: { lines: { type: 'array', items: s.logLineSchema } } }, ...s.responses } },
  }, async (request) => ({ lines: svc.logTail(Number(request.query.limit ?? 200)) }));

  app.get('/system', async () => ({ system: await svc.system(), ui: app.uiWatchdog.status(), ...(app.voice ? { voice: app.voice.status() } : {}) }));

  app.get('/bundle', async (request, reply) => {
    const bundle = await svc.bundle();
    const stamp = bundle.generatedAt.replace(/[:.]/g, '-');
    request.log.info('maintenance diagnostic bundle exported');
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="kiosk-${app.config.hall.kioskId}-${stamp}.json"`)
      .send(JSON.stringify(bundle, null, 2));
  });
}
