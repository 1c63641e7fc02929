import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponses } from '../core/schemas';
import type { StaffBadge } from '../staff/types';
import { ManagerSessions } from './sessions';

declare module 'fastify' {
  interface FastifyInstance {
    manage: {
      sessions: ManagerSessions;
      /** onRequest hook for every `/api/manage/*` route but sign-in: sets `request.manager` or answers 401. */
      guard(request: FastifyRequest): Promise<void>;
    };
  }
  interface FastifyRequest {
    /** The signed-in manager, on routes behind `app.manage.guard`. */
    manager?: StaffBadge;
  }
}

const staffBadge = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;
const sessionAnswer = {
  type: 'object',
  properties: { token: { type: 'string' }, expiresInSeconds: { type: 'integer' }, staff: staffBadge },
} as const;

const bearer = (header: string | undefined) => /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '')?.[1];

const signInBody = {
  type: 'object',
  required: ['staffId', 'pin'],
  additionalProperties: false,
  properties: {
    staffId: { type: 'string', minLength: 1, maxLength: 20 },
    pin: { type: 'string', minLength: 4, maxLength: 12 },
  },
} as const;

/**
 * The hall manager's console (`/manage`): sign-in with 工号 and PIN (role `manager`, through `app.staff`) and
 * the guard other features put on their `/api/manage/*` routes (差评工单 now; statistics and reports later).
 */
export default fp(
  async function managePlugin(app: FastifyInstance) {
    const sessions = new ManagerSessions(app.clock);
    app.decorateRequest('manager', undefined);
    app.decorate('manage', {
      sessions,
      async guard(request: FastifyRequest) {
        request.manager = sessions.touch(bearer(request.headers.authorization));
      },
    });

    app.post<{ Body: { staffId: string; pin: string } }>('/api/manage/session', {
      schema: { body: signInBody, response: { 200: sessionAnswer, ...errorResponses } },
    }, async (request) => {
      const member = await app.staff.verify(request.body.staffId, request.body.pin, 'manager');
      const staff = { id: member.id, name: member.name };
      return { ...sessions.open(staff), staff };
    });

    app.get('/api/manage/session', {
      onRequest: app.manage.guard,
      schema: { response: { 200: { type: 'object', properties: { staff: staffBadge } }, ...errorResponses } },
    }, async (request) => ({ staff: request.manager }));

    app.delete('/api/manage/session', async (request, reply) => {
      sessions.close(bearer(request.headers.authorization));
      return reply.status(204).send();
    });
  },
  { name: 'manage', dependencies: ['config', 'staff'] },
);
